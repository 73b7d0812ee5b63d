#include "subscriptions/subscription_json.h"

#include "money/currency.h"
#include "money/money.h"

namespace mp::subscriptions {

namespace {

QJsonValue time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject SubscriptionJson::toJson(const Subscription &s)
{
    QJsonObject o{{QStringLiteral("id"), s.id},
                  {QStringLiteral("customer_id"), s.customerId},
                  {QStringLiteral("product_id"), s.productId},
                  {QStringLiteral("product_type"), s.productType},
                  {QStringLiteral("order_item_id"),
                   s.orderItemId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.orderItemId)},
                  {QStringLiteral("description"), s.description},
                  {QStringLiteral("cycle"), SubscriptionCalendar::toString(s.cycle)},
                  {QStringLiteral("currency"), s.currency},
                  {QStringLiteral("unit_price_minor"), s.unitPriceMinor},
                  {QStringLiteral("quantity"), s.quantity},
                  {QStringLiteral("status"), s.status},
                  {QStringLiteral("anchor_day"), s.anchorDay},
                  {QStringLiteral("started_at"), time(s.startedAt)},
                  {QStringLiteral("current_period_start"), time(s.currentPeriodStart)},
                  {QStringLiteral("current_period_end"), time(s.currentPeriodEnd)},
                  {QStringLiteral("next_due_date"), s.nextDueDate.isValid()
                                                        ? QJsonValue(s.nextDueDate.toString(Qt::ISODate))
                                                        : QJsonValue(QJsonValue::Null)},
                  {QStringLiteral("cancel_at_period_end"), s.cancelAtPeriodEnd},
                  {QStringLiteral("cancelled_at"), time(s.cancelledAt)},
                  {QStringLiteral("past_due_since"), time(s.pastDueSince)},
                  {QStringLiteral("suspended_at"), time(s.suspendedAt)},
                  {QStringLiteral("ended_at"), time(s.endedAt)},
                  {QStringLiteral("created_at"), time(s.createdAt)}};
    if (const auto c = Currency::fromCode(s.currency))
        o.insert(QStringLiteral("unit_price"), Money(s.unitPriceMinor, *c).toDecimalString());
    return o;
}

QJsonObject SubscriptionJson::detail(const Subscription &s, const SubscriptionLinks &links)
{
    QJsonObject o = toJson(s);
    o.insert(QStringLiteral("product"), links.product);
    o.insert(QStringLiteral("customer"), links.customer);
    o.insert(QStringLiteral("invoices"), links.invoices);
    o.insert(QStringLiteral("history"), links.history);
    // What provisioning knows is not stored yet (the provisioners land separately); the
    // subscription's own status says whether the service should be running.
    o.insert(QStringLiteral("provisioning"),
             QJsonObject{{QStringLiteral("expected"),
                          s.status == QLatin1String("active") || s.status == QLatin1String("past_due")
                              ? QStringLiteral("running")
                          : s.status == QLatin1String("suspended") ? QStringLiteral("suspended")
                          : s.status == QLatin1String("pending")   ? QStringLiteral("not_provisioned")
                                                                   : QStringLiteral("terminated")}});
    return o;
}

} // namespace mp::subscriptions
