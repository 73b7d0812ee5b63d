#include "billing/invoice_paid.h"

#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "subscriptions/subscription_lifecycle.h"

namespace mp::billing {

namespace {

// The order behind the invoice is what the customer bought: once paid, it is active.
const QString kActivateOrder = QStringLiteral(R"(
UPDATE orders o SET status = 'active'
  FROM invoices i
 WHERE i.id = ? AND o.id = i.order_id AND o.status = 'pending'
)");

} // namespace

Status afterInvoicePaid(TenantTransaction &tx, const QString &invoiceId, const QDateTime &now)
{
    if (auto order = sql::exec(tx.db(), kActivateOrder, {invoiceId}); !order)
        return order.error();
    return subscriptions::SubscriptionLifecycle::onInvoicePaid(tx, invoiceId, now);
}

} // namespace mp::billing
