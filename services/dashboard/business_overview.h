#pragma once

#include "core/result.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::dashboard {

// Amounts in minor units by ISO 4217 code: a tenant may bill in several currencies, and sums
// across currencies mean nothing.
using AmountsByCurrency = QMap<QString, qint64>;

struct MonthRevenue {
    QDate month; // the first day of the month, tenant-local
    AmountsByCurrency amounts;
};

struct InvoiceFigures {
    qint64 count = 0;
    AmountsByCurrency amounts;
};

// The console Dashboard's business figures for one tenant, all read in the caller's transaction
// (row-level security decides the tenant) and on the tenant's calendar (time_zone):
// - revenue: totals of invoices paid in a month (paid_at) and not refunded in full since;
// - MRR: active and past-due subscriptions' price x quantity spread over their cycle's months;
// - open: unpaid invoices; overdue: unpaid past their due date;
// - renewals: active or past-due subscriptions not ending, due in the next 7 days (today included);
// - new customers: created since the first of this month;
// - pods by state; jobs completed, failed and waiting (queued or running) in the last 24 hours.
struct BusinessOverview {
    QDate today;
    QList<MonthRevenue> revenueByMonth; // 12 months, oldest first, this month last
    AmountsByCurrency mrr;
    InvoiceFigures open;
    InvoiceFigures overdue;
    InvoiceFigures renewalsDue; // count of subscriptions and what they will bill
    qint64 newCustomers = 0;
    QMap<QString, qint64> podsByState;
    qint64 jobsCompleted = 0; // finished in the last 24 hours
    qint64 jobsFailed = 0;    // failed or dead in the last 24 hours
    qint64 jobsWaiting = 0;   // queued or running now

    const AmountsByCurrency &revenueThisMonth() const;

    static constexpr int kRenewalDays = 7;
    static constexpr int kMonths = 12;
    static Result<BusinessOverview> load(TenantTransaction &tx, const QDateTime &now);
};

} // namespace mp::dashboard
