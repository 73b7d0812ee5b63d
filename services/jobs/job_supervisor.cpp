// The engine's supervisor thread: LISTENs for new jobs and cancel requests (libpq directly, so
// it needs no Qt event loop), heartbeats this engine's running jobs, takes back jobs whose
// worker died, and enqueues scheduled work.
#include "core/clock.h"
#include "core/json_log.h"
#include "db/sql.h"
#include "jobs/job_batch.h"
#include "jobs/job_engine_state.h"

#include <QElapsedTimer>
#include <QHash>
#include <QThread>

#include <libpq-fe.h>
#include <sys/select.h>

namespace mp {

namespace {

class Listener {
public:
    explicit Listener(ConnectionSettings settings) : m_settings(std::move(settings)) {}
    ~Listener() { close(); }

    bool connected() const { return m_conn != nullptr; }

    QString connect()
    {
        m_conn = PQconnectdb(m_settings.toConnInfo().toUtf8().constData());
        if (PQstatus(m_conn) != CONNECTION_OK) {
            const QString message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
            close();
            return message;
        }
        PGresult *res = PQexec(m_conn, "LISTEN mpanel_jobs; LISTEN mpanel_job_cancel");
        const bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
        PQclear(res);
        if (!ok) {
            const QString message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
            close();
            return message;
        }
        return {};
    }

    void close()
    {
        if (m_conn)
            PQfinish(m_conn);
        m_conn = nullptr;
    }

    // Waits up to `ms` for notifications; calls `onJobs` / `onCancel(id)`. False when the
    // connection broke.
    template<class OnJobs, class OnCancel> bool wait(int ms, OnJobs onJobs, OnCancel onCancel)
    {
        const int fd = PQsocket(m_conn);
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(fd, &fds);
        timeval tv{ms / 1000, (ms % 1000) * 1000};
        if (select(fd + 1, &fds, nullptr, nullptr, &tv) < 0)
            return true; // EINTR: try again next round
        if (!PQconsumeInput(m_conn))
            return false;
        bool jobs = false;
        while (PGnotify *n = PQnotifies(m_conn)) {
            if (qstrcmp(n->relname, "mpanel_job_cancel") == 0)
                onCancel(QByteArray(n->extra).toLongLong());
            else
                jobs = true;
            PQfreemem(n);
        }
        if (jobs)
            onJobs();
        return PQstatus(m_conn) == CONNECTION_OK;
    }

private:
    ConnectionSettings m_settings;
    PGconn *m_conn = nullptr;
};

class Supervisor {
public:
    explicit Supervisor(std::shared_ptr<JobEngineState> state)
        : m_state(std::move(state)), m_s(*m_state), m_listener(m_s.options.database),
          m_connection(QStringLiteral("jobs-%1-supervisor").arg(m_s.options.instance))
    {
        // A third of the timeout: two heartbeats may be lost before a live job looks dead.
        m_tickMs = qBound(20, m_s.options.heartbeatTimeoutMs / 3, 5000);
    }

    void run()
    {
        QString error = m_listener.connect();
        if (error.isEmpty()) {
            auto db = sql::open(m_s.options.database, m_connection);
            if (db)
                m_db = db.value();
            else
                error = db.error().message;
        }
        m_s.reportReady(error);
        if (error.isEmpty())
            loop();
        m_listener.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connection);
    }

private:
    void loop()
    {
        QElapsedTimer sinceTick;
        sinceTick.start();
        QElapsedTimer sinceReconnect;
        sinceReconnect.start();
        tick();
        while (!m_s.stopSupervisor.load()) {
            const int waitMs = int(qBound(qint64(0), m_tickMs - sinceTick.elapsed(), qint64(100)));
            if (m_listener.connected()) {
                const bool alive = m_listener.wait(
                    waitMs, [this] { m_s.wakeAll(); }, [this](qint64 id) { m_s.requestCancel(id); });
                if (!alive) {
                    report(QStringLiteral("the LISTEN connection broke; polling until it is back"));
                    m_listener.close();
                }
            } else {
                QThread::msleep(ulong(waitMs));
                if (sinceReconnect.elapsed() > 2000) {
                    sinceReconnect.restart();
                    if (m_listener.connect().isEmpty())
                        m_s.wakeAll(); // notifications may have been missed meanwhile
                }
            }
            if (sinceTick.elapsed() >= m_tickMs) {
                sinceTick.restart();
                tick();
            }
        }
    }

    void tick()
    {
        if (!m_db.isOpen() && !m_db.open())
            return;
        const QDateTime now = Clock::current().now();
        if (auto s = JobMaintenance::heartbeat(m_db, m_s.runningIds(), now); !s)
            return trouble(s.error());
        auto taken = JobMaintenance::takeBackLost(m_db, now, m_s.options.heartbeatTimeoutMs);
        if (!taken)
            return trouble(taken.error());
        if (taken.value() > 0) {
            JsonLog::write(QStringLiteral("jobs_taken_back"),
                           {{QStringLiteral("instance"), m_s.options.instance},
                            {QStringLiteral("jobs"), taken.value()}});
            m_s.wakeAll();
        }
        if (m_s.options.runSchedules && !m_s.stopClaiming.load())
            enqueueSchedules(now);
    }

    void enqueueSchedules(const QDateTime &now)
    {
        // Skip the round trip while every schedule's current period is known to be enqueued.
        QList<JobSchedule> due;
        for (const JobSchedule &schedule : m_s.options.schedules) {
            if (!m_enqueuedPeriod.contains(schedule.name) ||
                m_enqueuedPeriod.value(schedule.name) < schedule.periodStart(now))
                due << schedule;
        }
        if (due.isEmpty())
            return;
        auto inserted = enqueueDueSchedules(m_db, due, now);
        if (!inserted)
            return trouble(inserted.error());
        for (const JobSchedule &schedule : due)
            m_enqueuedPeriod.insert(schedule.name, schedule.periodStart(now));
        if (inserted.value() > 0)
            JsonLog::write(QStringLiteral("jobs_scheduled"),
                           {{QStringLiteral("instance"), m_s.options.instance},
                            {QStringLiteral("jobs"), inserted.value()}});
    }

    void trouble(const Error &error)
    {
        report(error.message);
        m_db.close(); // reopened on the next tick
    }

    void report(const QString &message)
    {
        JsonLog::write(
            QStringLiteral("jobs_supervisor_error"),
            {{QStringLiteral("instance"), m_s.options.instance}, {QStringLiteral("message"), message}});
    }

    std::shared_ptr<JobEngineState> m_state;
    JobEngineState &m_s;
    Listener m_listener;
    const QString m_connection;
    QSqlDatabase m_db;
    int m_tickMs = 1000;
    QHash<QString, QDateTime> m_enqueuedPeriod;
};

} // namespace

void runJobSupervisor(std::shared_ptr<JobEngineState> state)
{
    Supervisor(std::move(state)).run();
}

} // namespace mp
