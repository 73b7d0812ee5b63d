#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::billing {

// Everything that follows from an invoice becoming paid, run inside the transaction that marks
// it paid (a Stripe payment, or staff recording a bank transfer), so the payment and its effects
// commit together or not at all. The modules that act on a paid invoice are called from
// invoice_paid.cpp, one explicit line each, in a fixed order: the order first, then
// subscriptions (which in turn ask provisioning for the service).
Status afterInvoicePaid(TenantTransaction &tx, const QString &invoiceId, const QDateTime &now);

} // namespace mp::billing
