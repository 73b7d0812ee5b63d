#pragma once

#include "billing/invoice.h"
#include "core/result.h"

namespace mp {
class TenantTransaction;
}

namespace mp::billing {

struct CreditNote {
    explicit CreditNote(const Currency &c) : net(Money::zero(c)), tax(Money::zero(c)), total(Money::zero(c))
    {
    }
    QString id;
    QString invoiceId;
    QString number;
    QDate issueDate;
    QString reason;
    Money net;
    Money tax;
    Money total;
    QList<InvoiceLine> lines;
};

// Corrections of issued invoices: an issued invoice is never edited, it is credited. Credit
// notes have their own gapless series per tenant and year.
class CreditNotes {
public:
    // Credits `lines` of the invoice (amounts as positive prices, taxed at the invoice's rate in
    // its price mode), or the whole invoice, line for line, when `lines` is empty. Refuses a
    // draft ("invalid_state") and more than is left to credit ("over_credit").
    static Result<CreditNote> issue(TenantTransaction &tx, const QString &invoiceId, const QString &reason,
                                    const QList<LineDraft> &lines, const QDateTime &now);
};

} // namespace mp::billing
