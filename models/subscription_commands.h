#pragma once

#include "payments/payments.h"
#include "staff_command.h"
#include "subscriptions/subscriptions.h"

namespace mp {

// The change-feed channel of subscriptions (migration 0011).
namespace channels {
inline const QString subscriptions = QStringLiteral("mpanel_changed_subscriptions");
} // namespace channels

// The Subscriptions section's commands (contract in staff_command.h).
namespace commands {

struct SubscriptionDetail {
    subscriptions::Subscription subscription;
    subscriptions::SubscriptionLinks links;
    QList<payments::Payment> payments; // of the subscription's invoices, newest first
    QString provisioning;
};

enum class SubscriptionAction { CancelNow, CancelAtPeriodEnd, Suspend, Unsuspend };

void loadSubscription(ConsoleSession *session, QObject *context, const QString &id,
                      Reply<SubscriptionDetail> reply);
void changeSubscription(ConsoleSession *session, QObject *context, const QString &id,
                        SubscriptionAction action, Reply<subscriptions::Subscription> reply);
// Issues the next period's invoice now; the reply is the invoice's id.
void renewSubscriptionNow(ConsoleSession *session, QObject *context, const QString &id, Reply<QString> reply);

} // namespace commands
} // namespace mp
