// Drains N no-op jobs through mPanel's job engine and reports jobs/s for enqueueing and for
// processing. Not a test: run by bench/run-jobs-bench (see bench/README.md).
//
//   mpanel-bench-jobs --database-url postgresql://user@127.0.0.1:5432/db [--jobs 100000]
//                     [--workers 4] [--batch 200]
//
// Prints one tab-separated "RESULT  section  metric  value  unit  how" line per figure.
#include "core/json_log.h"
#include "db/connection_settings.h"
#include "db/migrator.h"
#include "db/pg_connection.h"
#include "db/sql.h"
#include "jobs/job_engine.h"
#include "jobs/job_registry.h"
#include "jobs/jobs.h"
#include "tenancy/tenants.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QThread>

#include <atomic>
#include <cstdio>

using namespace mp;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "mpanel-bench-jobs: %s\n", qPrintable(message));
    return 1;
}

void result(const QString &metric, double value, const QString &how)
{
    std::printf("RESULT\tmPanel jobs\t%s\t%.0f\tjobs/s\t%s\n", qPrintable(metric), value, qPrintable(how));
    std::fflush(stdout);
}

qint64 openJobs(const QSqlDatabase &db)
{
    auto q = sql::exec(
        db, QStringLiteral("SELECT count(*) FROM jobs WHERE status IN ('queued', 'running', 'failed')"));
    return q && q->next() ? q->value(0).toLongLong() : -1;
}

JobSpec noop(const QString &tenant, int i)
{
    JobSpec s;
    s.tenantId = tenant;
    s.kind = QStringLiteral("bench.noop");
    s.payload = {{QStringLiteral("i"), i}};
    return s;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({{QStringLiteral("database-url"), QStringLiteral("PostgreSQL URL (schema owner)."),
                        QStringLiteral("url")},
                       {QStringLiteral("jobs"), QStringLiteral("Jobs to drain."), QStringLiteral("n"),
                        QStringLiteral("100000")},
                       {QStringLiteral("single"), QStringLiteral("Jobs for the single-enqueue phase."),
                        QStringLiteral("n"), QStringLiteral("1000")},
                       {QStringLiteral("workers"), QStringLiteral("Worker threads."), QStringLiteral("n"),
                        QStringLiteral("4")},
                       {QStringLiteral("batch"), QStringLiteral("Jobs per claim."), QStringLiteral("n"),
                        QStringLiteral("200")}});
    parser.process(app);
    const int total = parser.value(QStringLiteral("jobs")).toInt();
    const int single = parser.value(QStringLiteral("single")).toInt();
    const int workers = parser.value(QStringLiteral("workers")).toInt();
    const int batch = parser.value(QStringLiteral("batch")).toInt();
    auto settings = ConnectionSettings::fromUrl(parser.value(QStringLiteral("database-url")));
    if (!settings)
        return fail(settings.error().message);

    {
        auto conn = PgConnection::connect(settings.value());
        if (!conn)
            return fail(conn.error().message);
        if (auto applied = Migrator(*conn.value()).migrate(); !applied)
            return fail(applied.error().message);
    }
    auto opened = sql::open(settings.value(), QStringLiteral("bench"));
    if (!opened)
        return fail(opened.error().message);
    QSqlDatabase db = opened.value();
    auto tenant = Tenants::create(db, QStringLiteral("Bench Co"));
    if (!tenant)
        return fail(tenant.error().message);

    // The engine's JSON log lines (one per batch of completed jobs): formatted as in production,
    // dropped here.
    std::atomic<qint64> logLines{0};
    JsonLog::setSink([&logLines](const QByteArray &) { ++logLines; });
    std::atomic<qint64> handled{0};
    JobRegistry::global().add(QStringLiteral("bench.noop"), [&handled](JobContext &) {
        ++handled;
        return Status();
    });

    // 1. One job per call, each in its own (autocommit) transaction: what a request handler pays.
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < single; ++i) {
        if (auto e = Jobs::enqueue(db, noop(tenant.value(), i)); !e)
            return fail(e.error().message);
    }
    result(QStringLiteral("enqueue single, sequential (%1 jobs)").arg(single),
           single / (t.nsecsElapsed() / 1e9),
           QStringLiteral("Jobs::enqueue(), one INSERT and commit per job"));

    // 2. Batches of 1000 in one statement each.
    QList<JobSpec> specs;
    t.restart();
    for (int i = 0; i < total; ++i) {
        specs << noop(tenant.value(), single + i);
        if (specs.size() == 1000 || i == total - 1) {
            if (auto n = Jobs::enqueueMany(db, specs); !n)
                return fail(n.error().message);
            specs.clear();
        }
    }
    result(QStringLiteral("enqueue batch 1000/call (%1 jobs)").arg(total), total / (t.nsecsElapsed() / 1e9),
           QStringLiteral("Jobs::enqueueMany([1000 specs]), sequential calls"));
    if (auto v = sql::exec(db, QStringLiteral("VACUUM ANALYZE jobs")); !v)
        return fail(v.error().message);

    // 3. Drain everything queued: from engine start until no job is open.
    const qint64 queued = openJobs(db);
    JobEngineOptions options;
    options.database = settings.value();
    options.workers = workers;
    options.batchSize = batch;
    options.runSchedules = false;
    JobEngine engine(options);
    t.restart();
    if (auto s = engine.start(); !s)
        return fail(s.error().message);
    while (engine.jobsFinished() < queued)
        QThread::msleep(5);
    const double seconds = t.nsecsElapsed() / 1e9;
    engine.stop();
    const qint64 left = openJobs(db);
    if (left != 0 || handled.load() != queued)
        return fail(QStringLiteral("drain incomplete: %1 open, %2 handled of %3")
                        .arg(left)
                        .arg(handled.load())
                        .arg(queued));
    result(QStringLiteral("drain %1 jobs").arg(queued), queued / seconds,
           QStringLiteral("JobEngine{workers:%1, batch:%2}, no-op handler; every job kept as a completed row "
                          "(jobs_finished), one JSON log line per batch; time = start -> all completed")
               .arg(workers)
               .arg(batch));
    db.close();
    return 0;
}
