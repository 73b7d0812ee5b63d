#include "notifications/mail_settings.h"

#include "api/responses.h"
#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "notifications/notification_errors.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace mp::notifications {

namespace {

const auto kColumns = QStringLiteral("from_address, from_name, coalesce(reply_to, ''), smtp_host, smtp_port, "
                                     "tls_mode, coalesce(smtp_user, ''), "
                                     "password_set, max_attempts, renewal_notice_days, enabled, updated_at");

const auto kUpsert = QStringLiteral(R"sql(
INSERT INTO notification_settings (tenant_id, from_address, from_name, reply_to, smtp_host, smtp_port, tls_mode,
                                   smtp_user, max_attempts, renewal_notice_days, enabled, updated_at)
VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz)
ON CONFLICT (tenant_id) DO UPDATE SET
    from_address = EXCLUDED.from_address, from_name = EXCLUDED.from_name, reply_to = EXCLUDED.reply_to,
    smtp_host = EXCLUDED.smtp_host, smtp_port = EXCLUDED.smtp_port, tls_mode = EXCLUDED.tls_mode,
    smtp_user = EXCLUDED.smtp_user, max_attempts = EXCLUDED.max_attempts,
    renewal_notice_days = EXCLUDED.renewal_notice_days, enabled = EXCLUDED.enabled,
    updated_at = EXCLUDED.updated_at
)sql");

// A separate statement that never reads the column, so staff logins (UPDATE but no SELECT on it)
// can set it from the console.
const auto kSetPassword =
    QStringLiteral("UPDATE notification_settings SET smtp_password = ? WHERE tenant_id = ?::uuid");

MailSettings fromRow(const QSqlQuery &q)
{
    MailSettings s;
    s.fromAddress = q.value(0).toString();
    s.fromName = q.value(1).toString();
    s.replyTo = q.value(2).toString();
    s.host = q.value(3).toString();
    s.port = q.value(4).toInt();
    const QString mode = q.value(5).toString();
    s.tlsMode = mode == QLatin1String("tls")    ? TlsMode::Tls
                : mode == QLatin1String("none") ? TlsMode::None
                                                : TlsMode::StartTls;
    s.user = q.value(6).toString();
    s.passwordSet = q.value(7).toBool();
    s.maxAttempts = q.value(8).toInt();
    s.renewalNoticeDays = q.value(9).toInt();
    s.enabled = q.value(10).toBool();
    s.updatedAt = q.value(11).toDateTime();
    return s;
}

Result<std::optional<MailSettings>> loadWith(TenantTransaction &tx, const QString &extra)
{
    auto q =
        sql::exec(tx.db(), QStringLiteral("SELECT %1%2 FROM notification_settings").arg(kColumns, extra));
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<MailSettings>();
    MailSettings s = fromRow(*q);
    if (!extra.isEmpty())
        s.password = q->value(12).toString();
    return std::optional<MailSettings>(s);
}

Error invalid(const ErrorCode &code, const QString &field, const QString &message)
{
    return makeError(code, message, field);
}

} // namespace

QString toString(TlsMode mode)
{
    switch (mode) {
    case TlsMode::StartTls:
        return QStringLiteral("starttls");
    case TlsMode::Tls:
        return QStringLiteral("tls");
    case TlsMode::None:
        return QStringLiteral("none");
    }
    return QStringLiteral("starttls");
}

QStringList tlsModeNames()
{
    return {QStringLiteral("starttls"), QStringLiteral("tls"), QStringLiteral("none")};
}

QJsonObject MailSettings::toJson() const
{
    return QJsonObject{{QStringLiteral("from_address"), fromAddress},
                       {QStringLiteral("from_name"), fromName},
                       {QStringLiteral("reply_to"), replyTo.isEmpty() ? QJsonValue() : QJsonValue(replyTo)},
                       {QStringLiteral("smtp_host"), host},
                       {QStringLiteral("smtp_port"), port},
                       {QStringLiteral("tls_mode"), toString(tlsMode)},
                       {QStringLiteral("smtp_user"), user.isEmpty() ? QJsonValue() : QJsonValue(user)},
                       {QStringLiteral("password_set"), passwordSet},
                       {QStringLiteral("max_attempts"), maxAttempts},
                       {QStringLiteral("renewal_notice_days"), renewalNoticeDays},
                       {QStringLiteral("enabled"), enabled},
                       {QStringLiteral("updated_at"), api::timestamp(updatedAt)}};
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isMailAddress(const QString &address)
{
    static const QRegularExpression shape(
        QStringLiteral(R"(^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)"
                       R"((\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$)"));
    return address.size() <= 254 && shape.match(address).hasMatch();
}

Result<std::optional<MailSettings>> MailSettingsStore::load(TenantTransaction &tx)
{
    return loadWith(tx, {});
}

Result<std::optional<MailSettings>> MailSettingsStore::loadForSending(TenantTransaction &tx)
{
    return loadWith(tx, QStringLiteral(", coalesce(smtp_password, '')"));
}

Result<MailSettings> MailSettingsStore::save(TenantTransaction &tx, const api::BodyValues &body,
                                             const QDateTime &now)
{
    MailSettings s;
    s.fromAddress = body.string(QStringLiteral("from_address"), {}).trimmed();
    s.fromName = body.string(QStringLiteral("from_name"), {}).trimmed();
    s.replyTo = body.string(QStringLiteral("reply_to"), {}).trimmed();
    s.host = body.string(QStringLiteral("smtp_host"), {}).trimmed();
    s.port = int(body.integer(QStringLiteral("smtp_port")).value_or(587));
    const QString mode = body.string(QStringLiteral("tls_mode"), QStringLiteral("starttls"));
    s.tlsMode = mode == QLatin1String("tls")    ? TlsMode::Tls
                : mode == QLatin1String("none") ? TlsMode::None
                                                : TlsMode::StartTls;
    s.user = body.string(QStringLiteral("smtp_user"), {}).trimmed();
    s.maxAttempts = int(body.integer(QStringLiteral("max_attempts")).value_or(8));
    s.renewalNoticeDays = int(body.integer(QStringLiteral("renewal_notice_days")).value_or(7));
    s.enabled = body.boolean(QStringLiteral("enabled")).value_or(true);

    if (!isMailAddress(s.fromAddress))
        return invalid(errors::InvalidAddress, QStringLiteral("from_address"),
                       QStringLiteral("from_address must be an e-mail address (name@example.com)"));
    if (!s.replyTo.isEmpty() && !isMailAddress(s.replyTo))
        return invalid(errors::InvalidAddress, QStringLiteral("reply_to"),
                       QStringLiteral("reply_to must be an e-mail address"));
    if (s.fromName.contains(u'\n') || s.fromName.contains(u'\r'))
        return invalid(errors::InvalidValue, QStringLiteral("from_name"),
                       QStringLiteral("from_name must be one line"));
    static const QRegularExpression hostShape(
        QStringLiteral(R"(^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$|^[0-9a-fA-F:]+$)"));
    if (s.host.isEmpty() || s.host.size() > 253 || !hostShape.match(s.host).hasMatch())
        return invalid(errors::InvalidHost, QStringLiteral("smtp_host"),
                       QStringLiteral("smtp_host must be a host name or IP address"));
    if (s.tlsMode == TlsMode::None && !isLoopbackHost(s.host))
        return invalid(errors::InsecureRelay, QStringLiteral("tls_mode"),
                       QStringLiteral("tls_mode none is only allowed for a relay on this machine"));
    const bool passwordGiven = body.has(QStringLiteral("smtp_password"));
    const std::optional<QString> password = body.string(QStringLiteral("smtp_password"));
    if (password && !password->isEmpty() && s.user.isEmpty())
        return invalid(errors::Required, QStringLiteral("smtp_user"),
                       QStringLiteral("smtp_user is required with a password"));

    auto q = sql::exec(tx.db(), kUpsert,
                       // An absent name is a null QString, which would bind as NULL.
                       {tx.tenantId(), s.fromAddress, s.fromName.isNull() ? QStringLiteral("") : s.fromName,
                        s.replyTo.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s.replyTo),
                        s.host, s.port, toString(s.tlsMode),
                        s.user.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s.user),
                        s.maxAttempts, s.renewalNoticeDays, s.enabled, now.toUTC()});
    if (!q)
        return q.error();
    if (passwordGiven) {
        const QVariant value =
            password && !password->isEmpty() ? QVariant(*password) : QVariant(QMetaType::fromType<QString>());
        if (auto p = sql::exec(tx.db(), kSetPassword, {value, tx.tenantId()}); !p)
            return p.error();
    }
    auto stored = load(tx);
    if (!stored)
        return stored.error();
    return stored->value();
}

Result<int> MailSettingsStore::renewalNoticeDays(TenantTransaction &tx)
{
    auto s = load(tx);
    if (!s)
        return s.error();
    return *s ? (*s)->renewalNoticeDays : MailSettings().renewalNoticeDays;
}

} // namespace mp::notifications
