#pragma once

#include "billing/invoice.h"
#include "core/result.h"

#include <QSqlQuery>
#include <QString>

namespace mp::billing {

// The SELECT list every invoice query shares (alias `i`) and its reader, so list and detail
// can never disagree on a column.
QString invoiceColumns();
inline constexpr int kInvoiceColumnCount = 22;
Result<Invoice> invoiceFromRow(const QSqlQuery &q);

QString invoiceLineColumns();
InvoiceLine invoiceLineFromRow(const QSqlQuery &q, const Currency &currency);

} // namespace mp::billing
