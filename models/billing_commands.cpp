#include "billing_commands.h"

#include "billing/invoice_pdf.h"
#include "core/clock.h"
#include "payment_commands.h"

namespace mp::commands {

void loadInvoice(ConsoleSession *session, QObject *context, const QString &id, Reply<InvoiceDetail> reply)
{
    runStaffCommand<InvoiceDetail>(
        session, context,
        [id, config = paymentConfig()](TenantTransaction &tx, const SessionInfo &) -> Result<InvoiceDetail> {
            auto inv = billing::Invoices::find(tx, id);
            if (!inv)
                return inv.error();
            auto today = billing::Invoices::today(tx);
            if (!today)
                return today.error();
            auto audit = billing::Invoices::auditTrail(tx, id);
            if (!audit)
                return audit.error();
            auto paid = payments::Payments::forInvoice(tx, id);
            if (!paid)
                return paid.error();
            return InvoiceDetail{*inv, *today, *audit, *paid,
                                 providers::Providers::stripe(StripeSettings::fromConfig(config))};
        },
        std::move(reply));
}

void changeInvoiceStatus(ConsoleSession *session, QObject *context, const QString &id,
                         const billing::StatusChange &change, Reply<billing::Invoice> reply)
{
    runStaffCommand<billing::Invoice>(
        session, context,
        [id, change](TenantTransaction &tx, const SessionInfo &staff) {
            billing::StatusChange c = change;
            c.actor = staffActor(staff);
            return billing::Invoices::changeStatus(tx, id, c, Clock::current().now());
        },
        std::move(reply));
}

void invoicePdf(ConsoleSession *session, QObject *context, const QString &id, Reply<QByteArray> reply)
{
    runStaffCommand<QByteArray>(
        session, context,
        [id](TenantTransaction &tx, const SessionInfo &) -> Result<QByteArray> {
            auto inv = billing::Invoices::find(tx, id);
            if (!inv)
                return inv.error();
            auto today = billing::Invoices::today(tx);
            if (!today)
                return today.error();
            return billing::InvoicePdf::render(*inv, *today);
        },
        std::move(reply));
}

void invoiceTotals(ConsoleSession *session, QObject *context, const billing::InvoiceFilter &filter,
                   Reply<QList<billing::InvoiceTotal>> reply)
{
    runStaffCommand<QList<billing::InvoiceTotal>>(
        session, context,
        [filter](TenantTransaction &tx, const SessionInfo &) -> Result<QList<billing::InvoiceTotal>> {
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
    runStaffCommand<QList<billing::OrderTotal>>(
        session, context,
        [filter](TenantTransaction &tx, const SessionInfo &) { return billing::Orders::totals(tx, filter); },
        std::move(reply));
}

} // namespace mp::commands
