#include "domains/registrar_accounts.h"

#include "api/responses.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "domains/domains_errors.h"
#include "domains/namesilo_registrar.h"

#include <QHostAddress>
#include <QSqlQuery>

namespace mp::domains {

namespace {

namespace mode {
const QString live = QStringLiteral("live");
const QString sandbox = QStringLiteral("sandbox");
} // namespace mode

bool onLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host == QLatin1String("localhost"))
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
}

const auto kSelect = QStringLiteral(
    "SELECT registrar, api_base, api_key, mode, coalesce(payment_id, ''), updated_at FROM domain_registrars");

} // namespace

QJsonObject RegistrarAccount::toJson() const
{
    return {{QStringLiteral("registrar"), registrar},
            {QStringLiteral("api_base"), namesilo.apiBase.toString()},
            {QStringLiteral("api_key_set"), !namesilo.apiKey.isEmpty()},
            {QStringLiteral("mode"), namesilo.mode == ProviderMode::Sandbox ? mode::sandbox : mode::live},
            {QStringLiteral("payment_id"), paymentId.isEmpty() ? QJsonValue() : paymentId},
            {QStringLiteral("updated_at"), api::timestamp(updatedAt)}};
}

const api::RequestBody &RegistrarAccounts::body()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("DomainRegistrarInput"))
            .add(BodyField::string(QStringLiteral("registrar"))
                     .oneOf({QStringLiteral("namesilo")}, errors::DomainsUnknownRegistrar)
                     .defaultValue(QStringLiteral("namesilo")))
            .add(BodyField::string(QStringLiteral("api_base"))
                     .required()
                     .describe(
                         QStringLiteral("https://www.namesilo.com/api, the sandbox's, or an emulator's")))
            .add(BodyField::string(QStringLiteral("api_key"))
                     .required()
                     .writeOnly()
                     .describe(QStringLiteral("the account's API key; never read back")))
            .add(BodyField::string(QStringLiteral("mode"))
                     .oneOf({mode::live, mode::sandbox}, errors::DomainsSandboxNotLoopback)
                     .defaultValue(mode::live)
                     .describe(QStringLiteral("sandbox: an emulator on loopback")))
            .add(BodyField::string(QStringLiteral("payment_id"))
                     .describe(QStringLiteral("a verified card profile; absent: account funds pay")));
    return body;
}

Result<RegistrarAccount> RegistrarAccounts::read(const QSqlDatabase &db)
{
    auto q = sql::exec(db, kSelect);
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::DomainsNoRegistrar,
                         QStringLiteral("no registrar account is set up (PUT /api/domains/registrar)"));
    RegistrarAccount a;
    a.registrar = q->value(0).toString();
    a.namesilo.apiBase = QUrl(q->value(1).toString());
    a.namesilo.apiKey = q->value(2).toString();
    a.namesilo.mode = q->value(3).toString() == mode::sandbox ? ProviderMode::Sandbox : ProviderMode::Live;
    a.paymentId = q->value(4).toString();
    a.updatedAt = q->value(5).toDateTime().toUTC();
    return a;
}

Result<RegistrarAccount> RegistrarAccounts::write(TenantTransaction &tx, const api::BodyValues &body,
                                                  const QDateTime &now)
{
    RegistrarAccount a;
    a.registrar = body.string(QStringLiteral("registrar"), QStringLiteral("namesilo"));
    a.namesilo.apiBase = QUrl(body.string(QStringLiteral("api_base"), QString()));
    a.namesilo.apiKey = body.string(QStringLiteral("api_key"), QString());
    const QString m = body.string(QStringLiteral("mode"), mode::live);
    a.namesilo.mode = m == mode::sandbox ? ProviderMode::Sandbox : ProviderMode::Live;
    a.paymentId = body.string(QStringLiteral("payment_id"), QString());
    if (auto valid = a.namesilo.validate(); !valid)
        return valid.error();
    if (m == mode::sandbox && !onLoopback(a.namesilo.apiBase))
        return makeError(errors::DomainsSandboxNotLoopback,
                         QStringLiteral("a sandbox registrar is an emulator on loopback"),
                         QStringLiteral("mode"));
    auto q = sql::exec(tx.db(), QStringLiteral(R"sql(
INSERT INTO domain_registrars (tenant_id, registrar, api_base, api_key, mode, payment_id, updated_at)
VALUES (?::uuid, ?, ?, ?, ?, nullif(?, ''), ?::timestamptz)
ON CONFLICT (tenant_id) DO UPDATE SET registrar = excluded.registrar, api_base = excluded.api_base,
    api_key = excluded.api_key, mode = excluded.mode, payment_id = excluded.payment_id,
    updated_at = excluded.updated_at
)sql"),
                       {tx.tenantId(), a.registrar, a.namesilo.apiBase.toString(), a.namesilo.apiKey, m,
                        a.paymentId, now.toUTC().toString(Qt::ISODateWithMs)});
    if (!q)
        return q.error();
    a.updatedAt = now.toUTC();
    return a;
}

std::unique_ptr<Registrar> RegistrarAccounts::make(const RegistrarAccount &account,
                                                   std::function<bool()> stopRequested)
{
    // One registrar today; a second one is another case here, nothing else changes.
    return std::make_unique<NamesiloRegistrar>(account.namesilo, std::move(stopRequested));
}

Result<std::unique_ptr<Registrar>> RegistrarAccounts::open(const QSqlDatabase &db,
                                                           std::function<bool()> stopRequested)
{
    auto account = read(db);
    if (!account)
        return account.error();
    return make(*account, std::move(stopRequested));
}

} // namespace mp::domains
