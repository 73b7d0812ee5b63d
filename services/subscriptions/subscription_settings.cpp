#include "subscriptions/subscription_settings.h"

#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

namespace mp::subscriptions {

namespace {

const auto kLoad = QStringLiteral(R"sql(
SELECT s.renew_days_before, s.grace_days, s.price_source, t.time_zone
FROM subscription_settings s JOIN tenants t ON t.id = s.tenant_id
)sql");

} // namespace

Result<SubscriptionSettings> SubscriptionSettingsStore::load(TenantTransaction &tx)
{
    auto q = sql::exec(tx.db(), kLoad);
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::Internal, QStringLiteral("the tenant has no subscription settings"));
    SubscriptionSettings s;
    s.renewDaysBefore = q->value(0).toInt();
    s.graceDays = q->value(1).toInt();
    s.priceSource =
        q->value(2).toString() == QLatin1String("catalog") ? PriceSource::Catalog : PriceSource::Subscription;
    s.timeZone = QTimeZone(q->value(3).toString().toUtf8());
    if (!s.timeZone.isValid())
        s.timeZone = QTimeZone::utc();
    return s;
}

} // namespace mp::subscriptions
