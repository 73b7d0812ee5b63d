#include "dashboard/business_overview.h"

#include "db/sql.h"
#include "db/tenant_transaction.h"

#include <QSqlQuery>
#include <QTimeZone>

namespace mp::dashboard {

namespace {

// Months a cycle spans, for spreading a subscription's price into monthly revenue.
const QString kCycleMonths = QStringLiteral(
    "CASE cycle WHEN 'monthly' THEN 1 WHEN 'quarterly' THEN 3 WHEN 'semiannual' THEN 6 WHEN 'annual' THEN 12 "
    "WHEN 'biennial' THEN 24 ELSE 36 END");

const QString kRevenue = QStringLiteral(
    "SELECT (date_trunc('month', i.paid_at AT TIME ZONE t.time_zone))::date, i.currency, sum(i.total_minor) "
    "FROM invoices i JOIN tenants t ON t.id = i.tenant_id "
    "WHERE i.status IN ('paid', 'partially_refunded') "
    "  AND i.paid_at >= (?::date::timestamp AT TIME ZONE t.time_zone) "
    "GROUP BY 1, 2");

const QString kUnpaid =
    QStringLiteral("SELECT currency, count(*), sum(total_minor), count(*) FILTER (WHERE due_date < ?::date), "
                   "       coalesce(sum(total_minor) FILTER (WHERE due_date < ?::date), 0) "
                   "FROM invoices WHERE status = 'unpaid' GROUP BY currency");

const QString kCustomers =
    QStringLiteral("SELECT count(*) FROM customers c JOIN tenants t ON t.id = c.tenant_id "
                   "WHERE c.created_at >= (?::date::timestamp AT TIME ZONE t.time_zone)");

const QString kPods = QStringLiteral("SELECT status, count(*) FROM cloud_pods GROUP BY status");

const QString kJobs = QStringLiteral(
    "SELECT count(*) FILTER (WHERE status = 'completed' AND finished_at > ?::timestamptz), "
    "       count(*) FILTER (WHERE status IN ('failed', 'dead') "
    "                          AND coalesce(finished_at, started_at, created_at) > ?::timestamptz), "
    "       count(*) FILTER (WHERE status IN ('queued', 'running')) "
    "FROM jobs");

QString mrrQuery()
{
    return QStringLiteral("SELECT currency, round(sum(unit_price_minor::numeric * quantity / (%1)))::bigint "
                          "FROM subscriptions WHERE status IN ('active', 'past_due') GROUP BY currency")
        .arg(kCycleMonths);
}

const QString kRenewals =
    QStringLiteral("SELECT currency, count(*), sum(unit_price_minor * quantity) FROM subscriptions "
                   "WHERE status IN ('active', 'past_due') AND NOT cancel_at_period_end "
                   "  AND next_due_date BETWEEN ?::date AND ?::date GROUP BY currency");

Result<QDate> tenantToday(TenantTransaction &tx, const QDateTime &now)
{
    auto q = sql::exec(tx.db(), QStringLiteral("SELECT time_zone FROM tenants"));
    if (!q)
        return q.error();
    QTimeZone zone = QTimeZone::utc();
    if (q->next()) {
        const QTimeZone z(q->value(0).toString().toUtf8());
        if (z.isValid())
            zone = z;
    }
    return now.toTimeZone(zone).date();
}

} // namespace

const AmountsByCurrency &BusinessOverview::revenueThisMonth() const
{
    static const AmountsByCurrency none;
    return revenueByMonth.isEmpty() ? none : revenueByMonth.constLast().amounts;
}

Result<BusinessOverview> BusinessOverview::load(TenantTransaction &tx, const QDateTime &now)
{
    BusinessOverview o;
    auto today = tenantToday(tx, now);
    if (!today)
        return today.error();
    o.today = *today;
    const QDate thisMonth(o.today.year(), o.today.month(), 1);
    const QDate firstMonth = thisMonth.addMonths(-(kMonths - 1));
    for (int i = 0; i < kMonths; ++i)
        o.revenueByMonth.append({firstMonth.addMonths(i), {}});

    auto revenue = sql::exec(tx.db(), kRevenue, {firstMonth});
    if (!revenue)
        return revenue.error();
    while (revenue->next()) {
        const QDate month = revenue->value(0).toDate();
        const int index = (month.year() - firstMonth.year()) * 12 + month.month() - firstMonth.month();
        // A payment dated after `now` (a clock set back) belongs to no shown month.
        if (index >= 0 && index < kMonths)
            o.revenueByMonth[index].amounts[revenue->value(1).toString()] += revenue->value(2).toLongLong();
    }

    static const QString kMrr = mrrQuery();
    auto mrr = sql::exec(tx.db(), kMrr);
    if (!mrr)
        return mrr.error();
    while (mrr->next())
        o.mrr.insert(mrr->value(0).toString(), mrr->value(1).toLongLong());

    auto unpaid = sql::exec(tx.db(), kUnpaid, {o.today, o.today});
    if (!unpaid)
        return unpaid.error();
    while (unpaid->next()) {
        const QString currency = unpaid->value(0).toString();
        o.open.count += unpaid->value(1).toLongLong();
        o.open.amounts.insert(currency, unpaid->value(2).toLongLong());
        if (const qint64 n = unpaid->value(3).toLongLong(); n > 0) {
            o.overdue.count += n;
            o.overdue.amounts.insert(currency, unpaid->value(4).toLongLong());
        }
    }

    auto renewals = sql::exec(tx.db(), kRenewals, {o.today, o.today.addDays(kRenewalDays - 1)});
    if (!renewals)
        return renewals.error();
    while (renewals->next()) {
        o.renewalsDue.count += renewals->value(1).toLongLong();
        o.renewalsDue.amounts.insert(renewals->value(0).toString(), renewals->value(2).toLongLong());
    }

    auto customers = sql::exec(tx.db(), kCustomers, {thisMonth});
    if (!customers)
        return customers.error();
    if (customers->next())
        o.newCustomers = customers->value(0).toLongLong();

    auto pods = sql::exec(tx.db(), kPods);
    if (!pods)
        return pods.error();
    while (pods->next())
        o.podsByState.insert(pods->value(0).toString(), pods->value(1).toLongLong());

    const QString dayAgo = now.addSecs(-24 * 3600).toUTC().toString(Qt::ISODateWithMs);
    auto jobs = sql::exec(tx.db(), kJobs, {dayAgo, dayAgo});
    if (!jobs)
        return jobs.error();
    if (jobs->next()) {
        o.jobsCompleted = jobs->value(0).toLongLong();
        o.jobsFailed = jobs->value(1).toLongLong();
        o.jobsWaiting = jobs->value(2).toLongLong();
    }
    return o;
}

} // namespace mp::dashboard
