#include "billing/orders.h"

#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "money/money_errors.h"

namespace mp::billing {

namespace {

// Items aggregated per order in one lateral subquery, so a page is one round trip.
const auto kSelect = QStringLiteral(R"sql(
SELECT o.id, o.customer_id, c.name, o.status, o.placed_by, o.currency, o.created_at,
       coalesce(it.first_description, ''), coalesce(it.n, 0), coalesce(it.amount, 0)::text, %1
FROM orders o
JOIN customers c ON c.tenant_id = o.tenant_id AND c.id = o.customer_id
LEFT JOIN LATERAL (
    SELECT count(*) AS n, sum(x.quantity * x.unit_price_minor + x.setup_fee_minor) AS amount,
           (array_agg(x.description ORDER BY x.position))[1] AS first_description
    FROM order_items x WHERE x.order_id = o.id) it ON true
WHERE %2
ORDER BY %3 LIMIT %4
)sql");
constexpr int kColumns = 10;

const auto kTotals = QStringLiteral(R"sql(
SELECT o.currency, count(DISTINCT o.id),
       coalesce(sum(x.quantity * x.unit_price_minor + x.setup_fee_minor), 0)::text
FROM orders o LEFT JOIN order_items x ON x.order_id = o.id
WHERE %1
GROUP BY o.currency ORDER BY o.currency
)sql");

void filterConditions(const OrderFilter &filter, QStringList &where, QVariantList &binds)
{
    where << QStringLiteral("true");
    if (!filter.status.isEmpty()) {
        where << QStringLiteral("o.status = ?");
        binds << filter.status;
    }
    if (!filter.customerId.isEmpty()) {
        where << QStringLiteral("o.customer_id = ?::uuid");
        binds << filter.customerId;
    }
    if (filter.placedFrom.isValid()) {
        where << QStringLiteral("o.created_at >= ?::date::timestamp AT TIME ZONE 'UTC'");
        binds << filter.placedFrom.toString(Qt::ISODate);
    }
    if (filter.placedTo.isValid()) {
        where << QStringLiteral("o.created_at < (?::date + 1)::timestamp AT TIME ZONE 'UTC'");
        binds << filter.placedTo.toString(Qt::ISODate);
    }
}

} // namespace

QList<api::SortOrder> Orders::sortOrders()
{
    return {
        {QStringLiteral("created_at"), {QStringLiteral("o.created_at")}, {QStringLiteral("timestamptz")}}};
}

Result<OrderPage> Orders::list(TenantTransaction &tx, const OrderFilter &filter, const api::KeysetPage &page)
{
    QStringList where;
    QVariantList binds;
    filterConditions(filter, where, binds);
    if (const QString after = page.afterCondition(QStringLiteral("o.id")); !after.isEmpty()) {
        where << after;
        binds << page.afterBinds();
    }
    auto q = sql::exec(
        tx.db(),
        kSelect
            .arg(page.keySelect(), where.join(QStringLiteral(" AND ")), page.orderBy(QStringLiteral("o.id")))
            .arg(page.limit() + 1),
        binds);
    if (!q)
        return q.error();
    return api::readPage<OrderPage>(*q, page, kColumns, [](const QSqlQuery &row) -> Result<OrderSummary> {
        const auto currency = Currency::fromCode(row.value(5).toString());
        if (!currency)
            return makeError(
                errors::InvalidCurrency,
                QStringLiteral("stored order currency %1 is unknown").arg(row.value(5).toString()));
        OrderSummary o(*currency);
        o.id = row.value(0).toString();
        o.customerId = row.value(1).toString();
        o.customerName = row.value(2).toString();
        o.status = row.value(3).toString();
        o.placedBy = row.value(4).toString();
        o.createdAt = row.value(6).toDateTime();
        o.description = row.value(7).toString();
        o.itemCount = row.value(8).toInt();
        o.amount = Money(row.value(9).toString().toLongLong(), *currency);
        return o;
    });
}

Result<QList<OrderTotal>> Orders::totals(TenantTransaction &tx, const OrderFilter &filter)
{
    QStringList where;
    QVariantList binds;
    filterConditions(filter, where, binds);
    auto q = sql::exec(tx.db(), kTotals.arg(where.join(QStringLiteral(" AND "))), binds);
    if (!q)
        return q.error();
    QList<OrderTotal> totals;
    while (q->next()) {
        const auto currency = Currency::fromCode(q->value(0).toString());
        if (!currency)
            return makeError(
                errors::InvalidCurrency,
                QStringLiteral("stored order currency %1 is unknown").arg(q->value(0).toString()));
        totals.append(
            OrderTotal{q->value(1).toLongLong(), Money(q->value(2).toString().toLongLong(), *currency)});
    }
    return totals;
}

} // namespace mp::billing
