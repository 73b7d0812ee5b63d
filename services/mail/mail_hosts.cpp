#include "mail/mail_hosts.h"

#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "mail/mail_errors.h"
#include "mail/mail_names.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace mp::mail {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT id, name, mx_host, reader_login, mail_root, is_default, enabled, created_at FROM mail_hosts ");

MailHost hostFrom(const QSqlQuery &q)
{
    MailHost h;
    h.id = q.value(0).toString();
    h.name = q.value(1).toString();
    h.mxHost = q.value(2).toString();
    h.readerLogin = q.value(3).toString();
    h.mailRoot = q.value(4).toString();
    h.isDefault = q.value(5).toBool();
    h.enabled = q.value(6).toBool();
    h.createdAt = q.value(7).toDateTime();
    return h;
}

} // namespace

const api::RequestBody &MailHosts::body()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("MailHostInput"))
            .add(BodyField::string(QStringLiteral("name"))
                     .required()
                     .maxLength(63)
                     .describe(QStringLiteral("how staff call it")))
            .add(BodyField::string(QStringLiteral("mx_host"))
                     .required()
                     .describe(QStringLiteral("the host name MX records point at, e.g. mx1.example.net")))
            .add(BodyField::string(QStringLiteral("reader_login"))
                     .required()
                     .maxLength(63)
                     .describe(QStringLiteral(
                         "the PostgreSQL login its Postfix and Dovecot read the mail_host_* views with")))
            .add(
                BodyField::string(QStringLiteral("mail_root"))
                    .required()
                    .maxLength(500)
                    .describe(QStringLiteral("where the host keeps mail: <mail_root>/<domain>/<local part>")))
            .add(BodyField::boolean(QStringLiteral("is_default"))
                     .describe(QStringLiteral("new domains go here (default: true for the first host)")));
    return body;
}

Result<QList<MailHost>> MailHosts::list(const QSqlDatabase &db)
{
    auto q = sql::exec(db, kSelect + QStringLiteral("ORDER BY lower(name)"));
    if (!q)
        return q.error();
    QList<MailHost> out;
    while (q->next())
        out.append(hostFrom(*q));
    return out;
}

Result<MailHost> MailHosts::create(TenantTransaction &tx, const api::BodyValues &body, const QDateTime &now)
{
    static const QRegularExpression nameShape(QStringLiteral("^[A-Za-z0-9_.-]{1,63}$"));
    static const QRegularExpression loginShape(QStringLiteral("^[a-z_][a-z0-9_]{0,62}$"));
    const QString name = body.string(QStringLiteral("name"), QString()).trimmed();
    if (!nameShape.match(name).hasMatch())
        return makeError(errors::InvalidName,
                         QStringLiteral("a host name has letters, digits, '_', '.', '-'"),
                         QStringLiteral("name"));
    auto mx = mailDomainName(body.string(QStringLiteral("mx_host"), QString()), QStringLiteral("mx_host"));
    if (!mx)
        return mx.error();
    const QString login = body.string(QStringLiteral("reader_login"), QString());
    if (!loginShape.match(login).hasMatch())
        return makeError(errors::InvalidValue,
                         QStringLiteral("reader_login is a PostgreSQL login: lower case, digits and '_'"),
                         QStringLiteral("reader_login"));
    const QString root = body.string(QStringLiteral("mail_root"), QString());
    if (!root.startsWith(u'/') || root.contains(QLatin1String("/../")) || root.endsWith(QLatin1String("/..")))
        return makeError(errors::InvalidValue, QStringLiteral("mail_root is an absolute directory"),
                         QStringLiteral("mail_root"));
    auto others =
        sql::exec(tx.db(), QStringLiteral("SELECT count(*) FROM mail_hosts WHERE is_default AND enabled"));
    if (!others)
        return others.error();
    others->next();
    const bool isDefault = body.boolean(QStringLiteral("is_default")).value_or(others->value(0).toInt() == 0);
    if (isDefault) {
        if (auto q = sql::exec(tx.db(),
                               QStringLiteral("UPDATE mail_hosts SET is_default = false WHERE is_default"));
            !q)
            return q.error();
    }
    auto q =
        sql::exec(tx.db(),
                  QStringLiteral("INSERT INTO mail_hosts (tenant_id, name, mx_host, reader_login, mail_root, "
                                 "is_default, created_at, updated_at) VALUES (?::uuid, ?, ?, ?, ?, ?, "
                                 "?::timestamptz, ?::timestamptz) ON CONFLICT DO NOTHING RETURNING id"),
                  {tx.tenantId(), name, *mx, login, root, isDefault, now.toUTC(), now.toUTC()});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::MailHostExists,
                         QStringLiteral("a mail host with this name or reader login exists"),
                         QStringLiteral("name"));
    auto made = sql::exec(tx.db(), kSelect + QStringLiteral("WHERE id = ?::uuid"), {q->value(0)});
    if (!made)
        return made.error();
    made->next();
    return hostFrom(*made);
}

Result<QString> MailHosts::pick(const QSqlDatabase &db, const QString &hostId)
{
    if (!hostId.isEmpty()) {
        if (!isUuid(hostId))
            return makeError(errors::InvalidValue, QStringLiteral("host_id must be a uuid"),
                             QStringLiteral("host_id"));
        auto q = sql::exec(db, QStringLiteral("SELECT id FROM mail_hosts WHERE id = ?::uuid AND enabled"),
                           {hostId});
        if (!q)
            return q.error();
        if (!q->next())
            return makeError(errors::NotFound, QStringLiteral("no such mail host"),
                             QStringLiteral("host_id"));
        return q->value(0).toString();
    }
    auto q = sql::exec(db, QStringLiteral("SELECT id FROM mail_hosts WHERE is_default AND enabled"));
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::MailNoHost, QStringLiteral("the tenant has no default mail host"),
                         QStringLiteral("host_id"));
    return q->value(0).toString();
}

} // namespace mp::mail
