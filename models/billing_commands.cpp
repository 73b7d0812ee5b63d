#include "billing_commands.h"

#include "billing/invoice_pdf.h"
#include "core/clock.h"
#include "payment_commands.h"
#include "payments/stripe_provider.h"

namespace mp::commands {

namespace {

// An invoice with the day its state is judged by (the tenant's today: due, overdue).
struct DatedInvoice {
    billing::Invoice invoice;
    QDate today;
};

Result<DatedInvoice> datedInvoice(TenantTransaction &tx, const QString &id)
{
    auto invoice = billing::Invoices::find(tx, id);
    if (!invoice)
        return invoice.error();
    auto today = billing::Invoices::today(tx);
    if (!today)
        return today.error();
    return DatedInvoice{*invoice, *today};
}

} // namespace

void loadInvoice(ConsoleSession *session, QObject *context, const QString &id, Reply<InvoiceDetail> reply)
{
    runStaffCommand(
        session, context,
        [id, config = paymentConfig()](TenantTransaction &tx) -> Result<InvoiceDetail> {
            auto dated = datedInvoice(tx, id);
            if (!dated)
                return dated.error();
            auto audit = billing::Invoices::auditTrail(tx, id);
            if (!audit)
                return audit.error();
            auto paid = payments::Payments::forInvoice(tx, id);
            if (!paid)
                return paid.error();
            auto print = billing::InvoicePrintOptions::forInvoice(tx, dated->invoice);
            if (!print)
                return print.error();
            return InvoiceDetail{dated->invoice,
                                 dated->today,
                                 *audit,
                                 *paid,
                                 payments::stripeStatus(StripeSettings::fromConfig(config)),
                                 *print};
        },
        std::move(reply));
}

void changeInvoiceStatus(ConsoleSession *session, QObject *context, const QString &id,
                         const billing::StatusChange &change, Reply<billing::Invoice> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageInvoices,
        [id, change](TenantTransaction &tx, const SessionInfo &staff) {
            billing::StatusChange c = change;
            c.actor = staffActor(staff);
            return billing::Invoices::changeStatus(tx, id, c, Clock::current().now());
        },
        std::move(reply));
}

void invoicePdf(ConsoleSession *session, QObject *context, const QString &id, Reply<QByteArray> reply)
{
    runStaffCommand(
        session, context,
        [id](TenantTransaction &tx) -> Result<QByteArray> {
            auto dated = datedInvoice(tx, id);
            if (!dated)
                return dated.error();
            return billing::InvoicePdf::renderFor(tx, dated->invoice, dated->today);
        },
        std::move(reply));
}

void invoiceTotals(ConsoleSession *session, QObject *context, const billing::InvoiceFilter &filter,
                   Reply<QList<billing::InvoiceTotal>> reply)
{
    runStaffCommand(
        session, context,
        [filter](TenantTransaction &tx) -> Result<QList<billing::InvoiceTotal>> {
            auto today = billing::Invoices::today(tx);
            if (!today)
                return today.error();
            return billing::Invoices::totals(tx, filter, *today);
        },
        std::move(reply));
}

void orderTotals(ConsoleSession *session, QObject *context, const billing::OrderFilter &filter,
                 Reply<QList<billing::OrderTotal>> reply)
{
    runStaffCommand(
        session, context, [filter](TenantTransaction &tx) { return billing::Orders::totals(tx, filter); },
        std::move(reply));
}

} // namespace mp::commands
