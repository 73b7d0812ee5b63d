#pragma once

#include "billing/invoice.h"
#include "core/result.h"

#include <QByteArray>
#include <QPagedPaintDevice>

namespace mp::billing {

// An invoice as a one-file A4 PDF: seller and buyer blocks, number, dates, status, lines, tax
// breakdown, totals, the reverse-charge note. Rendered with QTextDocument into QPdfWriter
// (QtGui only, never Widgets). Fonts need a QGuiApplication; a headless process runs one on
// the "offscreen" platform. Without it, render() answers "pdf_unavailable" instead of crashing.
class InvoicePdf {
public:
    static Result<QByteArray> render(const Invoice &invoice, QDate today);
    // Lays the same document out on any paged device at its page size and resolution (a printer
    // the user picked in the console), so paper and PDF never differ.
    static void paint(const Invoice &invoice, QDate today, QPagedPaintDevice &device);
    // The HTML the PDF is laid out from (escaped), for tests and for a console preview.
    static QString html(const Invoice &invoice, QDate today);
};

} // namespace mp::billing
