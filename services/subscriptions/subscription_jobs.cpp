#include "subscriptions/subscription_jobs.h"

#include "db/tenant_transaction.h"
#include "jobs/jobs.h"
#include "module/module_context.h"
#include "subscriptions/subscription_change.h"
#include "subscriptions/subscription_lifecycle.h"
#include "subscriptions/subscription_renewals.h"

namespace mp::subscriptions {

namespace {

constexpr qint64 kHourMs = 60 * 60 * 1000;
// Renewals per job: the job's one transaction holds the tenant's invoice counter until it
// commits, so checkouts wait at most for this many; the rest go to a follow-up job.
constexpr int kRenewalsPerJob = 5000;

Status renewJob(JobContext &ctx)
{
    auto db = ctx.db();
    if (!db)
        return db.error();
    TenantTransaction tx = TenantTransaction::adopt(*db, ctx.tenantId());
    RenewalOptions options;
    options.batchSize = ctx.payload().value(QStringLiteral("batch_size")).toInt(options.batchSize);
    options.limit = ctx.payload().value(QStringLiteral("limit")).toInt(kRenewalsPerJob);
    auto run = SubscriptionRenewals::run(tx, ctx.now(), options);
    if (!run)
        return run.error();
    ctx.log(QStringLiteral("issued %1 renewal invoice(s), %2 failed").arg(run->issued).arg(run->failed));
    for (const QString &line : std::as_const(run->errors))
        ctx.log(QStringLiteral("failed: %1").arg(line));
    if (run->more) {
        // Commits with this job's invoices; the unique key keeps one follow-up pending.
        JobSpec next;
        next.tenantId = ctx.tenantId();
        next.kind = ctx.kind();
        next.payload = ctx.payload();
        next.uniqueKey = QStringLiteral("subscriptions.renew.continue");
        auto enqueued = Jobs::enqueue(*db, next);
        if (!enqueued)
            return enqueued.error();
        ctx.log(QStringLiteral("limit of %1 reached: the rest continue in job %2")
                    .arg(options.limit)
                    .arg(enqueued->id));
    }
    return {};
}

Status dunningJob(JobContext &ctx)
{
    auto db = ctx.db();
    if (!db)
        return db.error();
    TenantTransaction tx = TenantTransaction::adopt(*db, ctx.tenantId());
    auto run = SubscriptionLifecycle::runDunning(tx, ctx.now());
    if (!run)
        return run.error();
    ctx.log(QStringLiteral("past due %1, suspended %2, expired %3, failed %4")
                .arg(run->pastDue)
                .arg(run->suspended)
                .arg(run->expired)
                .arg(run->failed));
    return {};
}

// The provisioning side of an applied upgrade or downgrade, after the change committed.
Status changeProvisionJob(JobContext &ctx)
{
    auto db = ctx.db();
    if (!db)
        return db.error();
    TenantTransaction tx = TenantTransaction::adopt(*db, ctx.tenantId());
    const QString changeId = ctx.payload().value(QStringLiteral("change_id")).toString();
    if (auto st = SubscriptionChanges::provision(tx, changeId, ctx.now()); !st)
        return st;
    ctx.log(QStringLiteral("provisioning told about change %1").arg(changeId));
    return {};
}

} // namespace

void declareSubscriptionJobs(ModuleContext &module)
{
    module.jobKind(QStringLiteral("subscriptions.renew"), renewJob);
    module.jobKind(QStringLiteral("subscriptions.dunning"), dunningJob);
    module.jobKind(SubscriptionChanges::provisionJobKind(), changeProvisionJob);
    JobSchedule renew;
    renew.name = QStringLiteral("subscriptions.renew.hourly");
    renew.kind = QStringLiteral("subscriptions.renew");
    renew.everyMs = kHourMs;
    module.schedule(renew);
    JobSchedule dunning;
    dunning.name = QStringLiteral("subscriptions.dunning.hourly");
    dunning.kind = QStringLiteral("subscriptions.dunning");
    dunning.everyMs = kHourMs;
    module.schedule(dunning);
}

} // namespace mp::subscriptions
