#pragma once

#include "billing/invoice_pdf.h"
#include "billing/invoices.h"
#include "billing/orders.h"
#include "payments/payments.h"
#include "providers/provider_overview.h"
#include "staff_command.h"

#include <QByteArray>

namespace mp {

// The change-feed channels of orders and invoices (migration 0008).
namespace channels {
inline const QString orders = QStringLiteral("mpanel_changed_orders");
inline const QString invoices = QStringLiteral("mpanel_changed_invoices");
} // namespace channels

// The Billing section's commands (contract in staff_command.h); Pay online and Refund are in
// payment_commands.h.
namespace commands {

struct InvoiceDetail {
    billing::Invoice invoice;
    QDate today;
    QList<billing::AuditEntry> audit;
    QList<payments::Payment> payments;  // its Stripe payments, newest first
    providers::ProviderStatus stripe;   // where Pay online and Refund go: sandbox, test, live or off
    billing::InvoicePrintOptions print; // the customer's language and the logo, as the PDF prints
};

void loadInvoice(ConsoleSession *session, QObject *context, const QString &id, Reply<InvoiceDetail> reply);
void changeInvoiceStatus(ConsoleSession *session, QObject *context, const QString &id,
                         const billing::StatusChange &change, Reply<billing::Invoice> reply);
void invoicePdf(ConsoleSession *session, QObject *context, const QString &id, Reply<QByteArray> reply);
void invoiceTotals(ConsoleSession *session, QObject *context, const billing::InvoiceFilter &filter,
                   Reply<QList<billing::InvoiceTotal>> reply);
void orderTotals(ConsoleSession *session, QObject *context, const billing::OrderFilter &filter,
                 Reply<QList<billing::OrderTotal>> reply);

} // namespace commands
} // namespace mp
