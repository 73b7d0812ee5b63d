#pragma once

#include "core/config.h"
#include "core/result.h"
#include "stripe/stripe_settings.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

#include <functional>

namespace mp {
class TenantTransaction;
}

namespace mp::payments {

struct ChargeRun {
    int scheduled = 0;  // renewal invoices given a first automatic attempt
    int charged = 0;    // paid off-session
    int declined = 0;   // declined or needing authentication (pay-link mail, retry scheduled)
    int exhausted = 0;  // declined on the last attempt of the schedule: dunning takes over
    QStringList errors; // "<invoice>: <message>" for attempts left for the next run
};

// Automatic renewal charges with the customer's saved card (stripe.md section 8.4).
//
// A renewal invoice of a customer with a saved card gets its first attempt at the start of its
// due date (invoices.collection_retry_at; dunning leaves the subscription alone while one is to
// come). Each attempt charges the renewal card off-session with the Idempotency-Key
// "mpanel-renewal-<invoice>-<attempt>"; the attempt's card and amount are committed (state
// in_flight) before Stripe is called, so a repeated attempt sends the same parameters even if
// the customer picked another default card meanwhile (Stripe refuses a key reused with other
// parameters: idempotency_error). A success pays the invoice as the payment_intent.succeeded
// webhook would (the same PaymentEffects, so the later webhook changes nothing); a decline or
// `authentication_required` records the attempt, announces PaymentFailed (notifications mails the
// pay link) and schedules the next attempt on the tenant's retry days (payment_settings,
// default 1, 3, 5, 7 days after the due date); after the last, dunning's past-due and suspension
// rules apply.
//
// Never twice: the invoices are locked (FOR UPDATE SKIP LOCKED) for the attempt, so racing runs
// skip an invoice another one is charging and then find it paid or rescheduled; the attempt
// number only grows when an attempt's outcome commits, so a run that dies after Stripe charged
// and before its commit is repeated with the same key and Stripe replays the first answer.
// A call without an answer (network, 5xx) leaves the attempt for the next run, same key.
class RenewalCharges {
public:
    static constexpr int kInvoicesPerRun = 200;

    static Result<ChargeRun> run(TenantTransaction &tx, const StripeSettings &settings, const QDateTime &now);

    static QString idempotencyKey(const QString &invoiceId, int attempt);
    static Result<QList<int>> retryDays(TenantTransaction &tx);

    // The Stripe settings the job uses: the service's configuration when its routes were
    // installed (adoptConfig), else the process environment.
    static void adoptConfig(const Config &config);
    static Result<StripeSettings> stripeSettings();
};

} // namespace mp::payments
