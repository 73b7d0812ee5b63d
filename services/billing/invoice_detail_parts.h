#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace mp {
class TenantTransaction;
}

namespace mp::billing {

struct Invoice;

// What other modules add to one invoice as GET /api/invoices/{id} answers it (the payments
// module puts its Stripe payments, with declines, refunds and reviews, into "payments"). Billing
// names no module: a module registers its part when it is initialised.
using InvoiceDetailPart =
    std::function<Status(TenantTransaction &tx, const Invoice &invoice, QJsonObject &json)>;

class InvoiceDetailParts {
public:
    static void add(const QString &name, InvoiceDetailPart part);
    // Runs every part on `json` in registration order; the first error stops.
    static Status apply(TenantTransaction &tx, const Invoice &invoice, QJsonObject &json);
};

} // namespace mp::billing
