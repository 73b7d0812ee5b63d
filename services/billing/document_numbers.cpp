#include "billing/document_numbers.h"

#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

namespace mp::billing {

namespace {

// The first number of a year inserts the row; every later one finds it and waits for its lock.
const auto kNextNumber = QStringLiteral(R"sql(
INSERT INTO document_counters (tenant_id, series, year, last_value)
VALUES (?::uuid, ?, ?, 1)
ON CONFLICT (tenant_id, series, year) DO UPDATE SET last_value = document_counters.last_value + 1
RETURNING last_value
)sql");

} // namespace

QString DocumentNumbers::seriesName(DocumentSeries series)
{
    return series == DocumentSeries::Invoice ? QStringLiteral("invoice") : QStringLiteral("credit_note");
}

Result<qint64> DocumentNumbers::next(TenantTransaction &tx, DocumentSeries series, int year)
{
    auto q = sql::exec(tx.db(), kNextNumber, {tx.tenantId(), seriesName(series), year});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::Internal, QStringLiteral("the number counter returned no row"));
    return q->value(0).toLongLong();
}

} // namespace mp::billing
