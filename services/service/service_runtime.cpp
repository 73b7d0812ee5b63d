#include "service/service_runtime.h"

#include "core/errors.h"
#include "core/json_log.h"
#include "db/migrator.h"
#include "db/pg_connection.h"
#include "db/sql.h"
#include "http/api_context.h"
#include "http/http_server.h"
#include "jobs/job_engine.h"
#include "service/api_modules.h"
#include "service/service_errors.h"
#include "service/service_modules.h"

#include <QTimer>

#include <cstdlib>

namespace mp {

ServiceRuntime::ServiceRuntime(Config config, DatabaseTarget target, ServeOptions options, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_target(std::move(target)), m_options(options)
{
}

ServiceRuntime::~ServiceRuntime() = default;

QSqlDatabase ServiceRuntime::database() const
{
    const QString name = sql::threadConnectionName(QStringLiteral("service"));
    auto db = sql::open(m_target.settings, name);
    return db ? db.value() : QSqlDatabase::database(name, false);
}

Status ServiceRuntime::start()
{
    installServiceModules();
    {
        auto conn = PgConnection::connect(m_target.settings);
        if (!conn)
            return conn.error();
        auto state = Migrator(*conn.value()).check();
        if (!state)
            return state.error();
        if (state->behind())
            return makeError(errors::SchemaBehind,
                             QStringLiteral("the database schema is at version %1 but this service needs %2; "
                                            "run `mpanel-service migrate` first")
                                 .arg(state->applied)
                                 .arg(state->bundled));
    }
    if (auto db = sql::open(m_target.settings, sql::threadConnectionName(QStringLiteral("service"))); !db)
        return db.error();

    if (m_options.http) {
        m_http = std::make_unique<HttpServer>();
        m_api = std::make_unique<ApiContext>([this] { return database(); });
        m_api->setConfig(m_config);
        // Handlers run on a pool of threads, each with its own connection (database() is per
        // thread): one slow transaction no longer holds up every other request.
        int threads = m_options.httpThreads;
        if (m_config.contains(QStringLiteral("MPANEL_HTTP_THREADS"))) {
            bool ok = false;
            threads = m_config.value(QStringLiteral("MPANEL_HTTP_THREADS")).toInt(&ok);
            if (!ok || threads < 1 || threads > 64)
                return makeError(errors::ConfigInvalid,
                                 QStringLiteral("MPANEL_HTTP_THREADS takes a number from 1 to 64"),
                                 QStringLiteral("MPANEL_HTTP_THREADS"));
        }
        m_http->setWorkerThreads(threads);
        if (m_config.contains(QStringLiteral("MPANEL_HTTP_MAX_CONNECTIONS_PER_ADDRESS"))) {
            bool ok = false;
            ConnectionLimits limits;
            limits.maxConnectionsPerAddress =
                m_config.value(QStringLiteral("MPANEL_HTTP_MAX_CONNECTIONS_PER_ADDRESS")).toInt(&ok);
            if (!ok || limits.maxConnectionsPerAddress < 0)
                return makeError(
                    errors::ConfigInvalid,
                    QStringLiteral("MPANEL_HTTP_MAX_CONNECTIONS_PER_ADDRESS takes a number (0: no cap)"),
                    QStringLiteral("MPANEL_HTTP_MAX_CONNECTIONS_PER_ADDRESS"));
            m_http->setConnectionLimits(limits);
        }
        registerApiModules(m_http->router(), *m_api);
        auto port = m_http->listenOn(m_config.listen());
        if (!port)
            return port.error();
        m_port = port.value();
    }
    if (m_options.workersEnabled) {
        auto jobOptions = JobEngineOptions::fromConfig(m_config, m_target.settings, m_options.workers);
        if (!jobOptions)
            return jobOptions.error();
        m_jobs = std::make_unique<JobEngine>(jobOptions.value());
        if (auto s = m_jobs->start(); !s)
            return s;
    }
    JsonLog::write(QStringLiteral("service_started"),
                   {{QStringLiteral("listen"), m_options.http ? m_config.listen() : QStringLiteral("off")},
                    {QStringLiteral("port"), m_port},
                    {QStringLiteral("database"), m_target.settings.describe()},
                    {QStringLiteral("embedded"), m_target.embedded},
                    {QStringLiteral("workers"), m_jobs ? m_options.workers : 0}});
    return {};
}

void ServiceRuntime::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    JsonLog::write(QStringLiteral("service_stopping"), {});
    if (m_http)
        m_http->stopListening();
    // Blocks up to the job shutdown deadline: running jobs finish, unstarted ones go back.
    if (m_jobs && !m_jobs->stop()) {
        // A handler did not stop in time. Its job stays `running` and another instance takes it
        // back after the heartbeat timeout; end the process so the thread cannot outlive it.
        JsonLog::write(QStringLiteral("service_stopped"), {{QStringLiteral("jobs_left_running"), true}});
        std::_Exit(0);
    }
    // Handlers still running on the HTTP pool finish when the server is destroyed; the short
    // grace period lets the answers already written drain from the sockets.
    QTimer::singleShot(200, this, [this] {
        JsonLog::write(QStringLiteral("service_stopped"), {});
        Q_EMIT stopped();
    });
}

} // namespace mp
