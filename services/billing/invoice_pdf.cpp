#include "billing/invoice_pdf.h"

#include "billing/billing_errors.h"
#include "billing/invoice_json.h"
#include "core/errors.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QGuiApplication>
#include <QJsonArray>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace mp::billing {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString amount(const Money &m)
{
    return esc(m.toDecimalString());
}

QString partyBlock(const QString &title, const QJsonObject &party)
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
        rows << QStringLiteral("VAT ID: %1").arg(esc(party.value(QStringLiteral("tax_id")).toString()));
    if (!party.value(QStringLiteral("email")).toString().isEmpty())
        rows << esc(party.value(QStringLiteral("email")).toString());
    return QStringLiteral("<p style=\"font-size:8pt;color:#666\">%1</p><p>%2</p>")
        .arg(esc(title), rows.join(QStringLiteral("<br>")));
}

} // namespace

QString InvoicePdf::html(const Invoice &inv, QDate today)
{
    const QString code = inv.currency.code();
    QString status = InvoiceStatuses::toString(inv.status).toUpper().replace(u'_', u' ');
    if (inv.overdueOn(today))
        status += QStringLiteral(" \u2013 OVERDUE");
    QString h;
    h += QStringLiteral("<html><body style=\"font-family:'DejaVu Sans',sans-serif;font-size:9pt\">");
    h += QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
                        "<td width=\"60%\" valign=\"top\">%1</td>"
                        "<td width=\"40%\" valign=\"top\" align=\"right\">"
                        "<p style=\"font-size:20pt\"><b>%2</b></p>"
                        "<table cellspacing=\"0\" cellpadding=\"2\">"
                        "<tr><td>Number</td><td align=\"right\"><b>%3</b></td></tr>"
                        "<tr><td>Issue date</td><td align=\"right\">%4</td></tr>"
                        "<tr><td>Due date</td><td align=\"right\">%5</td></tr>"
                        "<tr><td>Status</td><td align=\"right\"><b>%6</b></td></tr>"
                        "</table></td></tr></table>")
             .arg(partyBlock(QStringLiteral("From"), inv.seller),
                  inv.status == InvoiceStatus::Draft ? QStringLiteral("DRAFT INVOICE")
                                                     : QStringLiteral("INVOICE"),
                  esc(inv.number.isEmpty() ? QStringLiteral("\u2013") : inv.number),
                  inv.issueDate.isValid() ? inv.issueDate.toString(Qt::ISODate) : QStringLiteral("\u2013"),
                  inv.dueDate.isValid() ? inv.dueDate.toString(Qt::ISODate) : QStringLiteral("\u2013"),
                  esc(status));
    h += QStringLiteral("<br>") + partyBlock(QStringLiteral("Bill to"), inv.buyer) + QStringLiteral("<br>");

    h += QStringLiteral(
             "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"4\" style=\"border-collapse:collapse\">"
             "<tr style=\"background-color:#e8e8e8\"><th align=\"left\">#</th><th "
             "align=\"left\">Description</th>"
             "<th align=\"right\">Qty</th><th align=\"right\">Unit price</th><th align=\"right\">Tax</th>"
             "<th align=\"right\">Net</th><th align=\"right\">Tax amount</th>"
             "<th align=\"right\">Amount (%1)</th></tr>")
             .arg(esc(code));
    for (const InvoiceLine &l : inv.lines) {
        h += QStringLiteral(
                 "<tr><td>%1</td><td>%2</td><td align=\"right\">%3</td><td align=\"right\">%4</td>"
                 "<td align=\"right\">%5 %</td><td align=\"right\">%6</td><td align=\"right\">%7</td>"
                 "<td align=\"right\">%8</td></tr>")
                 .arg(l.position)
                 .arg(esc(l.description))
                 .arg(l.quantity)
                 .arg(amount(l.unitPrice), InvoiceJson::percent(l.taxRatePpm), amount(l.amounts.net),
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
    h += QStringLiteral("<tr><td>Net total</td><td align=\"right\">%1 %2</td></tr>")
             .arg(amount(inv.net), esc(code));
    if (auto t = TaxCalculation::totals(inv.currency, amounts, rates, names)) {
        for (const TaxBreakdownRow &r : std::as_const(t->breakdown)) {
            const QString label = r.name.isEmpty() ? QStringLiteral("Tax") : esc(r.name);
            h += QStringLiteral("<tr><td>%1 %2 % on %3</td><td align=\"right\">%4 %5</td></tr>")
                     .arg(label, InvoiceJson::percent(r.ratePpm), amount(r.net), amount(r.tax), esc(code));
        }
    }
    h += QStringLiteral("<tr style=\"background-color:#e8e8e8\"><td><b>Total</b></td>"
                        "<td align=\"right\"><b>%1 %2</b></td></tr>")
             .arg(amount(inv.total), esc(code));
    if (inv.status == InvoiceStatus::Unpaid)
        h += QStringLiteral("<tr><td><b>Amount due</b></td><td align=\"right\"><b>%1 %2</b></td></tr>")
                 .arg(amount(inv.total), esc(code));
    h += QStringLiteral("</table></td></tr></table>");
    if (inv.priceMode == PriceMode::TaxInclusive)
        h += QStringLiteral("<p style=\"font-size:8pt\">Prices include tax.</p>");
    if (!inv.taxNote.isEmpty())
        h += QStringLiteral("<p><b>%1</b></p>").arg(esc(inv.taxNote));
    if (!inv.notes.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(inv.notes));
    const QString bank = inv.seller.value(QStringLiteral("bank_details")).toString();
    if (!bank.isEmpty() && inv.status == InvoiceStatus::Unpaid)
        h += QStringLiteral("<p style=\"font-size:8pt\">Please pay by %1 to: %2. Reference: %3</p>")
                 .arg(inv.dueDate.toString(Qt::ISODate), esc(bank), esc(inv.number));
    if (inv.paidAt.isValid())
        h += QStringLiteral("<p style=\"font-size:8pt\">Paid on %1%2.</p>")
                 .arg(inv.paidAt.date().toString(Qt::ISODate),
                      inv.paymentReference.isEmpty()
                          ? QString()
                          : QStringLiteral(", reference %1").arg(esc(inv.paymentReference)));
    h += QStringLiteral("</body></html>");
    return h;
}

void InvoicePdf::paint(const Invoice &invoice, QDate today, QPagedPaintDevice &device)
{
    QTextDocument doc;
    // Measure fonts at the device's resolution, not the screen's: otherwise point sizes come out
    // at a third of their size on a 300 dpi page.
    doc.documentLayout()->setPaintDevice(&device);
    doc.setDocumentMargin(0);
    doc.setHtml(html(invoice, today));
    // Lay the document out on the printable area, in the device's pixels.
    doc.setPageSize(device.pageLayout().paintRectPixels(device.logicalDpiX()).size());
    doc.print(&device);
}

Result<QByteArray> InvoicePdf::render(const Invoice &invoice, QDate today)
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
        writer.setTitle(invoice.number.isEmpty() ? QStringLiteral("Draft invoice") : invoice.number);
        writer.setCreator(QStringLiteral("mPanel"));
        paint(invoice, today, writer);
    }
    if (bytes.isEmpty())
        return makeError(errors::Internal, QStringLiteral("the PDF came out empty"));
    return bytes;
}

} // namespace mp::billing
