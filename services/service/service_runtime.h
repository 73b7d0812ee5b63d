#pragma once

#include "core/config.h"
#include "core/result.h"
#include "tenancy/database_bootstrap.h"

#include <QObject>
#include <QSqlDatabase>

#include <memory>

namespace mp {

class ApiContext;
class HttpServer;
class JobEngine;

struct ServeOptions {
    int workers = 4;
    int httpThreads = 8; // request handlers in parallel, one database connection each
    bool http = true;
    bool workersEnabled = true;
};

// `mpanel-service serve`: the HTTP API and (from the job engine on) the workers, over one
// database. Refuses to start on a schema that is not current.
class ServiceRuntime : public QObject {
    Q_OBJECT
public:
    ServiceRuntime(Config config, DatabaseTarget target, ServeOptions options, QObject *parent = nullptr);
    ~ServiceRuntime() override;

    Status start();
    // Graceful stop: no new connections; what is already running finishes; then stopped().
    void shutdown();
    quint16 httpPort() const { return m_port; }
    HttpServer *http() const { return m_http.get(); }
    // The connection for the calling (main) thread: the service's own, RLS-exempt login.
    QSqlDatabase database() const;

Q_SIGNALS:
    void stopped();

private:
    Config m_config;
    DatabaseTarget m_target;
    ServeOptions m_options;
    std::unique_ptr<ApiContext> m_api;
    std::unique_ptr<HttpServer> m_http;
    std::unique_ptr<JobEngine> m_jobs;
    quint16 m_port = 0;
    bool m_stopping = false;
};

} // namespace mp
