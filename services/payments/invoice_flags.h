#pragma once

#include "api/keyset_page.h"
#include "core/result.h"

#include <QJsonArray>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::payments {

struct InvoiceFlagFilter {
    QString state = QStringLiteral("open"); // open | resolved | all
    QString kind;                           // payment_held | disputed, empty: both
    QString invoiceId;                      // empty: all
};

struct InvoiceFlagPage {
    QJsonArray items; // {id, invoice_id, invoice_number, payment_id, kind, detail, created_at, resolved_at}
    QString nextCursor;
};

// What staff must look at on invoices (invoice_flags): payments held for review, disputes.
class InvoiceFlags {
public:
    static QList<api::SortOrder> sortOrders(); // "created_at" (default "-created_at")
    static Result<InvoiceFlagPage> list(TenantTransaction &tx, const InvoiceFlagFilter &filter,
                                        const api::KeysetPage &page);
};

} // namespace mp::payments
