#pragma once

#include "api/keyset_page.h"
#include "billing/billing_settings.h"
#include "billing/invoice.h"
#include "core/result.h"

#include <optional>

namespace mp {
class TenantTransaction;
}

namespace mp::billing {

struct InvoiceFilter {
    QString status;     // empty: all
    QString customerId; // empty: all (a customer caller always has its own here)
    std::optional<bool> overdue;
    QDate issuedFrom; // inclusive, invalid: open
    QDate issuedTo;   // inclusive, invalid: open
};

struct InvoicePage {
    QList<Invoice> items;
    QString nextCursor;
};

// The sums of the invoices a filter selects, per currency: never added across currencies.
// The invoices of one status in one currency. `status` is the stored one, except "overdue" for
// the unpaid invoices past their due date: adding paid to unpaid to refunded means nothing.
struct InvoiceTotal {
    qint64 count = 0;
    Money net;
    Money tax;
    Money total;
    QString status;
};

struct AuditEntry {
    QDateTime at;
    QString actor;
    QString action;
    QString details; // JSON text
};

struct StatusChange {
    InvoiceStatus to = InvoiceStatus::Unpaid;
    QString reason;
    QString actor;            // for the audit log: "staff token 12"
    QString paymentMethod;    // to paid: "bank_transfer", "manual", ...
    QString paymentReference; // to paid: the bank's reference
    // The status the caller read under the invoice's row lock (SELECT ... FOR UPDATE) earlier in
    // this transaction, if it did: the move then does not lock and read it again.
    std::optional<InvoiceStatus> lockedFrom;
};

// Invoices of the caller's tenant, inside the caller's transaction (RLS scopes every query).
class Invoices {
public:
    static QList<api::SortOrder> sortOrders(); // "created_at" (default "-created_at"), "total", "due_date"

    // Computes every line's tax (rate by buyer and issue date, rounded per line), the totals as
    // the sums of the lines, snapshots seller and buyer, and, unless the draft says otherwise,
    // issues it: unpaid, numbered from the gapless counter, due after the payment terms.
    static Result<Invoice> create(TenantTransaction &tx, const InvoiceDraft &draft, const QDateTime &now);
    static Result<Invoice> find(TenantTransaction &tx, const QString &id);
    static Result<InvoicePage> list(TenantTransaction &tx, const InvoiceFilter &filter,
                                    const api::KeysetPage &page, QDate today);
    // Totals of every invoice `filter` selects (not only a loaded page), one per currency.
    static Result<QList<InvoiceTotal>> totals(TenantTransaction &tx, const InvoiceFilter &filter,
                                              QDate today);
    // The audit log rows about invoice `id`, oldest first.
    static Result<QList<AuditEntry>> auditTrail(TenantTransaction &tx, const QString &id);
    // Moves an invoice under the transition rules, with an audit log row carrying the reason.
    // Draft -> unpaid issues it (number, dates). "invalid_transition" names the current status.
    static Result<Invoice> changeStatus(TenantTransaction &tx, const QString &id, const StatusChange &change,
                                        const QDateTime &now);
    // The same move, without reading the invoice back: for callers that only need it done (a
    // payment marking its invoice paid).
    static Status setStatus(TenantTransaction &tx, const QString &id, const StatusChange &change,
                            const QDateTime &now);

    // "Today" for a tenant: due dates and issue dates are calendar days where the tenant is.
    static QDate localDate(const BillingSettings &settings, const QDateTime &now);
    // The tenant's today, from its settings and the clock.
    static Result<QDate> today(TenantTransaction &tx);
};

} // namespace mp::billing
