#pragma once

#include "core/result.h"

#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::billing {

enum class DocumentSeries { Invoice, CreditNote };

// Gapless sequences per tenant, series and year. next() bumps the counter row inside the
// caller's transaction: the row stays locked until that transaction ends, so concurrent
// issuers queue instead of racing, and a rollback hands the number back. Call it as late as
// possible in the issuing transaction; everything after it holds up the queue.
class DocumentNumbers {
public:
    static Result<qint64> next(TenantTransaction &tx, DocumentSeries series, int year);
    static QString seriesName(DocumentSeries series); // "invoice", "credit_note"
};

} // namespace mp::billing
