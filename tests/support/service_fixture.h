#pragma once

// An in-process companion service for the tests, as the service builds it: a fresh migrated
// database, the real module registration behind an HttpServer on 127.0.0.1:0, and helpers to
// call it and to read rows on the owner connection (where row-level security does not apply).

#include "core/config.h"
#include "db/connection_settings.h"
#include "db/sql.h"
#include "support/http_client.h"
#include "support/test_cluster.h"
#include "tenancy/staff_role.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QTest>
#include <QUrl>
#include <QVariantList>

#include <memory>

namespace mp {
class ApiContext;
class HttpServer;
} // namespace mp

namespace mp::test {

class ServiceFixture {
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    ServiceFixture();
    ~ServiceFixture();

    // The service's configuration (Stripe settings); takes effect at the next start.
    void setConfig(const Config &config) { m_config = config; }
    // Request handlers on a pool of `threads`, each with its own connection, as in production;
    // 0 (the default) answers on the server's thread over the owner connection.
    void setWorkerThreads(int threads) { m_workerThreads = threads; }

    // Starts on a fresh database; `name` makes the connection names unique in the process.
    void start(const QString &name);
    // A second service instance over the same database (several instances must agree).
    void startOn(const ConnectionSettings &settings, const QString &name);

    QSqlDatabase &db() { return m_db; }
    const ConnectionSettings &settings() const { return m_settings; }
    HttpServer &server() { return *m_server; }
    quint16 port() const { return m_port; }
    QUrl url(const QString &pathAndQuery) const;

    QString tenant(const QString &name);
    QString staffToken(const QString &tenantId, StaffRole role = StaffRole::Admin);
    // A customer of `tenantId` who signed up with a password: {access token, customer id}.
    QPair<QString, QString> signUp(const QString &tenantId, const QString &name, const QString &email,
                                   const QString &country = {});
    QString customerId(const QString &email);

    HttpResult raw(const QByteArray &method, const QString &path, const QString &token,
                   const QByteArray &body = {}, Headers headers = {});
    HttpResult call(const QByteArray &method, const QString &path, const QString &token,
                    const QJsonObject &body = {}, Headers headers = {});

    // A number from the owner connection; -1 (with a warning) on failure or no row. Text is
    // empty for no row.
    qint64 scalar(const QString &sqlText, const QVariantList &binds = {});
    QString text(const QString &sqlText, const QVariantList &binds = {});
    void exec(const QString &sqlText, const QVariantList &binds = {});

private:
    ConnectionSettings m_settings;
    Config m_config;
    int m_workerThreads = 0;
    QSqlDatabase m_db;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<ApiContext> m_api;
    quint16 m_port = 0;
};

QString errorCode(const HttpResult &r);
QString errorField(const HttpResult &r);
QJsonObject jsonObject(const char *text);

} // namespace mp::test
