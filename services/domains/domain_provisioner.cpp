#include "domains/domain_provisioner.h"

#include "core/json_log.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "dns/dns_errors.h"
#include "dns/dns_zones.h"
#include "domains/domain.h"
#include "domains/domain_jobs_queue.h"
#include "domains/domain_store.h"
#include "subscriptions/savepoint.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace mp::domains {

namespace {

const auto kOrderLine = QStringLiteral(R"sql(
SELECT oi.domain_name, coalesce(oi.domain_years, 1), coalesce(oi.domain_action, 'register'),
       coalesce((SELECT registrar FROM domain_registrars), 'namesilo')
FROM order_items oi WHERE oi.id = ?::uuid AND oi.domain_name IS NOT NULL
)sql");

// One row per subscription: a raced or repeated activation inserts nothing.
const auto kInsert = QStringLiteral(R"sql(
INSERT INTO domains (tenant_id, customer_id, subscription_id, order_item_id, name, registrar, origin, years,
                     status, created_at, updated_at)
VALUES (?::uuid, ?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, 'pending', ?::timestamptz, ?::timestamptz)
ON CONFLICT (subscription_id) DO NOTHING
RETURNING id::text
)sql");

const auto kBySubscription = QStringLiteral("SELECT id::text FROM domains WHERE subscription_id = ?::uuid");

QString ts(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

Result<QString> domainOf(TenantTransaction &tx, const QString &subscriptionId)
{
    auto q = sql::exec(tx.db(), kBySubscription, {subscriptionId});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

// The domain's zone on the tenant's primary, made when missing; none when the tenant has no DNS
// server (the domain then keeps the registrar's name servers). Under a savepoint: a zone that
// cannot be made never holds up the payment.
Status linkZone(TenantTransaction &tx, const QString &domainId, const QString &name,
                const QString &customerId, const QDateTime &now)
{
    return subscriptions::inSavepoint(tx.db(), QStringLiteral("domain_zone"), [&]() -> Status {
        dns::NewZone zone;
        zone.name = name;
        zone.customerId = customerId;
        zone.sourceType = kRelatedType;
        zone.sourceId = domainId;
        QString zoneId;
        auto created = dns::DnsZones::create(tx, zone, QStringLiteral("domains"), now);
        if (created) {
            zoneId = created->zone.id;
        } else if (created.error().code == errors::DnsZoneExists) {
            auto existing = dns::DnsZones::find(tx.db(), name + u'.');
            if (!existing)
                return existing.error();
            zoneId = existing->id;
        } else if (created.error().code == errors::DnsNoServer) {
            return {};
        } else {
            return created.error();
        }
        auto q = sql::exec(tx.db(), QStringLiteral("UPDATE domains SET zone_id = ?::uuid WHERE id = ?::uuid"),
                           {zoneId, domainId});
        if (!q)
            return q.error();
        return {};
    });
}

} // namespace

Status DomainProvisioner::activated(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                                    const QDateTime &now)
{
    auto line = sql::exec(tx.db(), kOrderLine, {request.orderItemId});
    if (!line)
        return line.error();
    if (!line->next())
        return {}; // not a domain line: nothing to register
    const QString name = line->value(0).toString();
    const int years = line->value(1).toInt();
    const QString origin = line->value(2).toString();
    const QString registrar = line->value(3).toString();
    auto inserted = sql::exec(tx.db(), kInsert,
                              {tx.tenantId(), request.customerId, request.subscriptionId, request.orderItemId,
                               name, registrar, origin, years, ts(now), ts(now)});
    if (!inserted)
        return inserted.error();
    if (!inserted->next())
        return {}; // activated before
    const QString domainId = inserted->value(0).toString();
    // A zone that cannot be made does not hold up the registration: staff see the line and make it.
    if (auto zoned = linkZone(tx, domainId, name, request.customerId, now); !zoned)
        JsonLog::write(QStringLiteral("domain_zone_not_made"),
                       {{QStringLiteral("domain"), name}, {QStringLiteral("error"), zoned.error().message}});
    auto job = queueDomainJob(tx.db(), tx.tenantId(), kinds::registerDomain, domainId);
    if (!job)
        return job.error();
    return {};
}

Status DomainProvisioner::renewed(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                                  const QDateTime &)
{
    // The period just paid (the renewal at the registrar is once per period) and the expiry it
    // starts from (how the job knows a renewal already went through).
    auto q = sql::exec(tx.db(), QStringLiteral(R"sql(
SELECT d.id::text, coalesce(d.expires_on::text, ''), s.current_period_end
FROM domains d JOIN subscriptions s ON s.id = d.subscription_id WHERE d.subscription_id = ?::uuid
)sql"),
                       {request.subscriptionId});
    if (!q)
        return q.error();
    if (!q->next())
        return {};
    const QString domainId = q->value(0).toString();
    const QString periodEnd = q->value(2).toDateTime().toUTC().toString(Qt::ISODate);
    auto job = queueDomainJob(tx.db(), tx.tenantId(), kinds::renewDomain, domainId,
                              QJsonObject{{QStringLiteral("years"), 1},
                                          {QStringLiteral("from_expiry"), q->value(1).toString()},
                                          {QStringLiteral("period_end"), periodEnd}},
                              QStringLiteral("%1:%2:%3").arg(kinds::renewDomain, domainId, periodEnd));
    if (!job)
        return job.error();
    return {};
}

Status DomainProvisioner::cancelled(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                                    const QDateTime &now)
{
    // It runs to the end of what was paid and is not renewed.
    auto q = sql::exec(tx.db(),
                       QStringLiteral("UPDATE domains SET auto_renew = false, updated_at = ?::timestamptz "
                                      "WHERE subscription_id = ?::uuid"),
                       {ts(now), request.subscriptionId});
    if (!q)
        return q.error();
    return {};
}

Status DomainProvisioner::terminated(TenantTransaction &tx, const provisioning::ServiceRequest &request,
                                     const QDateTime &now)
{
    // Past its expiry a domain enters the registry's grace period; before it, it runs out unrenewed.
    auto q = sql::exec(tx.db(), QStringLiteral(R"sql(
UPDATE domains SET auto_renew = false,
       status = CASE WHEN status <> 'active' THEN status
                     WHEN expires_on IS NOT NULL AND expires_on <= ?::date THEN 'grace'
                     ELSE status END,
       updated_at = ?::timestamptz
WHERE subscription_id = ?::uuid
)sql"),
                       {now.toUTC().date().toString(Qt::ISODate), ts(now), request.subscriptionId});
    if (!q)
        return q.error();
    return {};
}

Result<QString> DomainProvisioner::status(TenantTransaction &tx, const provisioning::ServiceRequest &request)
{
    auto id = domainOf(tx, request.subscriptionId);
    if (!id)
        return id.error();
    if (id->isEmpty())
        return QStringLiteral("no domain yet");
    auto d = DomainStore::find(tx.db(), *id);
    if (!d)
        return d.error();
    QString line = QStringLiteral("%1: %2").arg(d->name, d->status);
    if (d->expiresOn.isValid())
        line += QStringLiteral(", expires %1").arg(d->expiresOn.toString(Qt::ISODate));
    if (!d->lastError.isEmpty())
        line += QStringLiteral(" (%1)").arg(d->lastError);
    return line;
}

Result<QJsonArray> DomainProvisioner::services(TenantTransaction &tx,
                                               const provisioning::ServiceRequest &request, bool forStaff)
{
    auto id = domainOf(tx, request.subscriptionId);
    if (!id)
        return id.error();
    if (id->isEmpty())
        return QJsonArray();
    auto d = DomainStore::find(tx.db(), *id);
    if (!d)
        return d.error();
    QJsonObject o = d->toJson(forStaff);
    o.insert(QStringLiteral("type"), kProductType);
    o.insert(QStringLiteral("state"), d->status);
    return QJsonArray{o};
}

} // namespace mp::domains
