#pragma once

#include <QLocale>
#include <QString>

namespace mp::billing {

enum class PdfText {
    Invoice,
    DraftInvoice,
    Number,
    IssueDate,
    DueDate,
    Status,
    From,
    BillTo,
    VatId,
    Description,
    Qty,
    UnitPrice,
    Tax,
    Net,
    TaxAmount,
    Amount,
    NetTotal,
    TaxOn, // "%1 %2 % on %3"
    Total,
    AmountDue,
    PricesIncludeTax,
    PleasePay,     // "Please pay by %1 to: %2. Reference: %3"
    PaidOn,        // "Paid on %1"
    PaidReference, // ", reference %1"
    Overdue,
    ReverseChargeNote,
};

// The printed invoice's words in its buyer's language. Kept with billing rather than in the
// console's Qt catalogue: the service prints PDFs with no translator loaded, and an invoice's
// language is its customer's, not the process's.
class InvoicePdfText {
public:
    explicit InvoicePdfText(const QString &language);

    QString text(PdfText key) const;
    QString status(const QString &status) const;  // "unpaid" -> "UNPAID" / "UNBEZAHLT"
    QString date(const QDate &date) const;        // 2026-11-24 / 24.11.2026
    QString amount(const QString &decimal) const; // "1234.50" -> "1,234.50" / "1.234,50"
    bool german() const { return m_german; }

private:
    bool m_german;
    QLocale m_locale;
};

} // namespace mp::billing
