#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QStringList>

namespace mp {
class TenantTransaction;
}

namespace mp::subscriptions {

struct RenewalOptions {
    int batchSize = 500;
    // Stop after this many subscriptions (0: no limit) and say so in RenewalRun::more, so a job
    // holds the invoice counter's lock for a bounded time and hands the rest to its successor.
    int limit = 0;
    QString onlySubscriptionId; // renew-now: this one, whatever the lead time
    QString actor = QStringLiteral("job");
};

struct RenewalRun {
    int issued = 0;
    int failed = 0;
    QStringList invoiceIds; // in the order issued
    QStringList errors;     // one line per failed subscription: "<id>: <message>"
    bool more = false;      // stopped at the limit: there may be more due
};

// Issues renewal invoices for the tenant's subscriptions due within the lead time
// (subscription_settings.renew_days_before): the invoice for the period that starts where the
// current one ends, at the subscription's price (or the catalog's, as the tenant chose), due on
// the period's due date, taxed and numbered like every invoice.
//
// Set-based per batch: one statement reads a batch of due subscriptions (FOR UPDATE SKIP LOCKED,
// so racing runs share the work), tax is computed per line by the billing rules, then one
// statement writes the batch: it claims the periods (INSERT ... ON CONFLICT DO NOTHING on the
// renewal key), bumps the gapless counter by the number claimed, and inserts the claimed ones'
// invoices, lines and history rows. A period is invoiced exactly once however many runs race. A
// batch that fails is redone one subscription at a time, each under its own savepoint, so a bad
// subscription is logged (history + errors) and retried next run without holding back the rest.
class SubscriptionRenewals {
public:
    static Result<RenewalRun> run(TenantTransaction &tx, const QDateTime &now,
                                  const RenewalOptions &options = {});

    // Staff's "issue the renewal invoice now" for one running subscription that is not ending,
    // whatever the lead time: the new invoice's id. 409 "conflict" for a subscription that does
    // not renew, "already_invoiced" when the next period has its invoice, "renewal_failed" (422)
    // with the reason when the invoice could not be made.
    static Result<QString> renewNow(TenantTransaction &tx, const QString &subscriptionId,
                                    const QString &actor, const QDateTime &now);
};

} // namespace mp::subscriptions
