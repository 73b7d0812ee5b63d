#pragma once

#include "billing/credit_notes.h"
#include "billing/invoice.h"

#include <QJsonObject>

namespace mp::billing {

// Invoices as the API shows them: amounts as decimal strings plus *_minor integers (as the
// catalog does), tax rates in percent as text ("19" or "7.5") plus ppm, overdue computed.
class InvoiceJson {
public:
    // `withLines`: the detail view (lines, tax breakdown, payments); the list leaves them out.
    static QJsonObject toJson(const Invoice &invoice, QDate today, bool withLines);
    static QJsonObject creditNoteToJson(const CreditNote &note);
    static QString percent(qint64 ratePpm); // 190000 -> "19", 75000 -> "7.5"
};

} // namespace mp::billing
