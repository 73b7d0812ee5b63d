#include "billing/invoice_pdf_text.h"

#include "billing/tax_calculation.h"

#include <QDate>

namespace mp::billing {

namespace {

struct Words {
    PdfText key;
    const char *english;
    const char *german;
};

// clang-format off
constexpr Words kWords[] = {
    {PdfText::Invoice, "INVOICE", "RECHNUNG"},
    {PdfText::DraftInvoice, "DRAFT INVOICE", "RECHNUNGSENTWURF"},
    {PdfText::Number, "Number", "Rechnungsnummer"},
    {PdfText::IssueDate, "Issue date", "Rechnungsdatum"},
    {PdfText::DueDate, "Due date", "F\u00e4llig am"},
    {PdfText::Status, "Status", "Status"},
    {PdfText::From, "From", "Von"},
    {PdfText::BillTo, "Bill to", "Rechnung an"},
    {PdfText::VatId, "VAT ID", "USt-IdNr."},
    {PdfText::Description, "Description", "Beschreibung"},
    {PdfText::Qty, "Qty", "Menge"},
    {PdfText::UnitPrice, "Unit price", "Einzelpreis"},
    {PdfText::Tax, "Tax", "Steuer"},
    {PdfText::Net, "Net", "Netto"},
    {PdfText::TaxAmount, "Tax amount", "Steuerbetrag"},
    {PdfText::Amount, "Amount", "Betrag"},
    {PdfText::NetTotal, "Net total", "Nettobetrag"},
    {PdfText::TaxOn, "%1 %2 % on %3", "%1 %2 % auf %3"},
    {PdfText::Total, "Total", "Gesamtbetrag"},
    {PdfText::AmountDue, "Amount due", "Offener Betrag"},
    {PdfText::PricesIncludeTax, "Prices include tax.", "Die Preise enthalten die Umsatzsteuer."},
    {PdfText::PleasePay, "Please pay by %1 to: %2. Reference: %3",
     "Bitte zahlen Sie bis zum %1 auf: %2. Verwendungszweck: %3"},
    {PdfText::PaidOn, "Paid on %1", "Bezahlt am %1"},
    {PdfText::PaidReference, ", reference %1", ", Referenz %1"},
    {PdfText::Overdue, "OVERDUE", "\u00dcBERF\u00c4LLIG"},
    {PdfText::ReverseChargeNote, "",
     "Steuerschuldnerschaft des Leistungsempf\u00e4ngers (Reverse Charge): die Umsatzsteuer schuldet der "
     "Leistungsempf\u00e4nger (Art. 196 Richtlinie 2006/112/EG)."},
};

constexpr std::pair<const char *, const char *> kGermanStatuses[] = {
    {"draft", "ENTWURF"}, {"unpaid", "UNBEZAHLT"}, {"paid", "BEZAHLT"}, {"cancelled", "STORNIERT"},
    {"refunded", "ERSTATTET"}, {"partially_refunded", "TEILWEISE ERSTATTET"},
};
// clang-format on

} // namespace

InvoicePdfText::InvoicePdfText(const QString &language)
    : m_german(language == QLatin1String("de")),
      m_locale(m_german ? QLocale(QLocale::German, QLocale::Germany)
                        : QLocale(QLocale::English, QLocale::UnitedStates))
{
}

QString InvoicePdfText::text(PdfText key) const
{
    for (const Words &w : kWords) {
        if (w.key != key)
            continue;
        if (key == PdfText::ReverseChargeNote && !m_german)
            return QString::fromLatin1(kReverseChargeNote);
        return QString::fromUtf8(m_german ? w.german : w.english);
    }
    return {};
}

QString InvoicePdfText::status(const QString &status) const
{
    if (m_german)
        for (const auto &[name, german] : kGermanStatuses)
            if (status == QLatin1String(name))
                return QString::fromUtf8(german);
    return status.toUpper().replace(u'_', u' ');
}

QString InvoicePdfText::date(const QDate &date) const
{
    if (!date.isValid())
        return QStringLiteral("\u2013");
    return m_german ? date.toString(QStringLiteral("dd.MM.yyyy")) : date.toString(Qt::ISODate);
}

QString InvoicePdfText::amount(const QString &decimal) const
{
    // Group the whole part and swap the decimal mark; the digits stay the ones Money printed.
    const bool negative = decimal.startsWith(u'-');
    const QString digits = negative ? decimal.mid(1) : decimal;
    const QString whole = digits.section(u'.', 0, 0);
    const QString fraction = digits.section(u'.', 1);
    QString out = m_locale.toString(whole.toLongLong());
    if (!fraction.isEmpty())
        out += m_locale.decimalPoint() + fraction;
    return negative ? u'-' + out : out;
}

} // namespace mp::billing
