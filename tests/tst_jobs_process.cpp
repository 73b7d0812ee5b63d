// The job engine inside real `mpanel-service serve --no-http` processes: a worker killed with
// SIGKILL mid-job has its job taken back and completed once by another process; SIGTERM lets
// the running job finish and hands the unstarted one back.
#include "db/sql.h"
#include "jobs/jobs.h"
#include "support/test_cluster.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace mp;
using mp::test::TestCluster;

class TestJobsProcess : public QObject {
    Q_OBJECT

    ConnectionSettings m_settings;
    QSqlDatabase m_db;
    QString m_tenant;
    QTemporaryDir m_dataDir;
    int m_counter = 0;

    std::unique_ptr<QProcess> startService(int workers)
    {
        auto p = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("MPANEL_DATABASE_URL"), TestCluster::instance().url(m_settings.database));
        env.insert(QStringLiteral("MPANEL_DATA_DIR"), m_dataDir.path());
        env.insert(QStringLiteral("MPANEL_JOB_HEARTBEAT_TIMEOUT_MS"), QStringLiteral("1200"));
        env.insert(QStringLiteral("MPANEL_JOB_POLL_MS"), QStringLiteral("200"));
        env.insert(QStringLiteral("MPANEL_JOB_SHUTDOWN_MS"), QStringLiteral("10000"));
        p->setProcessEnvironment(env);
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(QStringLiteral(MPANEL_SERVICE_BINARY),
                 {QStringLiteral("serve"), QStringLiteral("--no-http"), QStringLiteral("--workers"),
                  QString::number(workers)});
        if (!p->waitForStarted(10000))
            qFatal("mpanel-service did not start");
        return p;
    }

    qint64 enqueueSleep(int ms)
    {
        JobSpec s;
        s.tenantId = m_tenant;
        s.kind = QStringLiteral("system.sleep");
        s.payload = {{QStringLiteral("ms"), ms}};
        auto e = Jobs::enqueue(m_db, s);
        if (!e)
            qFatal("enqueue: %s", qPrintable(e.error().message));
        return e->id;
    }

    JobRecord job(qint64 id)
    {
        auto j = Jobs::find(m_db, id);
        if (!j)
            qFatal("job %lld: %s", id, qPrintable(j.error().message));
        return j.value();
    }

    QStringList logLines(qint64 id)
    {
        QStringList lines;
        auto log = Jobs::log(m_db, id);
        if (log) {
            for (const JobLogLine &l : log.value())
                lines << l.line;
        }
        return lines;
    }

private Q_SLOTS:
    void init()
    {
        m_settings = TestCluster::instance().freshDatabase();
        m_db = test::openDatabase(m_settings, QStringLiteral("owner-%1").arg(++m_counter));
        m_tenant = test::createTenant(m_db, QStringLiteral("Process Co"));
    }

    void cleanup() { m_db.close(); }

    void killedWorkerJobIsTakenBackAndCompletesOnce()
    {
        const qint64 id = enqueueSleep(2500);
        auto first = startService(1);
        QTRY_COMPARE_WITH_TIMEOUT(toString(job(id).status), toString(JobStatus::Running), 15000);
        const QString firstWorker = job(id).lockedBy;
        QTest::qWait(500); // well inside the handler
        ::kill(pid_t(first->processId()), SIGKILL);
        QVERIFY(first->waitForFinished(5000));
        QCOMPARE(first->exitStatus(), QProcess::CrashExit);
        QCOMPARE(toString(job(id).status), toString(JobStatus::Running)); // nobody finished it

        auto second = startService(1);
        QTRY_COMPARE_WITH_TIMEOUT(toString(job(id).status), toString(JobStatus::Completed), 20000);
        const JobRecord done = job(id);
        QCOMPARE(done.attempts, 2);
        ::kill(pid_t(second->processId()), SIGTERM);
        QVERIFY(second->waitForFinished(15000));
        QCOMPARE(second->exitCode(), 0);

        const QStringList lines = logLines(id);
        QCOMPARE(lines.filter(QStringLiteral("taken back: worker %1 stopped heartbeating").arg(firstWorker))
                     .size(),
                 1);
        // The killed attempt's log lines died with its transaction; the retry's committed once.
        QCOMPARE(lines.filter(QStringLiteral("slept 2500 ms")).size(), 1);
    }

    void sigtermFinishesTheRunningJobAndHandsBackTheRest()
    {
        // One worker claims both in one batch: the first runs, the second waits its turn.
        const qint64 running = enqueueSleep(1500);
        const qint64 waiting = enqueueSleep(1500);
        auto service = startService(1);
        QTRY_COMPARE_WITH_TIMEOUT(toString(job(running).status), toString(JobStatus::Running), 15000);
        QCOMPARE(toString(job(waiting).status), toString(JobStatus::Running)); // claimed with the first
        ::kill(pid_t(service->processId()), SIGTERM);
        QVERIFY(service->waitForFinished(15000));
        QCOMPARE(service->exitStatus(), QProcess::NormalExit);
        QCOMPARE(service->exitCode(), 0);
        const JobRecord done = job(running);
        QCOMPARE(toString(done.status), toString(JobStatus::Completed));
        QCOMPARE(done.attempts, 1);
        const JobRecord back = job(waiting);
        QCOMPARE(toString(back.status), toString(JobStatus::Queued));
        QCOMPARE(back.attempts, 0);
        QVERIFY(back.lockedBy.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJobsProcess)
#include "tst_jobs_process.moc"
