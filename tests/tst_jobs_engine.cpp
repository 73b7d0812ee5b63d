// The job engine in process: enqueueing inside transactions, exactly-once claiming under
// competition, handler effects committing with completion, backoff and dead jobs on a manual
// clock, unique keys, scheduled work across two engines, cancel, retry and graceful stop.
#include "core/clock.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/job_dashboard.h"
#include "jobs/job_engine.h"
#include "jobs/job_registry.h"
#include "jobs/jobs.h"
#include "support/test_cluster.h"

#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <thread>

using namespace mp;

namespace {

constexpr ErrorCode kBoom{"boom", ErrorCategory::Internal};
constexpr ErrorCode kAfterEffect{"after_effect", ErrorCategory::Internal};

std::atomic_bool s_releaseLogJob{false};
std::atomic_bool s_releaseCountJob{false};

const QDateTime kStart = QDateTime(QDate(2030, 1, 1), QTime(0, 0, 10), Qt::UTC);

QVariant scalar(const QSqlDatabase &db, const QString &sqlText, const QVariantList &binds = {})
{
    auto q = sql::exec(db, sqlText, binds);
    if (!q || !q->next())
        return {};
    return q->value(0);
}

qint64 count(const QSqlDatabase &db, const QString &sqlText, const QVariantList &binds = {})
{
    return scalar(db, sqlText, binds).toLongLong();
}

JobSpec spec(const QString &tenant, const QString &kind, QJsonObject payload = {})
{
    JobSpec s;
    s.tenantId = tenant;
    s.kind = kind;
    s.payload = std::move(payload);
    return s;
}

// Records each execution in a table, through the job's tenant-scoped transaction.
Status countRun(JobContext &ctx)
{
    auto db = ctx.db();
    if (!db)
        return db.error();
    auto q = sql::exec(
        db.value(),
        QStringLiteral("INSERT INTO job_test_runs (job_id, tenant_id) VALUES (?, mpanel_setting_tenant())"),
        {ctx.jobId()});
    if (!q)
        return q.error();
    return {};
}

} // namespace

class TestJobsEngine : public QObject {
    Q_OBJECT

    ConnectionSettings m_settings;
    QSqlDatabase m_db;
    QString m_tenant, m_other;
    int m_dbCounter = 0;

    JobEngineOptions engineOptions(int workers, int batch = 20) const
    {
        JobEngineOptions o;
        o.database = m_settings;
        o.workers = workers;
        o.batchSize = batch;
        o.pollIntervalMs = 100;
        o.heartbeatTimeoutMs = 3000;
        o.runSchedules = false;
        return o;
    }

    JobRecord job(qint64 id) const
    {
        auto j = Jobs::find(m_db, id);
        if (!j)
            qFatal("job %lld: %s", id, qPrintable(j.error().message));
        return j.value();
    }

    qint64 enqueue(const JobSpec &s) const
    {
        auto e = Jobs::enqueue(m_db, s);
        if (!e)
            qFatal("enqueue: %s", qPrintable(e.error().message));
        return e->id;
    }

private Q_SLOTS:
    void initTestCase()
    {
        JobRegistry &r = JobRegistry::global();
        r.add(QStringLiteral("test.count"), countRun);
        r.add(QStringLiteral("test.noop"), [](JobContext &) { return Status(); });
        r.add(QStringLiteral("test.fail"), [](JobContext &ctx) {
            ctx.log(QStringLiteral("trying"));
            return Status(makeError(kBoom, QStringLiteral("boom")));
        });
        r.add(QStringLiteral("test.permanent"),
              [](JobContext &) { return Status(JobContext::permanent(QStringLiteral("bad payload"))); });
        // Logs, then waits until the test lets it finish (or 20 s pass).
        r.add(QStringLiteral("test.log_and_wait"), [](JobContext &ctx) {
            ctx.log(QStringLiteral("step 1 of 2: waiting"));
            for (int i = 0; i < 1000 && !s_releaseLogJob.load(); ++i)
                ctx.sleepFor(20);
            ctx.log(QStringLiteral("step 2 of 2: done"));
            return Status();
        });
        // Counts its run, then waits until the test lets it finish (or 20 s pass).
        r.add(QStringLiteral("test.count_and_wait"), [](JobContext &ctx) {
            if (auto s = countRun(ctx); !s)
                return s;
            for (int i = 0; i < 1000 && !s_releaseCountJob.load(); ++i)
                ctx.sleepFor(20);
            return Status();
        });
        r.add(QStringLiteral("test.effect_then_fail"), [](JobContext &ctx) {
            if (auto s = countRun(ctx); !s)
                return s;
            return Status(makeError(kAfterEffect, QStringLiteral("failed after writing")));
        });
    }

    void init()
    {
        m_settings = test::TestCluster::instance().freshDatabase();
        m_db = test::openDatabase(m_settings, QStringLiteral("owner-%1").arg(++m_dbCounter));
        m_tenant = test::createTenant(m_db, QStringLiteral("Jobs Co"));
        m_other = test::createTenant(m_db, QStringLiteral("Other Co"));
        QVERIFY(sql::exec(
            m_db, QStringLiteral("CREATE TABLE job_test_runs (job_id bigint NOT NULL, tenant_id uuid)")));
        QVERIFY(sql::exec(m_db, QStringLiteral("GRANT SELECT, INSERT ON job_test_runs TO mpanel_app")));
    }

    void cleanup() { m_db.close(); }

    void enqueueCommitsOrRollsBackWithTheTransaction()
    {
        {
            auto tx = TenantTransaction::begin(m_db, m_tenant);
            QVERIFY(tx);
            QVERIFY(Jobs::enqueue(tx->db(), spec(m_tenant, QStringLiteral("test.noop"))));
            tx->rollback();
        }
        QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM jobs")), 0);
        {
            auto tx = TenantTransaction::begin(m_db, m_tenant);
            QVERIFY(tx);
            auto e = Jobs::enqueue(tx->db(), spec(m_tenant, QStringLiteral("test.noop")));
            QVERIFY(e && e->created);
            QVERIFY(tx->commit());
        }
        QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM jobs")), 1);
        {
            // Row-level security: a tenant transaction cannot enqueue for another tenant.
            auto tx = TenantTransaction::begin(m_db, m_tenant);
            QVERIFY(tx);
            auto e = Jobs::enqueue(tx->db(), spec(m_other, QStringLiteral("test.noop")));
            QVERIFY(!e);
            QCOMPARE(e.error().field, QStringLiteral("42501"));
        }
        // A plain transaction on the service's own connection behaves the same.
        QVERIFY(m_db.transaction());
        QVERIFY(Jobs::enqueue(m_db, spec(m_other, QStringLiteral("test.noop"))));
        QVERIFY(m_db.rollback());
        QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM jobs")), 1);
        // Bad input is refused before SQL.
        auto bad = Jobs::enqueue(m_db, spec(m_tenant, QStringLiteral("Not A Kind")));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, QStringLiteral("invalid_kind"));
    }

    void eightCompetingWorkersRunEachJobOnce()
    {
        constexpr int total = 10000;
        QList<JobSpec> specs;
        for (int i = 0; i < total; ++i)
            specs << spec(i % 2 ? m_tenant : m_other, QStringLiteral("test.count"),
                          {{QStringLiteral("i"), i}});
        for (qsizetype from = 0; from < specs.size(); from += 1000) {
            auto n = Jobs::enqueueMany(m_db, specs.mid(from, 1000));
            QVERIFY(n);
            QCOMPARE(n.value(), 1000);
        }
        // Two engines (as two service instances) of four workers each.
        JobEngine a(engineOptions(4, 25));
        JobEngine b(engineOptions(4, 25));
        QVERIFY(a.start());
        QVERIFY(b.start());
        QTRY_VERIFY_WITH_TIMEOUT(a.jobsFinished() + b.jobsFinished() >= total, 120000);
        QVERIFY(a.stop());
        QVERIFY(b.stop());
        QVERIFY2(a.jobsFinished() > 0 && b.jobsFinished() > 0, "both engines took part");
        QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM job_test_runs")), total);
        QCOMPARE(count(m_db, QStringLiteral("SELECT count(DISTINCT job_id) FROM job_test_runs")), total);
        QCOMPARE(count(m_db, QStringLiteral(
                                 "SELECT count(*) FROM jobs WHERE status = 'completed' AND attempts = 1")),
                 total);
        // Each handler ran inside its own job's tenant.
        QCOMPARE(
            count(m_db, QStringLiteral("SELECT count(*) FROM job_test_runs r JOIN jobs j ON j.id = r.job_id "
                                       "WHERE r.tenant_id = j.tenant_id")),
            total);
        QCOMPARE(count(m_db, QStringLiteral("SELECT count(DISTINCT locked_by) FROM jobs")), 0);
    }

    void handlerEffectsCommitOnlyWithCompletion()
    {
        const qint64 ok = enqueue(spec(m_tenant, QStringLiteral("test.count")));
        JobSpec failing = spec(m_tenant, QStringLiteral("test.effect_then_fail"));
        failing.maxAttempts = 1;
        const qint64 failed = enqueue(failing);
        JobEngine engine(engineOptions(1));
        QVERIFY(engine.start());
        QTRY_COMPARE(engine.jobsFinished(), 2);
        QVERIFY(engine.stop());
        QCOMPARE(toString(job(ok).status), toString(JobStatus::Completed));
        QCOMPARE(toString(job(failed).status), toString(JobStatus::Dead));
        QCOMPARE(job(failed).lastError, QStringLiteral("failed after writing"));
        QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM job_test_runs WHERE job_id = ?"), {ok}), 1);
        QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM job_test_runs WHERE job_id = ?"), {failed}),
                 0);
    }

    void failuresBackOffThenDie()
    {
        ManualClock clock(kStart);
        ScopedClock scoped(clock);
        JobSpec s = spec(m_tenant, QStringLiteral("test.fail"));
        s.maxAttempts = 3;
        const qint64 id = enqueue(s);
        JobEngineOptions o = engineOptions(1);
        o.backoffBaseSeconds = 10;
        o.backoffCapSeconds = 15;
        o.heartbeatTimeoutMs = 3600 * 1000; // the manual clock jumps; nothing should look lost
        JobEngine engine(o);
        QVERIFY(engine.start());

        QTRY_COMPARE(job(id).attempts, 1);
        QTRY_COMPARE(toString(job(id).status), toString(JobStatus::Failed));
        JobRecord j = job(id);
        QCOMPARE(j.lastError, QStringLiteral("boom"));
        // 10 s +-25% jitter after the failure.
        QVERIFY2(j.runAt >= kStart.addMSecs(7500) && j.runAt <= kStart.addMSecs(12500),
                 qPrintable(j.runAt.toString(Qt::ISODateWithMs)));

        clock.advance(5000); // not due yet
        engine.wake();
        QTest::qWait(300);
        QCOMPARE(job(id).attempts, 1);

        clock.advance(8000); // now past the latest possible retry time
        engine.wake();
        QTRY_COMPARE(job(id).attempts, 2);
        QTRY_COMPARE(toString(job(id).status), toString(JobStatus::Failed));
        j = job(id);
        // The second delay doubles (20 s) but the cap holds it at 15 s (+-25%).
        const QDateTime second = clock.now();
        QVERIFY2(j.runAt >= second.addMSecs(11250) && j.runAt <= second.addMSecs(18750),
                 qPrintable(j.runAt.toString(Qt::ISODateWithMs)));

        clock.advance(20000);
        engine.wake();
        QTRY_COMPARE(toString(job(id).status), toString(JobStatus::Dead));
        j = job(id);
        QCOMPARE(j.attempts, 3);
        QCOMPARE(j.finishedAt, clock.now());
        QVERIFY(engine.stop());

        auto log = Jobs::log(m_db, id);
        QVERIFY(log);
        QStringList lines;
        for (const JobLogLine &l : log.value())
            lines << l.line;
        QCOMPARE(lines, QStringList({QStringLiteral("trying"), QStringLiteral("attempt 1 failed: boom"),
                                     QStringLiteral("trying"), QStringLiteral("attempt 2 failed: boom"),
                                     QStringLiteral("trying"), QStringLiteral("attempt 3 failed: boom")}));
    }

    void permanentFailuresAndUnknownKindsDieAtOnce()
    {
        const qint64 permanent = enqueue(spec(m_tenant, QStringLiteral("test.permanent")));
        const qint64 unknown = enqueue(spec(m_tenant, QStringLiteral("test.nobody_handles_this")));
        JobEngine engine(engineOptions(1));
        QVERIFY(engine.start());
        QTRY_COMPARE(engine.jobsFinished(), 2);
        QVERIFY(engine.stop());
        QCOMPARE(toString(job(permanent).status), toString(JobStatus::Dead));
        QCOMPARE(job(permanent).attempts, 1);
        QCOMPARE(job(permanent).lastError, QStringLiteral("bad payload"));
        QCOMPARE(toString(job(unknown).status), toString(JobStatus::Dead));
        QCOMPARE(job(unknown).lastError,
                 QStringLiteral("no handler for job kind 'test.nobody_handles_this' in this service"));
    }

    void dashboardCountsAndRecentFailuresOfTheTenant()
    {
        const qint64 dead = enqueue(spec(m_tenant, QStringLiteral("test.permanent")));
        JobSpec related = spec(m_tenant, QStringLiteral("test.permanent"));
        related.relatedType = QStringLiteral("invoice");
        related.relatedId = QStringLiteral("INV-1");
        const qint64 deadRelated = enqueue(related);
        enqueue(spec(m_tenant, QStringLiteral("test.noop")));
        enqueue(spec(m_other, QStringLiteral("test.permanent")));
        enqueue(spec(m_other, QStringLiteral("test.noop")));
        JobEngine engine(engineOptions(1));
        QVERIFY(engine.start());
        QTRY_COMPARE(engine.jobsFinished(), 5);
        QVERIFY(engine.stop());
        // An old failure is not a failure of the last 24 hours.
        QVERIFY(sql::exec(m_db,
                          QStringLiteral("UPDATE jobs SET finished_at = finished_at - interval '25 hours' "
                                         "WHERE id = ?"),
                          {dead}));

        // Through row-level security, as the console's connection reads it.
        auto tx = TenantTransaction::begin(m_db, m_tenant);
        QVERIFY(tx);
        auto dashboard = JobDashboard::load(tx->db(), Clock::current().now());
        QVERIFY2(dashboard, dashboard ? "" : qPrintable(dashboard.error().message));
        QCOMPARE(dashboard->countsByStatus.value(QStringLiteral("dead")), 2);
        QCOMPARE(dashboard->countsByStatus.value(QStringLiteral("completed")), 1);
        QVERIFY(dashboard->countsByStatus.contains(QStringLiteral("queued")));
        QCOMPARE(dashboard->countsByStatus.value(QStringLiteral("queued")), 0);
        QCOMPARE(dashboard->recentFailures.size(), 1);
        const JobFailure &f = dashboard->recentFailures.first();
        QCOMPARE(f.id, deadRelated);
        QCOMPARE(toString(f.status), toString(JobStatus::Dead));
        QCOMPARE(f.lastError, QStringLiteral("bad payload"));
        QCOMPARE(f.relatedType, QStringLiteral("invoice"));
        QCOMPARE(f.relatedId, QStringLiteral("INV-1"));
    }

    void uniqueKeysAllowOnePendingJob()
    {
        JobSpec s = spec(m_tenant, QStringLiteral("test.noop"));
        s.uniqueKey = QStringLiteral("renew:42");
        auto first = Jobs::enqueue(m_db, s);
        QVERIFY(first && first->created);
        auto second = Jobs::enqueue(m_db, s);
        QVERIFY(second);
        QVERIFY(!second->created);
        QCOMPARE(second->id, first->id);
        // Keys are per tenant.
        JobSpec otherTenant = s;
        otherTenant.tenantId = m_other;
        auto third = Jobs::enqueue(m_db, otherTenant);
        QVERIFY(third && third->created);
        // Batch enqueueing skips duplicates too.
        auto many = Jobs::enqueueMany(m_db, {s, s, otherTenant});
        QVERIFY(many);
        QCOMPARE(many.value(), 0);
        // Once the job has run, the key is free again.
        JobEngine engine(engineOptions(1));
        QVERIFY(engine.start());
        QTRY_COMPARE(toString(job(first->id).status), toString(JobStatus::Completed));
        QVERIFY(engine.stop());
        auto again = Jobs::enqueue(m_db, s);
        QVERIFY(again && again->created);
        QVERIFY(again->id != first->id);
    }

    // A job asked for again while it runs (rerunIfRunning) runs once more after it, on the same
    // row; asked for again without it, the running job is the answer and runs once.
    void rerunIfRunningRunsOnceMore()
    {
        const QString runs = QStringLiteral("SELECT count(*) FROM job_test_runs WHERE job_id = ?");
        JobSpec s = spec(m_tenant, QStringLiteral("test.count_and_wait"));
        s.uniqueKey = QStringLiteral("power:7");
        JobEngine engine(engineOptions(2, 1));
        QVERIFY(engine.start());

        s_releaseCountJob = false;
        const qint64 plain = enqueue(s);
        QTRY_COMPARE(toString(job(plain).status), toString(JobStatus::Running));
        auto folded = Jobs::enqueue(m_db, s);
        QVERIFY(folded && !folded->created && folded->id == plain);
        s_releaseCountJob = true;
        QTRY_COMPARE(toString(job(plain).status), toString(JobStatus::Completed));
        QTest::qWait(300);
        QCOMPARE(count(m_db, runs, {plain}), 1);

        s_releaseCountJob = false;
        s.rerunIfRunning = true;
        const qint64 id = enqueue(s);
        QVERIFY(id != plain);
        QTRY_COMPARE(toString(job(id).status), toString(JobStatus::Running));
        for (int i = 0; i < 3; ++i) { // asked three times while it runs: still one more run
            auto again = Jobs::enqueue(m_db, s);
            QVERIFY(again && !again->created && again->id == id);
        }
        s_releaseCountJob = true;
        QTRY_COMPARE(count(m_db, runs, {id}), 2);
        QTRY_COMPARE(toString(job(id).status), toString(JobStatus::Completed));
        QTest::qWait(300);
        QCOMPARE(count(m_db, runs, {id}), 2);
        QCOMPARE(job(id).attempts, 1); // the second run had a fresh budget
        QCOMPARE(count(m_db,
                       QStringLiteral("SELECT count(*) FROM job_log WHERE job_id = ? AND line LIKE "
                                      "'asked for again while running%'"),
                       {id}),
                 1);
        QCOMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM jobs WHERE unique_key = 'power:7'")), 2);
        QVERIFY(engine.stop());
    }

    // A queued job asked for again is held until the asking transaction commits, so its run
    // sees what that transaction wrote.
    void rerunIfRunningHoldsAQueuedJobUntilCommit()
    {
        JobSpec s = spec(m_tenant, QStringLiteral("test.noop"));
        s.uniqueKey = QStringLiteral("power:8");
        s.rerunIfRunning = true;
        const qint64 id = enqueue(s);
        QSqlDatabase other = test::openDatabase(m_settings, QStringLiteral("other-%1").arg(m_dbCounter));
        QVERIFY(other.transaction());
        auto again = Jobs::enqueue(other, s);
        QVERIFY(again && !again->created && again->id == id);
        JobEngine engine(engineOptions(1, 1));
        QVERIFY(engine.start());
        QTest::qWait(700); // several polls: the claim skips the locked row
        QCOMPARE(toString(job(id).status), toString(JobStatus::Queued));
        QVERIFY(other.commit());
        QTRY_COMPARE(toString(job(id).status), toString(JobStatus::Completed));
        QTest::qWait(300);
        QCOMPARE(job(id).attempts, 1); // claimed after the mark: it ran once
        QVERIFY(engine.stop());
        other.close();
    }

    void schedulesEnqueueOncePerPeriodAcrossInstances()
    {
        ManualClock clock(kStart);
        ScopedClock scoped(clock);
        JobSchedule every;
        every.name = QStringLiteral("test.minutely");
        every.kind = QStringLiteral("test.noop");
        every.everyMs = 60000;
        JobEngineOptions o = engineOptions(0);
        o.runSchedules = true;
        o.heartbeatTimeoutMs = 300; // ticks every 100 ms
        o.schedules = {every};
        JobEngine a(o), b(o);
        QVERIFY(a.start());
        QVERIFY(b.start());
        const QString countSql = QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'test.noop'");
        QTRY_COMPARE(count(m_db, countSql), 2); // one per tenant
        QTest::qWait(500);                      // both engines tick several more times in the period
        QCOMPARE(count(m_db, countSql), 2);

        clock.advance(60000);
        QTRY_COMPARE(count(m_db, countSql), 4);
        QTest::qWait(500);
        QCOMPARE(count(m_db, countSql), 4);
        QVERIFY(a.stop());
        QVERIFY(b.stop());

        // The race itself, head on: two connections enqueue the next period at the same moment.
        clock.advance(60000);
        std::atomic<int> inserted{0};
        auto racer = [&](int n) {
            QSqlDatabase db =
                test::openDatabase(m_settings, QStringLiteral("racer-%1-%2").arg(m_dbCounter).arg(n));
            for (int i = 0; i < 20; ++i) {
                auto r = enqueueDueSchedules(db, {every}, clock.now());
                if (r)
                    inserted += r.value();
            }
            db.close();
        };
        std::thread t1(racer, 1), t2(racer, 2);
        t1.join();
        t2.join();
        QCOMPARE(inserted.load(), 2);
        QCOMPARE(count(m_db, countSql), 6);
        QCOMPARE(count(m_db, QStringLiteral(
                                 "SELECT count(DISTINCT unique_key) FROM jobs WHERE kind = 'test.noop'")),
                 3);
    }

    void dailySchedulePeriods()
    {
        JobSchedule daily;
        daily.dailyAt = QTime(3, 30);
        QCOMPARE(daily.periodStart(QDateTime(QDate(2030, 5, 2), QTime(3, 29), Qt::UTC)),
                 QDateTime(QDate(2030, 5, 1), QTime(3, 30), Qt::UTC));
        QCOMPARE(daily.periodStart(QDateTime(QDate(2030, 5, 2), QTime(3, 30), Qt::UTC)),
                 QDateTime(QDate(2030, 5, 2), QTime(3, 30), Qt::UTC));
    }

    void cancelAndRetry()
    {
        // Queued: cancelled at once; a second cancel is refused; a retry queues it again.
        const qint64 queued = enqueue(spec(m_tenant, QStringLiteral("test.noop")));
        auto c = Jobs::cancel(m_db, queued, QStringLiteral("test"));
        QVERIFY(c);
        QCOMPARE(toString(c->status), toString(JobStatus::Cancelled));
        auto again = Jobs::cancel(m_db, queued, QStringLiteral("test"));
        QVERIFY(!again);
        QCOMPARE(again.error().code, QStringLiteral("invalid_transition"));
        auto r = Jobs::retry(m_db, queued, QStringLiteral("test"));
        QVERIFY(r);
        QCOMPARE(toString(r->status), toString(JobStatus::Queued));
        QVERIFY(!Jobs::retry(m_db, queued, QStringLiteral("test"))); // queued: nothing to retry
        QVERIFY(!Jobs::cancel(m_db, 987654, QStringLiteral("test")));

        // Running: the request reaches the handler through NOTIFY and it stops early.
        const qint64 sleeper =
            enqueue(spec(m_tenant, QStringLiteral("system.sleep"), {{QStringLiteral("ms"), 60000}}));
        JobEngine engine(engineOptions(2, 1));
        QVERIFY(engine.start());
        QTRY_COMPARE(toString(job(sleeper).status), toString(JobStatus::Running));
        auto requested = Jobs::cancel(m_db, sleeper, QStringLiteral("test"));
        QVERIFY(requested);
        QCOMPARE(toString(requested->status), toString(JobStatus::Running));
        QVERIFY(requested->cancelRequestedAt.isValid());
        QTRY_COMPARE_WITH_TIMEOUT(toString(job(sleeper).status), toString(JobStatus::Cancelled), 5000);
        QTRY_COMPARE(toString(job(queued).status), toString(JobStatus::Completed));
        QVERIFY(engine.stop());

        // A dead job gets one more attempt on retry.
        JobSpec s = spec(m_tenant, QStringLiteral("test.permanent"));
        s.maxAttempts = 1;
        const qint64 dead = enqueue(s);
        QVERIFY(sql::exec(m_db, QStringLiteral("UPDATE jobs SET status = 'dead', attempts = 1 WHERE id = ?"),
                          {dead}));
        auto retried = Jobs::retry(m_db, dead, QStringLiteral("test"));
        QVERIFY(retried);
        QCOMPARE(toString(retried->status), toString(JobStatus::Queued));
        QCOMPARE(retried->maxAttempts, 2);
        auto completedRetry = Jobs::retry(m_db, queued, QStringLiteral("test"));
        QVERIFY(!completedRetry);
        QCOMPARE(completedRetry.error().code, QStringLiteral("invalid_transition"));

        auto log = Jobs::log(m_db, sleeper);
        QVERIFY(log);
        QVERIFY(!log->isEmpty());
        QCOMPARE(log->first().line, QStringLiteral("cancel requested by test"));
    }

    void logLinesShowWhileTheJobRuns()
    {
        // A line is readable (by the job's tenant's staff, through RLS) while the job still runs,
        // not only after the attempt commits; and it is stored once.
        s_releaseLogJob = false;
        const qint64 id = enqueue(spec(m_tenant, QStringLiteral("test.log_and_wait")));
        JobEngine engine(engineOptions(1, 1));
        QVERIFY(engine.start());
        QTRY_COMPARE(toString(job(id).status), toString(JobStatus::Running));
        QTRY_COMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM job_log WHERE job_id = ?"), {id}), 1);
        QCOMPARE(toString(job(id).status), toString(JobStatus::Running));
        auto log = Jobs::log(m_db, id);
        QVERIFY(log);
        QCOMPARE(log->size(), 1);
        QCOMPARE(log->first().line, QStringLiteral("step 1 of 2: waiting"));
        QCOMPARE(log->first().attempt, 1);
        QCOMPARE(count(m_db,
                       QStringLiteral("SELECT count(*) FROM job_log WHERE job_id = ? AND tenant_id = ?"),
                       {id, m_tenant}),
                 1);

        s_releaseLogJob = true;
        QTRY_COMPARE(toString(job(id).status), toString(JobStatus::Completed));
        QVERIFY(engine.stop());
        log = Jobs::log(m_db, id);
        QVERIFY(log);
        QStringList lines;
        for (const auto &entry : *log)
            lines << entry.line;
        QCOMPARE(lines,
                 (QStringList{QStringLiteral("step 1 of 2: waiting"), QStringLiteral("step 2 of 2: done")}));
    }

    void gracefulStopHandsBackWhatDidNotFinish()
    {
        // One worker claims all three in one batch; the first sleeps past the deadline.
        QList<qint64> ids;
        for (int i = 0; i < 3; ++i)
            ids << enqueue(spec(m_tenant, QStringLiteral("system.sleep"), {{QStringLiteral("ms"), 30000}}));
        JobEngine engine(engineOptions(1, 10));
        QVERIFY(engine.start());
        QTRY_COMPARE(count(m_db, QStringLiteral("SELECT count(*) FROM jobs WHERE status = 'running'")), 3);
        QVERIFY(engine.stop(200)); // the sleeping handler sees the shutdown and gives its job back
        for (qint64 id : ids) {
            const JobRecord j = job(id);
            QCOMPARE(toString(j.status), toString(JobStatus::Queued));
            QCOMPARE(j.attempts, 0);
            QVERIFY(j.lockedBy.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(TestJobsEngine)
#include "tst_jobs_engine.moc"
