#include "subscriptions/subscription_rows.h"

#include <QVariant>

namespace mp::subscriptions {

namespace {

QDateTime utc(const QVariant &v)
{
    return v.isNull() ? QDateTime() : v.toDateTime().toUTC();
}

} // namespace

QString subscriptionColumns()
{
    return QStringLiteral(
        "s.id::text, s.customer_id::text, s.product_id::text, s.product_type, "
        "coalesce(s.order_item_id::text, ''), "
        "s.description, s.cycle, s.currency, s.unit_price_minor, s.quantity, s.status, s.anchor_day, "
        "s.started_at, s.current_period_start, s.current_period_end, s.next_due_date, "
        "s.cancel_at_period_end, "
        "s.cancelled_at, s.past_due_since, s.suspended_at, s.ended_at, s.created_at, s.updated_at");
}

Subscription subscriptionFromRow(const QSqlQuery &q, int o)
{
    Subscription s;
    s.id = q.value(o + 0).toString();
    s.customerId = q.value(o + 1).toString();
    s.productId = q.value(o + 2).toString();
    s.productType = q.value(o + 3).toString();
    s.orderItemId = q.value(o + 4).toString();
    s.description = q.value(o + 5).toString();
    s.cycle = SubscriptionCalendar::cycleFromString(q.value(o + 6).toString()).value_or(Cycle::Monthly);
    s.currency = q.value(o + 7).toString();
    s.unitPriceMinor = q.value(o + 8).toLongLong();
    s.quantity = q.value(o + 9).toInt();
    s.status = q.value(o + 10).toString();
    s.anchorDay = q.value(o + 11).toInt();
    s.startedAt = utc(q.value(o + 12));
    s.currentPeriodStart = utc(q.value(o + 13));
    s.currentPeriodEnd = utc(q.value(o + 14));
    s.nextDueDate = q.value(o + 15).toDate();
    s.cancelAtPeriodEnd = q.value(o + 16).toBool();
    s.cancelledAt = utc(q.value(o + 17));
    s.pastDueSince = utc(q.value(o + 18));
    s.suspendedAt = utc(q.value(o + 19));
    s.endedAt = utc(q.value(o + 20));
    s.createdAt = utc(q.value(o + 21));
    s.updatedAt = utc(q.value(o + 22));
    return s;
}

} // namespace mp::subscriptions
