// Finished jobs in their own partition (migration 0020): where the engine puts each job, that a
// finished job keeps every column it had, that the workers notify the console of each tenant
// of their batch themselves, and that pruning takes the log lines along.
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/job_engine.h"
#include "jobs/job_registry.h"
#include "jobs/jobs.h"
#include "support/test_cluster.h"

#include <QTest>

#include <libpq-fe.h>

using namespace mp;

namespace {

constexpr ErrorCode kNotYet{"not_yet", ErrorCategory::Internal};

QVariant scalar(const QSqlDatabase &db, const QString &sqlText, const QVariantList &binds = {})
{
    auto q = sql::exec(db, sqlText, binds);
    if (!q || !q->next())
        return {};
    return q->value(0);
}

JobSpec spec(const QString &tenant, const QString &kind)
{
    JobSpec s;
    s.tenantId = tenant;
    s.kind = kind;
    return s;
}

} // namespace

class TestJobsHistory : public QObject {
    Q_OBJECT

    ConnectionSettings m_settings;
    QSqlDatabase m_db;
    QString m_tenant, m_other;
    int m_counter = 0;

    JobEngineOptions engineOptions() const
    {
        JobEngineOptions o;
        o.database = m_settings;
        o.workers = 2;
        o.batchSize = 10;
        o.pollIntervalMs = 100;
        o.runSchedules = false;
        return o;
    }

    QString partitionOf(qint64 id) const
    {
        return scalar(m_db, QStringLiteral("SELECT tableoid::regclass::text FROM jobs WHERE id = ?"), {id})
            .toString();
    }

    // The job's row as JSON, without the columns a claim and a completion change.
    QString carried(qint64 id) const
    {
        return scalar(m_db,
                      QStringLiteral(
                          "SELECT (to_jsonb(j) - 'status' - 'attempts' - 'locked_by' - 'heartbeat_at' - "
                          "'started_at' - 'finished_at' - 'last_error')::text FROM jobs j WHERE id = ?"),
                      {id})
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        JobRegistry::global().add(QStringLiteral("history.noop"), [](JobContext &) { return Status(); });
        JobRegistry::global().add(QStringLiteral("history.dead"), [](JobContext &) {
            return Status(JobContext::permanent(QStringLiteral("no such thing")));
        });
        JobRegistry::global().add(QStringLiteral("history.retry"), [](JobContext &ctx) {
            ctx.log(QStringLiteral("not yet"));
            return Status(makeError(kNotYet, QStringLiteral("not yet")));
        });
    }

    void init()
    {
        m_settings = test::TestCluster::instance().freshDatabase();
        m_db = test::openDatabase(m_settings, QStringLiteral("history-%1").arg(++m_counter));
        m_tenant = test::createTenant(m_db, QStringLiteral("History Co"));
        m_other = test::createTenant(m_db, QStringLiteral("Other History Co"));
    }

    void cleanup() { m_db.close(); }

    // A column added to jobs by a later migration must be carried from jobs_pending to
    // jobs_finished by the engine (FINISHED_COLUMNS and kTakeBack in job_batch.cpp): this count
    // changes with it, and the test below then shows whether the value survives.
    void theEngineKnowsEveryColumn()
    {
        QCOMPARE(
            scalar(m_db, QStringLiteral("SELECT count(*) FROM pg_attribute WHERE attrelid = 'jobs'::regclass "
                                        "AND attnum > 0 AND NOT attisdropped"))
                .toInt(),
            20);
    }

    void endedJobsMoveToTheFinishedPartitionWithEverything()
    {
        JobSpec done = spec(m_tenant, QStringLiteral("history.noop"));
        done.payload = {{QStringLiteral("pod"), 7}};
        done.priority = -3;
        done.maxAttempts = 5;
        done.uniqueKey = QStringLiteral("pod:7");
        done.relatedType = QStringLiteral("pod");
        done.relatedId = QStringLiteral("7");
        const qint64 completed = Jobs::enqueue(m_db, done).value().id;
        const qint64 dead = Jobs::enqueue(m_db, spec(m_tenant, QStringLiteral("history.dead"))).value().id;
        const qint64 retrying =
            Jobs::enqueue(m_db, spec(m_other, QStringLiteral("history.retry"))).value().id;
        const QString before = carried(completed);
        for (qint64 id : {completed, dead, retrying})
            QCOMPARE(partitionOf(id), QStringLiteral("jobs_pending"));

        JobEngine engine(engineOptions());
        QVERIFY(engine.start());
        QTRY_COMPARE(engine.jobsFinished(), 3);
        QVERIFY(engine.stop());

        QCOMPARE(partitionOf(completed), QStringLiteral("jobs_finished"));
        QCOMPARE(partitionOf(dead), QStringLiteral("jobs_finished"));
        QCOMPARE(partitionOf(retrying), QStringLiteral("jobs_pending"));
        const JobRecord c = Jobs::find(m_db, completed).value();
        QCOMPARE(toString(c.status), QStringLiteral("completed"));
        QCOMPARE(c.payload.value(QStringLiteral("pod")).toInt(), 7);
        QCOMPARE(c.priority, -3);
        QCOMPARE(c.maxAttempts, 5);
        QCOMPARE(c.attempts, 1);
        QCOMPARE(c.uniqueKey, QStringLiteral("pod:7"));
        QCOMPARE(c.relatedId, QStringLiteral("7"));
        QVERIFY(c.startedAt.isValid() && c.finishedAt.isValid() && c.createdAt.isValid());
        QVERIFY(c.lockedBy.isEmpty());
        QCOMPARE(carried(completed), before);
        QCOMPARE(Jobs::find(m_db, dead).value().lastError, QStringLiteral("no such thing"));
        QCOMPARE(Jobs::find(m_db, retrying).value().lastError, QStringLiteral("not yet"));
        QCOMPARE(Jobs::log(m_db, retrying).value().size(), 2); // its line and the failure's

        // The key is free again once its job has finished, and staff see both rows.
        auto again = Jobs::enqueue(m_db, done);
        QVERIFY(again && again->created);
        auto tx = TenantTransaction::begin(m_db, m_tenant);
        QVERIFY(tx);
        JobFilter related;
        related.relatedType = QStringLiteral("pod");
        related.relatedId = QStringLiteral("7");
        QCOMPARE(Jobs::list(tx->db(), related).value().size(), 2);
        QCOMPARE(Jobs::list(tx->db(), {}).value().size(), 3);

        // A retry brings a dead job back to the pending partition.
        auto retried = Jobs::retry(tx->db(), dead, QStringLiteral("test"));
        QVERIFY(retried);
        QVERIFY(tx->commit());
        QCOMPARE(partitionOf(dead), QStringLiteral("jobs_pending"));
    }

    // The workers write the partitions on the service's own login, which the session-tenant
    // trigger cannot name: they notify each tenant of their batch themselves.
    void workersNotifyEveryTenantOfTheirBatch()
    {
        PGconn *listener = PQconnectdb(m_settings.toConnInfo().toUtf8().constData());
        QCOMPARE(PQstatus(listener), CONNECTION_OK);
        PQclear(PQexec(listener, "LISTEN mpanel_changed_jobs"));
        Jobs::enqueue(m_db, spec(m_tenant, QStringLiteral("history.noop"))).value();
        Jobs::enqueue(m_db, spec(m_other, QStringLiteral("history.noop"))).value();
        // The service's own login outside a tenant transaction: nobody to notify yet.
        QSet<QString> tenants;
        auto drain = [&] {
            PQconsumeInput(listener);
            while (PGnotify *n = PQnotifies(listener)) {
                tenants << QString::fromUtf8(n->extra);
                PQfreemem(n);
            }
        };
        QTest::qWait(200);
        drain();
        QVERIFY(tenants.isEmpty());

        JobEngine engine(engineOptions());
        QVERIFY(engine.start());
        QTRY_COMPARE(engine.jobsFinished(), 2);
        QVERIFY(engine.stop());
        QTRY_VERIFY((drain(), tenants == QSet<QString>({m_tenant, m_other})));

        // A tenant transaction's change notifies its tenant through the statement trigger.
        tenants.clear();
        auto tx = TenantTransaction::begin(m_db, m_other);
        QVERIFY(tx);
        QVERIFY(Jobs::enqueue(tx->db(), spec(m_other, QStringLiteral("history.noop"))));
        QVERIFY(tx->commit());
        QTRY_VERIFY((drain(), tenants == QSet<QString>({m_other})));
        PQfinish(listener);
    }

    // enqueueMany writes its JSON by hand: texts with quotes, backslashes and control characters
    // arrive as they were, and a job of a tenant that does not exist is refused like one by one.
    void batchEnqueueKeepsTextsAndChecksTenants()
    {
        JobSpec odd = spec(m_tenant, QStringLiteral("history.noop"));
        odd.uniqueKey = QStringLiteral("say \"hi\" \\ then\nleave\t\u00e9");
        odd.relatedType = QStringLiteral("pod");
        odd.relatedId = QStringLiteral("{\"x\":1}");
        odd.payload = {{QStringLiteral("note"), QStringLiteral("a \"quoted\" word")}};
        auto n = Jobs::enqueueMany(m_db, {odd, spec(m_other, QStringLiteral("history.noop"))});
        QVERIFY(n);
        QCOMPARE(n.value(), 2);
        auto tx = TenantTransaction::begin(m_db, m_tenant);
        QVERIFY(tx);
        const QList<JobRecord> jobs = Jobs::list(tx->db(), {}).value();
        QCOMPARE(jobs.size(), 1);
        QCOMPARE(jobs.first().uniqueKey, odd.uniqueKey);
        QCOMPARE(jobs.first().relatedId, odd.relatedId);
        QCOMPARE(jobs.first().payload, odd.payload);
        tx->rollback();
        // Skipped as a duplicate by its key.
        QCOMPARE(Jobs::enqueueMany(m_db, {odd}).value(), 0);

        JobSpec nobody =
            spec(QStringLiteral("00000000-0000-4000-8000-000000000001"), QStringLiteral("history.noop"));
        auto refused = Jobs::enqueueMany(m_db, {spec(m_tenant, QStringLiteral("history.noop")), nobody});
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QLatin1String(sql::ForeignKeyViolation));
        QVERIFY(!Jobs::enqueue(m_db, nobody));
        QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM jobs")).toInt(), 2);
    }

    void pruningDeletesTheLogLinesWithTheJobs()
    {
        const qint64 old = Jobs::enqueue(m_db, spec(m_tenant, QStringLiteral("history.dead"))).value().id;
        JobEngine engine(engineOptions());
        QVERIFY(engine.start());
        QTRY_COMPARE(engine.jobsFinished(), 1);
        QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM job_log WHERE job_id = ?"), {old}).toInt(),
                 1);
        QVERIFY(sql::exec(m_db,
                          QStringLiteral("UPDATE jobs SET finished_at = finished_at - interval '40 days'")));
        JobSpec prune = spec(m_tenant, QStringLiteral("system.prune_jobs"));
        const qint64 pruner = Jobs::enqueue(m_db, prune).value().id;
        engine.wake();
        QTRY_COMPARE(engine.jobsFinished(), 2);
        QVERIFY(engine.stop());
        QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM jobs WHERE id = ?"), {old}).toInt(), 0);
        QCOMPARE(scalar(m_db, QStringLiteral("SELECT count(*) FROM job_log WHERE job_id = ?"), {old}).toInt(),
                 0);
        QCOMPARE(toString(Jobs::find(m_db, pruner).value().status), QStringLiteral("completed"));
    }
};

QTEST_GUILESS_MAIN(TestJobsHistory)
#include "tst_jobs_history.moc"
