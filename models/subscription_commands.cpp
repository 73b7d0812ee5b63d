#include "subscription_commands.h"

#include "core/clock.h"
#include "core/errors.h"
#include "module/service_lifecycle.h"
#include "subscriptions/subscription_lifecycle.h"
#include "subscriptions/subscription_renewals.h"

#include <algorithm>

namespace mp::commands {

void loadSubscription(ConsoleSession *session, QObject *context, const QString &id,
                      Reply<SubscriptionDetail> reply)
{
    runStaffCommand(
        session, context,
        [id](TenantTransaction &tx) -> Result<SubscriptionDetail> {
            auto s = subscriptions::Subscriptions::find(tx, id);
            if (!s)
                return s.error();
            auto links = subscriptions::Subscriptions::links(tx, *s);
            if (!links)
                return links.error();
            SubscriptionDetail detail{*s, *links, {}, {}};
            // A subscription has one invoice per period: a handful of short queries.
            for (const QJsonValue &inv : std::as_const(links->invoices)) {
                auto paid =
                    payments::Payments::forInvoice(tx, inv.toObject().value(QStringLiteral("id")).toString());
                if (!paid)
                    return paid.error();
                detail.payments.append(*paid);
            }
            std::sort(detail.payments.begin(), detail.payments.end(),
                      [](const payments::Payment &a, const payments::Payment &b) {
                          return a.createdAt > b.createdAt;
                      });
            auto service = provisioning::serviceStatus(tx, s->serviceRequest());
            if (!service)
                return service.error();
            detail.provisioning = *service;
            return detail;
        },
        std::move(reply));
}

void changeSubscription(ConsoleSession *session, QObject *context, const QString &id,
                        SubscriptionAction action, Reply<subscriptions::Subscription> reply)
{
    using subscriptions::SubscriptionLifecycle;
    runStaffWrite(
        session, context, StaffAction::ManageSubscriptions,
        [id, action](TenantTransaction &tx, const SessionInfo &staff) -> Result<subscriptions::Subscription> {
            const QDateTime now = Clock::current().now();
            const QString actor = staffActor(staff);
            switch (action) {
            case SubscriptionAction::CancelNow:
                return SubscriptionLifecycle::cancel(tx, id, subscriptions::CancelMode::Now, actor, now);
            case SubscriptionAction::CancelAtPeriodEnd:
                return SubscriptionLifecycle::cancel(tx, id, subscriptions::CancelMode::PeriodEnd, actor,
                                                     now);
            case SubscriptionAction::Suspend:
                return SubscriptionLifecycle::suspend(tx, id, actor, now);
            case SubscriptionAction::Unsuspend:
                return SubscriptionLifecycle::unsuspend(tx, id, actor, now);
            }
            return makeError(errors::InvalidAction, QStringLiteral("unknown action"));
        },
        std::move(reply));
}

void renewSubscriptionNow(ConsoleSession *session, QObject *context, const QString &id, Reply<QString> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageSubscriptions,
        [id](TenantTransaction &tx, const SessionInfo &staff) {
            return subscriptions::SubscriptionRenewals::renewNow(tx, id, staffActor(staff),
                                                                 Clock::current().now());
        },
        std::move(reply));
}

} // namespace mp::commands
