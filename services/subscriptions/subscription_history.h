#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::subscriptions {

// The append-only audit trail of a subscription (subscription_events).
struct SubscriptionEvent {
    QString event; // created, renewal_invoiced, renewed, past_due, suspended, unsuspended, ...
    QString fromStatus;
    QString toStatus;
    QString actor; // "staff token 3", "customer <id>", "payment", "job"
    QJsonObject details;
};

class SubscriptionHistory {
public:
    static Status record(TenantTransaction &tx, const QString &subscriptionId, const SubscriptionEvent &event,
                         const QDateTime &at);
};

} // namespace mp::subscriptions
