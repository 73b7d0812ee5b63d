#pragma once

#include "core/config.h"
#include "payments/invoice_checkout.h"
#include "payments/payments.h"
#include "payments/saved_cards.h"
#include "staff_command.h"

#include <QJsonObject>

namespace mp {

// The change-feed channel of Stripe payments (migration 0011).
namespace channels {
inline const QString payments = QStringLiteral("mpanel_changed_payments");
} // namespace channels

// Online payments from the Billing section (contract in staff_command.h).
namespace commands {

// Where "Pay online" and "Refund" reach Stripe (or the sandbox's emulator) and where Checkout
// sends the customer back: the console's configuration, set once at start-up. Until it is set
// the process environment is read.
void setPaymentConfig(const Config &config);
Config paymentConfig();

// The payments of one invoice or one customer (filter.invoiceId / filter.customerId).
void loadPayments(ConsoleSession *session, QObject *context, const payments::PaymentFilter &filter,
                  Reply<QList<payments::Payment>> reply);
// The customer's saved cards, refreshed from Stripe when it answers (else as last stored).
void loadSavedCards(ConsoleSession *session, QObject *context, const QString &customerId,
                    Reply<QList<payments::SavedCard>> reply);
// A Checkout Session for the invoice (its URL is what the customer pays on).
void payInvoice(ConsoleSession *session, QObject *context, const QString &invoiceId,
                Reply<payments::CheckoutStarted> reply);
// Refunds `amountMinor` of the payment that paid the invoice (0: all that is left).
void refundInvoice(ConsoleSession *session, QObject *context, const QString &invoiceId, qint64 amountMinor,
                   const QString &reason, Reply<QJsonObject> reply);

} // namespace commands
} // namespace mp
