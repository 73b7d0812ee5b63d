#pragma once

#include "billing/invoice.h"
#include "core/result.h"

#include <QByteArray>
#include <QPagedPaintDevice>

class QTextDocument;

namespace mp {
class TenantTransaction;
}

namespace mp::billing {

// How one invoice is printed beyond its own content: the buyer's language and the seller's
// current logo (branding, read when the PDF is made).
struct InvoicePrintOptions {
    QString language = QStringLiteral("en"); // "en", "de"
    QByteArray logo;                         // PNG or JPEG; empty: none

    // The language a customer reads: the one they chose ("en", "de"), else German for the
    // German-speaking countries, else English.
    static QString languageFor(const QString &chosen, const QString &country);
    // The invoice's customer's language and the tenant's logo.
    static Result<InvoicePrintOptions> forInvoice(TenantTransaction &tx, const Invoice &invoice);
};

// An invoice as a one-file A4 PDF: logo, seller and buyer blocks, number, dates, status, lines,
// tax breakdown, totals, the reverse-charge note, in English or German (dates and amounts as
// that language writes them). Rendered with QTextDocument into QPdfWriter (QtGui only, never
// Widgets). Fonts need a QGuiApplication; a headless process runs one on the "offscreen"
// platform. Without it, render() answers "pdf_unavailable" instead of crashing.
class InvoicePdf {
public:
    static Result<QByteArray> render(const Invoice &invoice, QDate today,
                                     const InvoicePrintOptions &options = {});
    // render() with forInvoice()'s options: what the API, the console and the invoice mail send.
    static Result<QByteArray> renderFor(TenantTransaction &tx, const Invoice &invoice, QDate today);
    // Lays the same document out on any paged device at its page size and resolution (a printer
    // the user picked in the console), so paper and PDF never differ.
    static void paint(const Invoice &invoice, QDate today, QPagedPaintDevice &device,
                      const InvoicePrintOptions &options = {});
    // The HTML the PDF is laid out from (escaped), for tests and for a console preview. The logo
    // is referenced as kLogoUrl: setUp() adds it to a document.
    static QString html(const Invoice &invoice, QDate today, const InvoicePrintOptions &options = {});
    // Sets `document`'s HTML and the logo resource it refers to.
    static void setUp(QTextDocument &document, const Invoice &invoice, QDate today,
                      const InvoicePrintOptions &options = {});

    static constexpr auto kLogoUrl = "mpanel-invoice-logo";
};

} // namespace mp::billing
