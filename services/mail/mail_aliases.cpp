#include "mail/mail_aliases.h"

#include "api/body_values.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "mail/mail_domains.h"
#include "mail/mail_errors.h"
#include "mail/mail_names.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace mp::mail {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT a.id, a.domain_id, d.name, d.customer_id, a.local_part, array_to_json(a.destinations)::text, "
    "a.created_at FROM mail_aliases a JOIN mail_domains d ON d.id = a.domain_id ");

MailAlias aliasFrom(const QSqlQuery &q)
{
    MailAlias a;
    a.id = q.value(0).toString();
    a.domainId = q.value(1).toString();
    a.domain = q.value(2).toString();
    a.customerId = q.value(3).toString();
    a.localPart = q.value(4).toString();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(5).toString().toUtf8()).array())
        a.destinations << v.toString();
    a.createdAt = q.value(6).toDateTime();
    return a;
}

} // namespace

Result<MailAlias> MailAliases::find(const QSqlDatabase &db, const QString &id)
{
    const Error missing = makeError(errors::NotFound, QStringLiteral("no such alias"), QStringLiteral("id"));
    if (!isUuid(id))
        return missing;
    auto q = sql::exec(db, kSelect + QStringLiteral("WHERE a.id = ?::uuid"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return missing;
    return aliasFrom(*q);
}

Result<QList<MailAlias>> MailAliases::list(const QSqlDatabase &db, const QString &domainId)
{
    auto q = sql::exec(db, kSelect + QStringLiteral("WHERE a.domain_id = ?::uuid ORDER BY a.local_part"),
                       {domainId});
    if (!q)
        return q.error();
    QList<MailAlias> out;
    while (q->next())
        out.append(aliasFrom(*q));
    return out;
}

Result<MailAlias> MailAliases::create(TenantTransaction &tx, const MailDomain &domain, const QString &input,
                                      const QStringList &destinations, const QDateTime &now)
{
    auto local = localPart(input, QStringLiteral("local_part"));
    if (!local)
        return local.error();
    if (destinations.isEmpty() || destinations.size() > kMaxDestinations)
        return makeError(errors::InvalidValue,
                         QStringLiteral("an alias has 1 to %1 destinations").arg(kMaxDestinations),
                         QStringLiteral("destinations"));
    QStringList checked;
    for (qsizetype i = 0; i < destinations.size(); ++i) {
        auto address = mailAddress(destinations.at(i), api::elementPath(QStringLiteral("destinations"), i));
        if (!address)
            return address.error();
        if (!checked.contains(*address))
            checked << *address;
    }
    auto held = MailDomains::lock(tx.db(), domain.id);
    if (!held)
        return held.error();
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("INSERT INTO mail_aliases (tenant_id, domain_id, local_part, destinations, "
                       "created_at, updated_at) SELECT ?::uuid, ?::uuid, ?, "
                       "ARRAY(SELECT jsonb_array_elements_text(?::jsonb)), ?::timestamptz, "
                       "?::timestamptz ON CONFLICT DO NOTHING RETURNING id"),
        {tx.tenantId(), domain.id, *local,
         QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(checked)).toJson(QJsonDocument::Compact)),
         now.toUTC(), now.toUTC()});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::MailAddressTaken,
                         QStringLiteral("%1@%2 is an alias already").arg(*local, domain.name),
                         QStringLiteral("local_part"));
    return find(tx.db(), q->value(0).toString());
}

Status MailAliases::remove(TenantTransaction &tx, const MailAlias &alias)
{
    auto q = sql::exec(tx.db(), QStringLiteral("DELETE FROM mail_aliases WHERE id = ?::uuid"), {alias.id});
    if (!q)
        return q.error();
    return {};
}

} // namespace mp::mail
