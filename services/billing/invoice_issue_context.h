#pragma once

#include "billing/billing_settings.h"
#include "billing/tax_calculation.h"
#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>

namespace mp {
class TenantTransaction;
}

namespace mp::billing {

// Everything an invoice's figures and parties depend on at the moment it is issued: the
// tenant's settings, the buyer block, and the tax decision for that buyer on the tenant's
// today. Read in one statement: issuing holds the gapless counter soon after, and every
// round trip before it is paid by every invoice.
struct InvoiceIssueContext {
    BillingSettings settings;
    QJsonObject buyer;
    QDate today;
    TaxDecision tax;

    // "not_found" on field customer_id when RLS hides the customer.
    static Result<InvoiceIssueContext> load(TenantTransaction &tx, const QString &customerId,
                                            const QDateTime &now);
};

} // namespace mp::billing
