#pragma once

#include "core/result.h"

#include <QTimeZone>

namespace mp {
class TenantTransaction;
}

namespace mp::subscriptions {

enum class PriceSource { Subscription, Catalog };

// A tenant's renewal and dunning rules, with the tenant's time zone (dates are local there).
struct SubscriptionSettings {
    int renewDaysBefore = 7;
    int graceDays = 7;
    PriceSource priceSource = PriceSource::Subscription;
    QTimeZone timeZone = QTimeZone::utc();
};

class SubscriptionSettingsStore {
public:
    static Result<SubscriptionSettings> load(TenantTransaction &tx);
};

} // namespace mp::subscriptions
