#pragma once

#include "subscriptions/subscription.h"
#include "subscriptions/subscriptions.h"

#include <QJsonObject>
#include <QTimeZone>

namespace mp::subscriptions {

// The API's subscription: times in UTC (ISO 8601), due date as the tenant-local day.
class SubscriptionJson {
public:
    static QJsonObject toJson(const Subscription &s);
    static QJsonObject detail(const Subscription &s, const SubscriptionLinks &links);
};

} // namespace mp::subscriptions
