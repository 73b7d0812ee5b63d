#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace mp::billing {

// Where an invoice is in its life. Overdue is not a status: it is unpaid past its due date,
// computed against the clock when asked, so it can never be stale.
enum class InvoiceStatus { Draft, Unpaid, Paid, Cancelled, Refunded, PartiallyRefunded };

class InvoiceStatuses {
public:
    static QString toString(InvoiceStatus status); // "partially_refunded"
    static std::optional<InvoiceStatus> fromString(const QString &text);
    static QStringList all();

    // The only moves there are: draft -> unpaid (issue), unpaid -> paid | cancelled,
    // paid -> refunded | partially_refunded, partially_refunded -> refunded. Anything else is an
    // "invalid_transition" error whose field is "status" and whose message names the current
    // status, so the API can answer 409 with it.
    static Status checkTransition(InvoiceStatus from, InvoiceStatus to);
    static QList<InvoiceStatus> allowedFrom(InvoiceStatus from);

    // Paid and later: the amounts and lines are final; corrections are credit notes.
    static bool isImmutable(InvoiceStatus status);
};

} // namespace mp::billing
