#pragma once

#include "core/result.h"
#include "subscriptions/subscription.h"

#include <QDateTime>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::subscriptions {

enum class CancelMode { Now, PeriodEnd };

struct DunningRun {
    int pastDue = 0;
    int suspended = 0;
    int expired = 0;
    int failed = 0; // subscriptions whose provisioning call failed; left as they were, retried next run
};

// Status changes of subscriptions, each inside the caller's transaction with its history row
// and the provisioning call it implies, so the service and the subscription never disagree.
class SubscriptionLifecycle {
public:
    // From billing::afterInvoicePaid. A paid order invoice creates one active subscription per
    // recurring order line (one-time lines create none; a domain line makes a yearly one whose
    // first period is the years paid) and activates its service;
    // a paid renewal invoice extends the period it pays for and brings a past-due or suspended
    // subscription back (unsuspending its service). Idempotent per order line and per period.
    static Status onInvoicePaid(TenantTransaction &tx, const QString &invoiceId, const QDateTime &now);

    // Now: cancelled at once, the service terminated, no credit (see the report / README).
    // PeriodEnd: no more renewals; the dunning job expires it when the period ends.
    static Result<Subscription> cancel(TenantTransaction &tx, const QString &id, CancelMode mode,
                                       const QString &actor, const QDateTime &now);
    static Result<Subscription> suspend(TenantTransaction &tx, const QString &id, const QString &actor,
                                        const QDateTime &now);
    static Result<Subscription> unsuspend(TenantTransaction &tx, const QString &id, const QString &actor,
                                          const QDateTime &now);

    // The dunning pass: active and unpaid past the period end -> past_due with a reminder mail
    // queued (once per period); past_due beyond the grace days -> suspended (service suspended);
    // cancelled at period end and the period over -> expired (service terminated).
    static Result<DunningRun> runDunning(TenantTransaction &tx, const QDateTime &now);

    // Locks and reads one subscription (not_found when RLS or the id hides it).
    static Result<Subscription> lock(TenantTransaction &tx, const QString &id);
};

} // namespace mp::subscriptions
