#include "subscriptions/subscriptions.h"

#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "money/currency.h"
#include "money/money.h"
#include "subscriptions/subscription_rows.h"

#include <QJsonDocument>
#include <QUuid>

namespace mp::subscriptions {

namespace {

const auto kProduct = QStringLiteral("SELECT id::text, name, type FROM products WHERE id = ?::uuid");
const auto kCustomer = QStringLiteral("SELECT id::text, name, email FROM customers WHERE id = ?::uuid");

// Payments are the invoices' payment facts; a payments table links to invoices, not here.
const auto kInvoices = QStringLiteral(R"sql(
SELECT i.id::text, coalesce(i.number, ''), i.status, i.currency, i.total_minor, si.kind, si.period_start,
       si.period_end, i.due_date, i.paid_at, coalesce(i.payment_method, ''), coalesce(i.payment_reference, '')
FROM subscription_invoices si JOIN invoices i ON i.id = si.invoice_id
WHERE si.subscription_id = ?::uuid
ORDER BY si.period_start DESC
)sql");

const auto kHistory = QStringLiteral(R"sql(
SELECT at, actor, event, coalesce(from_status, ''), coalesce(to_status, ''), details::text
FROM subscription_events WHERE subscription_id = ?::uuid ORDER BY id
)sql");

QString ts(const QVariant &v)
{
    return v.isNull() ? QString() : v.toDateTime().toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QList<api::SortOrder> Subscriptions::sortOrders()
{
    return {
        {QStringLiteral("created_at"), {QStringLiteral("s.created_at")}, {QStringLiteral("timestamptz")}},
        {QStringLiteral("next_due_date"),
         {QStringLiteral("coalesce(s.next_due_date, 'infinity'::date)")},
         {QStringLiteral("date")}},
    };
}

Result<Subscription> Subscriptions::find(TenantTransaction &tx, const QString &id)
{
    const Error notFound =
        makeError(errors::NotFound, QStringLiteral("no such subscription"), QStringLiteral("id"));
    if (!isUuid(id))
        return notFound;
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("SELECT %1 FROM subscriptions s WHERE s.id = ?::uuid").arg(subscriptionColumns()),
        {id});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound;
    return subscriptionFromRow(*q);
}

Result<SubscriptionLinks> Subscriptions::links(TenantTransaction &tx, const Subscription &s)
{
    SubscriptionLinks links;
    auto product = sql::exec(tx.db(), kProduct, {s.productId});
    if (!product)
        return product.error();
    if (product->next())
        links.product = {{QStringLiteral("id"), product->value(0).toString()},
                         {QStringLiteral("name"), product->value(1).toString()},
                         {QStringLiteral("type"), product->value(2).toString()}};
    auto customer = sql::exec(tx.db(), kCustomer, {s.customerId});
    if (!customer)
        return customer.error();
    if (customer->next())
        links.customer = {{QStringLiteral("id"), customer->value(0).toString()},
                          {QStringLiteral("name"), customer->value(1).toString()},
                          {QStringLiteral("email"), customer->value(2).toString()}};
    auto invoices = sql::exec(tx.db(), kInvoices, {s.id});
    if (!invoices)
        return invoices.error();
    while (invoices->next()) {
        const auto currency = Currency::fromCode(invoices->value(3).toString());
        QJsonObject inv{{QStringLiteral("id"), invoices->value(0).toString()},
                        {QStringLiteral("number"), invoices->value(1).toString()},
                        {QStringLiteral("status"), invoices->value(2).toString()},
                        {QStringLiteral("currency"), invoices->value(3).toString()},
                        {QStringLiteral("total_minor"), invoices->value(4).toLongLong()},
                        {QStringLiteral("kind"), invoices->value(5).toString()},
                        {QStringLiteral("period_start"), ts(invoices->value(6))},
                        {QStringLiteral("period_end"), ts(invoices->value(7))},
                        {QStringLiteral("due_date"), invoices->value(8).toDate().toString(Qt::ISODate)}};
        if (currency)
            inv.insert(QStringLiteral("total"),
                       Money(invoices->value(4).toLongLong(), *currency).toDecimalString());
        if (!invoices->value(9).isNull())
            inv.insert(QStringLiteral("payment"),
                       QJsonObject{{QStringLiteral("paid_at"), ts(invoices->value(9))},
                                   {QStringLiteral("method"), invoices->value(10).toString()},
                                   {QStringLiteral("reference"), invoices->value(11).toString()}});
        links.invoices.append(inv);
    }
    auto history = sql::exec(tx.db(), kHistory, {s.id});
    if (!history)
        return history.error();
    while (history->next()) {
        QJsonObject e{{QStringLiteral("at"), ts(history->value(0))},
                      {QStringLiteral("actor"), history->value(1).toString()},
                      {QStringLiteral("event"), history->value(2).toString()},
                      {QStringLiteral("details"),
                       QJsonDocument::fromJson(history->value(5).toString().toUtf8()).object()}};
        if (!history->value(3).toString().isEmpty())
            e.insert(QStringLiteral("from_status"), history->value(3).toString());
        if (!history->value(4).toString().isEmpty())
            e.insert(QStringLiteral("to_status"), history->value(4).toString());
        links.history.append(e);
    }
    return links;
}

Result<SubscriptionPage> Subscriptions::list(TenantTransaction &tx, const SubscriptionFilter &filter,
                                             const api::KeysetPage &page, QDate today)
{
    QStringList where{QStringLiteral("true")};
    QVariantList binds;
    if (!filter.status.isEmpty()) {
        where << QStringLiteral("s.status = ?");
        binds << filter.status;
    }
    if (!filter.productId.isEmpty()) {
        where << QStringLiteral("s.product_id = ?::uuid");
        binds << filter.productId;
    }
    if (!filter.customerId.isEmpty()) {
        where << QStringLiteral("s.customer_id = ?::uuid");
        binds << filter.customerId;
    }
    if (filter.dueWithinDays) {
        where << QStringLiteral(
            "s.status IN ('active', 'past_due', 'suspended') AND s.next_due_date <= ?::date");
        binds << today.addDays(*filter.dueWithinDays).toString(Qt::ISODate);
    }
    const QString after = page.afterCondition(QStringLiteral("s.id"));
    if (!after.isEmpty()) {
        where << after;
        binds << page.afterBinds();
    }
    const QString text = QStringLiteral("SELECT %1, %2 FROM subscriptions s WHERE %3 ORDER BY %4 LIMIT %5")
                             .arg(subscriptionColumns(), page.keySelect(),
                                  where.join(QStringLiteral(" AND ")), page.orderBy(QStringLiteral("s.id")))
                             .arg(page.limit() + 1);
    auto q = sql::exec(tx.db(), text, binds);
    if (!q)
        return q.error();
    return api::readPage<SubscriptionPage>(*q, page, kSubscriptionColumnCount,
                                           [](const QSqlQuery &row) { return subscriptionFromRow(row); });
}

} // namespace mp::subscriptions
