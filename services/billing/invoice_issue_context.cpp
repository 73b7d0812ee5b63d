#include "billing/invoice_issue_context.h"

#include "billing/buyer_snapshot.h"
#include "billing/invoices.h"
#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

namespace mp::billing {

namespace {

// The customer is a LEFT JOIN so that a hidden customer still yields the settings row and
// reads as "no such customer" rather than as missing settings.
QString contextQuery()
{
    return QStringLiteral("SELECT %1, c.id IS NOT NULL, %2, %3 "
                          "FROM billing_settings s JOIN tenants t ON t.id = s.tenant_id "
                          "LEFT JOIN customers c ON c.id = ?::uuid")
        .arg(BillingSettingsStore::columns(), BuyerSnapshot::columns(QStringLiteral("c")),
             BillingSettingsStore::taxRatesJsonColumn(QStringLiteral("coalesce(c.country, '')")));
}

} // namespace

Result<InvoiceIssueContext> InvoiceIssueContext::load(TenantTransaction &tx, const QString &customerId,
                                                      const QDateTime &now)
{
    static const QString kContext = contextQuery();
    constexpr int found = BillingSettingsStore::kColumnCount;
    constexpr int buyerFirst = found + 1;
    constexpr int rates = buyerFirst + BuyerSnapshot::kColumnCount;
    auto q = sql::exec(tx.db(), kContext, {customerId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::Internal, QStringLiteral("the tenant has no billing settings"));
    if (!q->value(found).toBool())
        return makeError(errors::NotFound, QStringLiteral("no such customer"), QStringLiteral("customer_id"));
    InvoiceIssueContext ctx;
    ctx.settings = BillingSettingsStore::fromRow(*q, 0);
    ctx.buyer = BuyerSnapshot::fromRow(*q, buyerFirst);
    auto taxRates = BillingSettingsStore::taxRatesFromJson(q->value(rates).toByteArray());
    if (!taxRates)
        return taxRates.error();
    q->finish();
    ctx.today = Invoices::localDate(ctx.settings, now);
    ctx.tax = TaxCalculation::decide(*taxRates, ctx.settings.country, BuyerSnapshot::taxBuyer(ctx.buyer),
                                     ctx.today, ctx.settings.reverseCharge);
    return ctx;
}

} // namespace mp::billing
