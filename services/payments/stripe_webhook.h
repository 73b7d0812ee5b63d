#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

namespace mp::payments {

struct WebhookOutcome {
    int status = 200; // 200 stored (new or duplicate), 400 refused, 500 try again later
    QString eventId;
    QString result; // "invoice_paid", "duplicate", "unrouted", ... or the refusal's error code
    Error refusal;  // why it was refused (status 400)
    bool duplicate = false;
};

// The receiving end of Stripe's webhooks (stripe.md sections 1 and 2). A request whose
// signature does not verify, or whose body is not an Event, is refused with nothing written. A
// verified event is stored once by its Stripe id and processed in the same transaction:
//   1. INSERT ... ON CONFLICT (id) DO NOTHING as the service's own login: a second copy of an
//      event waits here for the first to commit and then finds it stored (answered 200, no
//      effect), so ten copies at once still act once.
//   2. The tenant comes from the invoice in the metadata mPanel put on the session and the
//      PaymentIntent, else from a payment or session already known (mpanel_stripe_event_tenant).
//      An event no tenant claims is kept as "unrouted" and acknowledged; it is applied later, in
//      the transaction of the first routed event about the same PaymentIntent.
//   3. The transaction drops to that tenant (TenantTransaction::enter) and PaymentEffects apply
//      the event; then it records the outcome on the event and commits.
// A database failure answers 500, so Stripe delivers the event again later.
class StripeWebhook {
public:
    static WebhookOutcome receive(const QSqlDatabase &db, const QByteArray &signatureHeader,
                                  const QByteArray &body, const QList<QByteArray> &secrets,
                                  const QDateTime &now);
};

} // namespace mp::payments
