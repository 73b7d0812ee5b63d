#include "billing/invoice_status.h"

#include "core/errors.h"

namespace mp::billing {

QString InvoiceStatuses::toString(InvoiceStatus status)
{
    switch (status) {
    case InvoiceStatus::Draft:
        return QStringLiteral("draft");
    case InvoiceStatus::Unpaid:
        return QStringLiteral("unpaid");
    case InvoiceStatus::Paid:
        return QStringLiteral("paid");
    case InvoiceStatus::Cancelled:
        return QStringLiteral("cancelled");
    case InvoiceStatus::Refunded:
        return QStringLiteral("refunded");
    case InvoiceStatus::PartiallyRefunded:
        return QStringLiteral("partially_refunded");
    }
    return {};
}

QStringList InvoiceStatuses::all()
{
    return {QStringLiteral("draft"),     QStringLiteral("unpaid"),   QStringLiteral("paid"),
            QStringLiteral("cancelled"), QStringLiteral("refunded"), QStringLiteral("partially_refunded")};
}

std::optional<InvoiceStatus> InvoiceStatuses::fromString(const QString &text)
{
    for (InvoiceStatus s :
         {InvoiceStatus::Draft, InvoiceStatus::Unpaid, InvoiceStatus::Paid, InvoiceStatus::Cancelled,
          InvoiceStatus::Refunded, InvoiceStatus::PartiallyRefunded}) {
        if (toString(s) == text)
            return s;
    }
    return std::nullopt;
}

QList<InvoiceStatus> InvoiceStatuses::allowedFrom(InvoiceStatus from)
{
    switch (from) {
    case InvoiceStatus::Draft:
        return {InvoiceStatus::Unpaid};
    case InvoiceStatus::Unpaid:
        return {InvoiceStatus::Paid, InvoiceStatus::Cancelled};
    case InvoiceStatus::Paid:
        return {InvoiceStatus::Refunded, InvoiceStatus::PartiallyRefunded};
    case InvoiceStatus::PartiallyRefunded:
        return {InvoiceStatus::Refunded};
    case InvoiceStatus::Cancelled:
    case InvoiceStatus::Refunded:
        return {};
    }
    return {};
}

Status InvoiceStatuses::checkTransition(InvoiceStatus from, InvoiceStatus to)
{
    if (allowedFrom(from).contains(to))
        return {};
    return makeError(
        errors::InvalidTransition,
        QStringLiteral("an invoice that is %1 cannot become %2").arg(toString(from), toString(to)),
        QStringLiteral("status"));
}

bool InvoiceStatuses::isImmutable(InvoiceStatus status)
{
    return status != InvoiceStatus::Draft && status != InvoiceStatus::Unpaid;
}

} // namespace mp::billing
