#include "billing/invoice_pdf.h"

#include "billing/billing_errors.h"
#include "billing/company_settings.h"
#include "billing/invoice_json.h"
#include "billing/invoice_pdf_text.h"
#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace mp::billing {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString partyBlock(const QString &title, const QJsonObject &party, const InvoicePdfText &words)
{
    QStringList rows;
    const QString company = party.value(QStringLiteral("company")).toString();
    const QString name = party.value(QStringLiteral("name")).toString();
    if (!company.isEmpty())
        rows << QStringLiteral("<b>%1</b>").arg(esc(company));
    if (!name.isEmpty())
        rows << (company.isEmpty() ? QStringLiteral("<b>%1</b>").arg(esc(name)) : esc(name));
    const QJsonValue address = party.value(QStringLiteral("address"));
    if (address.isArray()) {
        for (const QJsonValue &line : address.toArray())
            rows << esc(line.toString());
    } else {
        for (const QString &line : address.toString().split(u'\n', Qt::SkipEmptyParts))
            rows << esc(line);
    }
    if (!party.value(QStringLiteral("country")).toString().isEmpty())
        rows << esc(party.value(QStringLiteral("country")).toString());
    if (!party.value(QStringLiteral("tax_id")).toString().isEmpty())
        rows << QStringLiteral("%1: %2").arg(words.text(PdfText::VatId),
                                             esc(party.value(QStringLiteral("tax_id")).toString()));
    if (!party.value(QStringLiteral("email")).toString().isEmpty())
        rows << esc(party.value(QStringLiteral("email")).toString());
    return QStringLiteral("<p style=\"font-size:8pt;color:#666\">%1</p><p>%2</p>")
        .arg(esc(title), rows.join(QStringLiteral("<br>")));
}

QString percentText(qint64 ppm, const InvoicePdfText &words)
{
    const QString percent = InvoiceJson::percent(ppm);
    return words.german() ? QString(percent).replace(u'.', u',') : percent;
}

} // namespace

QString InvoicePrintOptions::languageFor(const QString &chosen, const QString &country)
{
    if (chosen == QLatin1String("en") || chosen == QLatin1String("de"))
        return chosen;
    static const QStringList germanSpeaking{QStringLiteral("DE"), QStringLiteral("AT"), QStringLiteral("CH"),
                                            QStringLiteral("LI")};
    return germanSpeaking.contains(country) ? QStringLiteral("de") : QStringLiteral("en");
}

Result<InvoicePrintOptions> InvoicePrintOptions::forInvoice(TenantTransaction &tx, const Invoice &invoice)
{
    InvoicePrintOptions options;
    auto q = sql::exec(tx.db(),
                       QStringLiteral("SELECT coalesce(language, ''), coalesce(country, '') FROM customers "
                                      "WHERE id = ?::uuid"),
                       {invoice.customerId});
    if (!q)
        return q.error();
    // A customer gone from view still gets the language of the country printed on the invoice.
    options.language =
        q->next() ? languageFor(q->value(0).toString(), q->value(1).toString())
                  : languageFor(QString(), invoice.buyer.value(QStringLiteral("country")).toString());
    auto logo = CompanySettingsStore::logo(tx);
    if (!logo)
        return logo.error();
    options.logo = logo->bytes;
    return options;
}

QString InvoicePdf::html(const Invoice &inv, QDate today, const InvoicePrintOptions &options)
{
    const InvoicePdfText words(options.language);
    const auto amount = [&words](const Money &m) { return esc(words.amount(m.toDecimalString())); };
    const QString code = inv.currency.code();
    QString status = words.status(InvoiceStatuses::toString(inv.status));
    if (inv.overdueOn(today))
        status += QStringLiteral(" \u2013 ") + words.text(PdfText::Overdue);
    QString h;
    h += QStringLiteral("<html><body style=\"font-family:'DejaVu Sans',sans-serif;font-size:9pt\">");
    if (!options.logo.isEmpty())
        h += QStringLiteral("<p><img src=\"%1\" height=\"60\"></p>").arg(QLatin1String(kLogoUrl));
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                        "<td width=\"60%\" valign=\"top\">%1</td>"
                        "<td width=\"40%\" valign=\"top\" align=\"right\">"
                        "<p style=\"font-size:20pt\"><b>%2</b></p>"
                        "<table cellspacing=\"0\" cellpadding=\"2\">"
                        "<tr><td>%3</td><td align=\"right\"><b>%4</b></td></tr>"
                        "<tr><td>%5</td><td align=\"right\">%6</td></tr>"
                        "<tr><td>%7</td><td align=\"right\">%8</td></tr>"
                        "<tr><td>%9</td><td align=\"right\"><b>%10</b></td></tr>"
                        "</table></td></tr></table>")
             .arg(partyBlock(words.text(PdfText::From), inv.seller, words),
                  words.text(inv.status == InvoiceStatus::Draft ? PdfText::DraftInvoice : PdfText::Invoice),
                  words.text(PdfText::Number),
                  esc(inv.number.isEmpty() ? QStringLiteral("\u2013") : inv.number),
                  words.text(PdfText::IssueDate), words.date(inv.issueDate), words.text(PdfText::DueDate),
                  words.date(inv.dueDate), words.text(PdfText::Status))
             .arg(esc(status));
    h += QStringLiteral("<br>") + partyBlock(words.text(PdfText::BillTo), inv.buyer, words) +
         QStringLiteral("<br>");

    h += QStringLiteral(
             "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" style=\"border-collapse:collapse\">"
             "<tr style=\"background-color:#e8e8e8\"><th align=\"left\">#</th><th align=\"left\">%1</th>"
             "<th align=\"right\">%2</th><th align=\"right\">%3</th><th align=\"right\">%4</th>"
             "<th align=\"right\">%5</th><th align=\"right\">%6</th>"
             "<th align=\"right\">%7 (%8)</th></tr>")
             .arg(words.text(PdfText::Description), words.text(PdfText::Qty), words.text(PdfText::UnitPrice),
                  words.text(PdfText::Tax), words.text(PdfText::Net), words.text(PdfText::TaxAmount),
                  words.text(PdfText::Amount), esc(code));
    for (const InvoiceLine &l : inv.lines) {
        h += QStringLiteral(
                 "<tr><td>%1</td><td>%2</td><td align=\"right\">%3</td><td align=\"right\">%4</td>"
                 "<td align=\"right\">%5 %</td><td align=\"right\">%6</td><td align=\"right\">%7</td>"
                 "<td align=\"right\">%8</td></tr>")
                 .arg(l.position)
                 .arg(esc(l.description))
                 .arg(l.quantity)
                 .arg(amount(l.unitPrice), percentText(l.taxRatePpm, words), amount(l.amounts.net),
                      amount(l.amounts.tax), amount(l.amounts.gross));
    }
    h += QStringLiteral("</table><br>");

    // The breakdown sums the lines' own rounded taxes; it is never recomputed from totals.
    QList<LineAmounts> amounts;
    QList<qint64> rates;
    QStringList names;
    for (const InvoiceLine &l : inv.lines) {
        amounts << l.amounts;
        rates << l.taxRatePpm;
        names << l.taxName;
    }
    h +=
        QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\"><tr><td width=\"45%\"></td>"
                       "<td width=\"55%\"><table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\">");
    h += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2 %3</td></tr>")
             .arg(words.text(PdfText::NetTotal), amount(inv.net), esc(code));
    if (auto t = TaxCalculation::totals(inv.currency, amounts, rates, names)) {
        for (const TaxBreakdownRow &r : std::as_const(t->breakdown)) {
            const QString label = r.name.isEmpty() ? words.text(PdfText::Tax) : esc(r.name);
            h += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2 %3</td></tr>")
                     .arg(words.text(PdfText::TaxOn).arg(label, percentText(r.ratePpm, words), amount(r.net)),
                          amount(r.tax), esc(code));
        }
    }
    h += QStringLiteral("<tr style=\"background-color:#e8e8e8\"><td><b>%1</b></td>"
                        "<td align=\"right\"><b>%2 %3</b></td></tr>")
             .arg(words.text(PdfText::Total), amount(inv.total), esc(code));
    if (inv.status == InvoiceStatus::Unpaid)
        h += QStringLiteral("<tr><td><b>%1</b></td><td align=\"right\"><b>%2 %3</b></td></tr>")
                 .arg(words.text(PdfText::AmountDue), amount(inv.total), esc(code));
    h += QStringLiteral("</table></td></tr></table>");
    if (inv.priceMode == PriceMode::TaxInclusive)
        h += QStringLiteral("<p style=\"font-size:8pt\">%1</p>").arg(words.text(PdfText::PricesIncludeTax));
    if (!inv.taxNote.isEmpty()) {
        // The stored note is the English one billing writes; print it in the buyer's language.
        const QString note = inv.reverseCharge && inv.taxNote == QLatin1String(kReverseChargeNote)
                                 ? words.text(PdfText::ReverseChargeNote)
                                 : inv.taxNote;
        h += QStringLiteral("<p><b>%1</b></p>").arg(esc(note));
    }
    if (!inv.notes.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(inv.notes));
    const QString bank = inv.seller.value(QStringLiteral("bank_details")).toString();
    if (!bank.isEmpty() && inv.status == InvoiceStatus::Unpaid)
        h +=
            QStringLiteral("<p style=\"font-size:8pt\">%1</p>")
                .arg(words.text(PdfText::PleasePay).arg(words.date(inv.dueDate), esc(bank), esc(inv.number)));
    if (inv.paidAt.isValid())
        h += QStringLiteral("<p style=\"font-size:8pt\">%1%2.</p>")
                 .arg(words.text(PdfText::PaidOn).arg(words.date(inv.paidAt.date())),
                      inv.paymentReference.isEmpty()
                          ? QString()
                          : words.text(PdfText::PaidReference).arg(esc(inv.paymentReference)));
    h += QStringLiteral("</body></html>");
    return h;
}

void InvoicePdf::setUp(QTextDocument &document, const Invoice &invoice, QDate today,
                       const InvoicePrintOptions &options)
{
    if (!options.logo.isEmpty())
        document.addResource(QTextDocument::ImageResource, QUrl(QLatin1String(kLogoUrl)),
                             QImage::fromData(options.logo));
    document.setHtml(html(invoice, today, options));
}

void InvoicePdf::paint(const Invoice &invoice, QDate today, QPagedPaintDevice &device,
                       const InvoicePrintOptions &options)
{
    QTextDocument doc;
    // Measure fonts at the device's resolution, not the screen's: otherwise point sizes come out
    // at a third of their size on a 300 dpi page.
    doc.documentLayout()->setPaintDevice(&device);
    doc.setDocumentMargin(0);
    setUp(doc, invoice, today, options);
    // Lay the document out on the printable area, in the device's pixels.
    doc.setPageSize(device.pageLayout().paintRectPixels(device.logicalDpiX()).size());
    doc.print(&device);
}

Result<QByteArray> InvoicePdf::render(const Invoice &invoice, QDate today, const InvoicePrintOptions &options)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return makeError(
            errors::PdfUnavailable,
            QStringLiteral("PDF rendering needs a QGuiApplication (run with QT_QPA_PLATFORM=offscreen)"));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        writer.setResolution(300);
        const InvoicePdfText words(options.language);
        writer.setTitle(invoice.number.isEmpty() ? words.text(PdfText::DraftInvoice) : invoice.number);
        writer.setCreator(QStringLiteral("mPanel"));
        paint(invoice, today, writer, options);
    }
    if (bytes.isEmpty())
        return makeError(errors::Internal, QStringLiteral("the PDF came out empty"));
    return bytes;
}

Result<QByteArray> InvoicePdf::renderFor(TenantTransaction &tx, const Invoice &invoice, QDate today)
{
    auto options = InvoicePrintOptions::forInvoice(tx, invoice);
    if (!options)
        return options.error();
    return render(invoice, today, *options);
}

} // namespace mp::billing
