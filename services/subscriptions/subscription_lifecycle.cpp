#include "subscriptions/subscription_lifecycle.h"

#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "module/domain_events.h"
#include "subscriptions/savepoint.h"
#include "subscriptions/subscription_change.h"
#include "subscriptions/subscription_history.h"
#include "subscriptions/subscription_rows.h"
#include "subscriptions/subscription_settings.h"

#include <QUuid>

namespace mp::subscriptions {

namespace {

// Recurring lines of the paid order invoice that have no subscription yet. A domain line (priced
// per registration year) recurs yearly: its first period lasts the years paid, and it renews
// at the catalog's one-year renewal price (else the one-year registration price, else the
// line's price per year).
const auto kOrderLines = QStringLiteral(R"sql(
SELECT oi.id::text, o.customer_id::text, oi.product_id::text, oi.product_type,
       CASE WHEN oi.domain_years IS NULL THEN oi.description ELSE 'Domain ' || oi.domain_name END,
       coalesce(oi.cycle, 'annual'), o.currency,
       CASE WHEN oi.domain_years IS NULL THEN oi.unit_price_minor
            ELSE coalesce((SELECT t.amount_minor FROM tld_prices t WHERE t.product_id = oi.product_id
                             AND t.action = 'renew' AND t.years = 1 AND t.currency = o.currency),
                          (SELECT t.amount_minor FROM tld_prices t WHERE t.product_id = oi.product_id
                             AND t.action = 'register' AND t.years = 1 AND t.currency = o.currency),
                          oi.unit_price_minor / oi.domain_years) END,
       oi.quantity, coalesce(oi.domain_years, 1)
FROM invoices i
JOIN orders o ON o.id = i.order_id
JOIN order_items oi ON oi.order_id = o.id
WHERE i.id = ?::uuid
  AND (oi.cycle IN ('monthly', 'quarterly', 'semiannual', 'annual', 'biennial', 'triennial')
       OR (oi.cycle IS NULL AND oi.domain_years IS NOT NULL))
  AND NOT EXISTS (SELECT 1 FROM subscriptions s WHERE s.order_item_id = oi.id)
ORDER BY oi.position
)sql");

const auto kInsertSubscription = QStringLiteral(R"sql(
INSERT INTO subscriptions (tenant_id, customer_id, product_id, product_type, order_item_id, description, cycle,
                           currency, unit_price_minor, quantity, status, anchor_day, started_at,
                           current_period_start, current_period_end, next_due_date, created_at, updated_at)
VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?::uuid, ?, ?, ?, ?, ?, 'active', ?, ?::timestamptz, ?::timestamptz,
        ?::timestamptz, ?::date, ?::timestamptz, ?::timestamptz)
ON CONFLICT (tenant_id, order_item_id) DO NOTHING
RETURNING id::text
)sql");

const auto kLinkInvoice = QStringLiteral(R"sql(
INSERT INTO subscription_invoices (tenant_id, subscription_id, period_start, period_end, invoice_id, kind, created_at)
VALUES (?::uuid, ?::uuid, ?::timestamptz, ?::timestamptz, ?::uuid, 'first', ?::timestamptz)
ON CONFLICT (subscription_id, period_start) DO NOTHING
)sql");

const auto kRenewalPeriods = QStringLiteral(R"sql(
SELECT subscription_id::text, period_start, period_end
FROM subscription_invoices WHERE invoice_id = ?::uuid AND kind = 'renewal'
)sql");

const auto kExtend = QStringLiteral(R"sql(
UPDATE subscriptions SET status = 'active', current_period_start = ?::timestamptz,
       current_period_end = ?::timestamptz, next_due_date = ?::date, past_due_since = NULL,
       suspended_at = NULL, updated_at = ?::timestamptz
WHERE id = ?::uuid
)sql");

const auto kSetStatus = QStringLiteral(R"sql(
UPDATE subscriptions SET status = ?,
       suspended_at = CASE WHEN ? = 'suspended' THEN ?::timestamptz WHEN ? = 'active' THEN NULL ELSE suspended_at END,
       cancelled_at = CASE WHEN ? = 'cancelled' THEN ?::timestamptz ELSE cancelled_at END,
       ended_at = CASE WHEN ? IN ('cancelled', 'expired') THEN ?::timestamptz ELSE ended_at END,
       updated_at = ?::timestamptz
WHERE id = ?::uuid
)sql");

const auto kCancelAtPeriodEnd = QStringLiteral(R"sql(
UPDATE subscriptions SET cancel_at_period_end = true, cancelled_at = ?::timestamptz, updated_at = ?::timestamptz
WHERE id = ?::uuid
)sql");

// Set-based: every active subscription whose period ended unpaid goes past due, with its history
// row and one reminder per period (the dedupe key) in the outbox, in one statement.
const auto kPastDue = QStringLiteral(R"sql(
WITH moved AS (
    UPDATE subscriptions s SET status = 'past_due', past_due_since = ?::timestamptz, updated_at = ?::timestamptz
    WHERE s.status = 'active' AND NOT s.cancel_at_period_end AND s.current_period_end <= ?::timestamptz
      -- An automatic charge of the period's invoice still to come (payments' retries) goes first;
      -- a hold the charge job never took up lapses after a day.
      AND NOT EXISTS (SELECT 1 FROM subscription_invoices si JOIN invoices i ON i.id = si.invoice_id
                      WHERE si.subscription_id = s.id AND si.period_start = s.current_period_end
                        AND i.collection_retry_at > ?::timestamptz - interval '1 day')
    RETURNING s.id, s.tenant_id, s.customer_id, s.description, s.current_period_end, s.next_due_date
), history AS (
    INSERT INTO subscription_events (tenant_id, subscription_id, at, actor, event, from_status, to_status, details)
    SELECT tenant_id, id, ?::timestamptz, 'job', 'past_due', 'active', 'past_due',
           jsonb_build_object('period_end', current_period_end)
    FROM moved
), mail AS (
    INSERT INTO email_outbox (tenant_id, customer_id, to_address, template, payload, dedupe_key, created_at)
    SELECT m.tenant_id, m.customer_id, c.email, 'subscription.past_due',
           jsonb_build_object('subscription_id', m.id, 'description', m.description, 'due_date', m.next_due_date,
                              'invoice_id', (SELECT si.invoice_id FROM subscription_invoices si
                                             WHERE si.subscription_id = m.id AND si.period_start = m.current_period_end)),
           'subscription.past_due:' || m.id || ':' || m.next_due_date, ?::timestamptz
    FROM moved m JOIN customers c ON c.id = m.customer_id
    ON CONFLICT (tenant_id, dedupe_key) DO NOTHING
)
SELECT count(*) FROM moved
)sql");

const auto kToSuspend = QStringLiteral(R"sql(
SELECT id::text FROM subscriptions
WHERE status = 'past_due' AND current_period_end + make_interval(days => ?) <= ?::timestamptz
ORDER BY current_period_end, id
)sql");

const auto kToExpire = QStringLiteral(R"sql(
SELECT id::text FROM subscriptions
WHERE status IN ('active', 'past_due', 'suspended') AND cancel_at_period_end AND current_period_end <= ?::timestamptz
ORDER BY current_period_end, id
)sql");

QString ts(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

Error notFound()
{
    return makeError(errors::NotFound, QStringLiteral("no such subscription"), QStringLiteral("id"));
}

Error conflict(const Subscription &s, const QString &message)
{
    return makeError(errors::Conflict, QStringLiteral("%1 (it is %2)").arg(message, s.status),
                     QStringLiteral("status"));
}

Status setStatus(TenantTransaction &tx, const QString &id, const QString &to, const QDateTime &now)
{
    const QString t = ts(now);
    auto q = sql::exec(tx.db(), kSetStatus, {to, to, t, to, to, t, to, t, t, id});
    if (!q)
        return q.error();
    return {};
}

// The status change, its history row and the provisioning call, together.
Status transition(TenantTransaction &tx, const Subscription &s, const QString &to, const QString &event,
                  const QString &actor, const QDateTime &now,
                  Status (*provision)(TenantTransaction &, const provisioning::ServiceRequest &,
                                      const QDateTime &))
{
    if (auto st = setStatus(tx, s.id, to, now); !st)
        return st;
    if (auto st = SubscriptionHistory::record(tx, s.id, {event, s.status, to, actor, {}}, now); !st)
        return st;
    if (provision) {
        if (auto st = provision(tx, s.serviceRequest(), now); !st)
            return st;
    }
    if (to == QLatin1String("suspended")) {
        // Listeners (notifications) tell the customer; subscriptions names none of them.
        const events::DomainEvent suspended{events::SubscriptionSuspended, s.customerId, s.id,
                                            QJsonObject{{QStringLiteral("description"), s.description}}};
        return events::DomainEvents::announce(tx, suspended, now);
    }
    return {};
}

Status createFromOrder(TenantTransaction &tx, const QString &invoiceId, const QDateTime &now,
                       const SubscriptionSettings &settings)
{
    auto lines = sql::exec(tx.db(), kOrderLines, {invoiceId});
    if (!lines)
        return lines.error();
    QList<Subscription> created;
    while (lines->next()) {
        Subscription s;
        s.orderItemId = lines->value(0).toString();
        s.customerId = lines->value(1).toString();
        s.productId = lines->value(2).toString();
        s.productType = lines->value(3).toString();
        s.description = lines->value(4).toString();
        s.cycle = *SubscriptionCalendar::cycleFromString(lines->value(5).toString());
        s.currency = lines->value(6).toString();
        s.unitPriceMinor = lines->value(7).toLongLong();
        s.quantity = lines->value(8).toInt();
        s.status = QStringLiteral("active");
        s.anchorDay = now.toTimeZone(settings.timeZone).date().day();
        s.startedAt = now.toUTC();
        s.currentPeriodStart = s.startedAt;
        s.currentPeriodEnd = SubscriptionCalendar::periodEnd(now, s.cycle, s.anchorDay, settings.timeZone);
        // A domain paid for several years: its first period covers them all.
        for (int year = 1; year < lines->value(9).toInt(); ++year)
            s.currentPeriodEnd =
                SubscriptionCalendar::periodEnd(s.currentPeriodEnd, s.cycle, s.anchorDay, settings.timeZone);
        s.nextDueDate = s.currentPeriodEnd.toTimeZone(settings.timeZone).date();
        created.append(s);
    }
    for (Subscription &s : created) {
        auto q =
            sql::exec(tx.db(), kInsertSubscription,
                      {tx.tenantId(), s.customerId, s.productId, s.productType, s.orderItemId, s.description,
                       SubscriptionCalendar::toString(s.cycle), s.currency, s.unitPriceMinor, s.quantity,
                       s.anchorDay, ts(s.startedAt), ts(s.currentPeriodStart), ts(s.currentPeriodEnd),
                       s.nextDueDate.toString(Qt::ISODate), ts(now), ts(now)});
        if (!q)
            return q.error();
        if (!q->next())
            continue; // a concurrent payment of the same order created it
        s.id = q->value(0).toString();
        if (auto l = sql::exec(
                tx.db(), kLinkInvoice,
                {tx.tenantId(), s.id, ts(s.currentPeriodStart), ts(s.currentPeriodEnd), invoiceId, ts(now)});
            !l)
            return l.error();
        if (auto st = SubscriptionHistory::record(tx, s.id,
                                                  {QStringLiteral("created"), QString(),
                                                   QStringLiteral("active"), QStringLiteral("payment"),
                                                   QJsonObject{{QStringLiteral("invoice_id"), invoiceId}}},
                                                  now);
            !st)
            return st;
        if (auto st = provisioning::onActivated(tx, s.serviceRequest(), now); !st)
            return st;
    }
    return {};
}

Status extendPaidPeriods(TenantTransaction &tx, const QString &invoiceId, const QDateTime &now,
                         const SubscriptionSettings &settings)
{
    auto periods = sql::exec(tx.db(), kRenewalPeriods, {invoiceId});
    if (!periods)
        return periods.error();
    struct Period {
        QString subscriptionId;
        QDateTime start, end;
    };
    QList<Period> paid;
    while (periods->next())
        paid.append({periods->value(0).toString(), periods->value(1).toDateTime().toUTC(),
                     periods->value(2).toDateTime().toUTC()});
    for (const Period &p : std::as_const(paid)) {
        // The lock orders this payment against a dunning run suspending the same subscription:
        // whichever comes second sees the other's result.
        auto s = SubscriptionLifecycle::lock(tx, p.subscriptionId);
        if (!s)
            return s.error();
        const QJsonObject details{{QStringLiteral("invoice_id"), invoiceId},
                                  {QStringLiteral("period_start"), ts(p.start)},
                                  {QStringLiteral("period_end"), ts(p.end)}};
        if (!s->live() || p.end <= s->currentPeriodEnd) {
            // Paid after cancellation or expiry, or a period already covered: money is kept on
            // the invoice; staff refund or credit it. Nothing restarts by itself.
            if (auto st = SubscriptionHistory::record(tx, s->id,
                                                      {QStringLiteral("renewal_paid_ignored"), s->status,
                                                       s->status, QStringLiteral("payment"), details},
                                                      now);
                !st)
                return st;
            continue;
        }
        const QDate due = p.end.toTimeZone(settings.timeZone).date();
        if (auto q = sql::exec(tx.db(), kExtend,
                               {ts(p.start), ts(p.end), due.toString(Qt::ISODate), ts(now), s->id});
            !q)
            return q.error();
        if (auto st =
                SubscriptionHistory::record(tx, s->id,
                                            {QStringLiteral("renewed"), s->status, QStringLiteral("active"),
                                             QStringLiteral("payment"), details},
                                            now);
            !st)
            return st;
        if (auto st = provisioning::onRenewed(tx, s->serviceRequest(), now); !st)
            return st;
        if (s->status == QLatin1String("suspended")) {
            if (auto st = provisioning::onUnsuspended(tx, s->serviceRequest(), now); !st)
                return st;
        }
    }
    return {};
}

} // namespace

Result<Subscription> SubscriptionLifecycle::lock(TenantTransaction &tx, const QString &id)
{
    if (!isUuid(id))
        return notFound();
    auto q = sql::exec(tx.db(),
                       QStringLiteral("SELECT %1 FROM subscriptions s WHERE s.id = ?::uuid FOR UPDATE")
                           .arg(subscriptionColumns()),
                       {id});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound();
    return subscriptionFromRow(*q);
}

Status SubscriptionLifecycle::onInvoicePaid(TenantTransaction &tx, const QString &invoiceId,
                                            const QDateTime &now)
{
    auto settings = SubscriptionSettingsStore::load(tx);
    if (!settings)
        return settings.error();
    if (auto st = createFromOrder(tx, invoiceId, now, *settings); !st)
        return st;
    if (auto st = extendPaidPeriods(tx, invoiceId, now, *settings); !st)
        return st;
    return SubscriptionChanges::onInvoicePaid(tx, invoiceId, now);
}

Result<Subscription> SubscriptionLifecycle::cancel(TenantTransaction &tx, const QString &id, CancelMode mode,
                                                   const QString &actor, const QDateTime &now)
{
    auto s = lock(tx, id);
    if (!s)
        return s.error();
    if (s->status == QLatin1String("cancelled") || s->status == QLatin1String("expired"))
        return conflict(*s, QStringLiteral("the subscription has already ended"));
    if (mode == CancelMode::Now || !s->live()) {
        if (auto st = transition(tx, *s, QStringLiteral("cancelled"), QStringLiteral("cancelled"), actor, now,
                                 &provisioning::onTerminated);
            !st)
            return st.error();
    } else {
        if (s->cancelAtPeriodEnd)
            return conflict(*s, QStringLiteral("the subscription already ends at its period end"));
        if (auto q = sql::exec(tx.db(), kCancelAtPeriodEnd, {ts(now), ts(now), s->id}); !q)
            return q.error();
        if (auto st = SubscriptionHistory::record(
                tx, s->id,
                {QStringLiteral("cancel_at_period_end"), s->status, s->status, actor,
                 QJsonObject{{QStringLiteral("ends_at"), ts(s->currentPeriodEnd)}}},
                now);
            !st)
            return st.error();
        if (auto st = provisioning::onCancelled(tx, s->serviceRequest(), now); !st)
            return st.error();
    }
    return lock(tx, id);
}

Result<Subscription> SubscriptionLifecycle::suspend(TenantTransaction &tx, const QString &id,
                                                    const QString &actor, const QDateTime &now)
{
    auto s = lock(tx, id);
    if (!s)
        return s.error();
    if (s->status != QLatin1String("active") && s->status != QLatin1String("past_due"))
        return conflict(*s, QStringLiteral("only an active or past-due subscription can be suspended"));
    if (auto st = transition(tx, *s, QStringLiteral("suspended"), QStringLiteral("suspended"), actor, now,
                             &provisioning::onSuspended);
        !st)
        return st.error();
    return lock(tx, id);
}

Result<Subscription> SubscriptionLifecycle::unsuspend(TenantTransaction &tx, const QString &id,
                                                      const QString &actor, const QDateTime &now)
{
    auto s = lock(tx, id);
    if (!s)
        return s.error();
    if (s->status != QLatin1String("suspended"))
        return conflict(*s, QStringLiteral("only a suspended subscription can be unsuspended"));
    // Back to what its period says: still unpaid after the period end is past due again.
    const QString to = s->currentPeriodEnd <= now ? QStringLiteral("past_due") : QStringLiteral("active");
    if (auto st =
            transition(tx, *s, to, QStringLiteral("unsuspended"), actor, now, &provisioning::onUnsuspended);
        !st)
        return st.error();
    return lock(tx, id);
}

Result<DunningRun> SubscriptionLifecycle::runDunning(TenantTransaction &tx, const QDateTime &now)
{
    auto settings = SubscriptionSettingsStore::load(tx);
    if (!settings)
        return settings.error();
    DunningRun run;
    const QString t = ts(now);

    auto ids = [&tx](const QString &text, const QVariantList &binds) -> Result<QStringList> {
        auto q = sql::exec(tx.db(), text, binds);
        if (!q)
            return q.error();
        QStringList out;
        while (q->next())
            out << q->value(0).toString();
        return out;
    };
    // One savepoint per subscription: a provisioning failure leaves that one as it was for the
    // next run and does not hold back the others. The rule is checked again under the row lock:
    // a payment that committed since the scan wins.
    using Rule = bool (*)(const Subscription &, const QDateTime &, int);
    auto each =
        [&](const QStringList &list, const QString &to, Rule rule,
            Status (*provision)(TenantTransaction &, const provisioning::ServiceRequest &, const QDateTime &),
            int *counter) {
            for (const QString &id : list) {
                bool moved = false;
                const Status st = inSavepoint(tx.db(), QStringLiteral("dunning"), [&]() -> Status {
                    auto s = lock(tx, id);
                    if (!s)
                        return s.error();
                    if (!rule(*s, now, settings->graceDays))
                        return {};
                    moved = true;
                    return transition(tx, *s, to, to, QStringLiteral("job"), now, provision);
                });
                if (!st)
                    ++run.failed;
                else if (moved)
                    ++*counter;
            }
        };
    const Rule expires = [](const Subscription &s, const QDateTime &at, int) {
        return s.live() && s.cancelAtPeriodEnd && s.currentPeriodEnd <= at;
    };
    const Rule suspends = [](const Subscription &s, const QDateTime &at, int graceDays) {
        return s.status == QLatin1String("past_due") && s.currentPeriodEnd.addDays(graceDays) <= at;
    };

    auto expire = ids(kToExpire, {t});
    if (!expire)
        return expire.error();
    each(*expire, QStringLiteral("expired"), expires, &provisioning::onTerminated, &run.expired);

    auto pastDue = sql::exec(tx.db(), kPastDue, {t, t, t, t, t, t});
    if (!pastDue)
        return pastDue.error();
    if (pastDue->next())
        run.pastDue = pastDue->value(0).toInt();

    auto suspend = ids(kToSuspend, {settings->graceDays, t});
    if (!suspend)
        return suspend.error();
    each(*suspend, QStringLiteral("suspended"), suspends, &provisioning::onSuspended, &run.suspended);
    return run;
}

} // namespace mp::subscriptions
