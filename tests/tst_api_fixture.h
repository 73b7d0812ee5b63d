#pragma once

// An in-process companion service for the API tests: a fresh migrated database, the real
// module registration (registerApiModules) behind an HttpServer on 127.0.0.1:0, and helpers to
// call it and to count rows on the owner connection.

#include "db/sql.h"
#include "http/api_context.h"
#include "http/http_server.h"
#include "service/api_modules.h"
#include "support/http_client.h"
#include "support/test_cluster.h"
#include "tenancy/api_tokens.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

namespace mp::test {

class ApiFixture {
public:
    void start(const QString &connectionName)
    {
        startOn(TestCluster::instance().freshDatabase(), connectionName);
    }
    // A second service instance over the same database (several instances must agree).
    void startOn(const ConnectionSettings &settings, const QString &connectionName)
    {
        m_settings = settings;
        m_db = openDatabase(settings, connectionName);
        m_server = std::make_unique<HttpServer>();
        m_api = std::make_unique<ApiContext>([this] { return m_db; });
        m_api->setConfig(m_config);
        registerApiModules(m_server->router(), *m_api);
        auto port = m_server->listenOn(QStringLiteral("127.0.0.1:0"));
        QVERIFY(port.ok());
        m_port = port.value();
    }

    // The service's configuration (Stripe settings); takes effect at the next start.
    void setConfig(const Config &config) { m_config = config; }
    QSqlDatabase &db() { return m_db; }
    const ConnectionSettings &settings() const { return m_settings; }
    HttpServer &server() { return *m_server; }

    QString tenant(const QString &name) { return createTenant(m_db, name); }
    QString staffToken(const QString &tenantId, StaffRole role = StaffRole::Admin)
    {
        return ApiTokens::create(m_db, tenantId, role).value();
    }

    QUrl url(const QString &pathAndQuery) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery));
    }

    HttpResult raw(const QByteArray &method, const QString &path, const QString &token,
                   const QByteArray &body = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!token.isEmpty())
            headers.append({"Authorization", "Bearer " + token.toLatin1()});
        return httpCall(method, url(path), body, headers);
    }
    HttpResult call(const QByteArray &method, const QString &path, const QString &token,
                    const QJsonObject &body = {})
    {
        return raw(method, path, token, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    }

    // A number from the owner connection (RLS does not apply to it).
    qint64 scalar(const QString &sqlText, const QVariantList &binds = {})
    {
        auto q = sql::exec(m_db, sqlText, binds);
        if (!q || !q->next()) {
            qWarning("scalar failed: %s", q ? "no row" : qPrintable(q.error().message));
            return -1;
        }
        return q->value(0).toLongLong();
    }
    void exec(const QString &sqlText, const QVariantList &binds = {})
    {
        auto q = sql::exec(m_db, sqlText, binds);
        if (!q)
            qWarning("exec failed: %s", qPrintable(q.error().message));
    }

private:
    ConnectionSettings m_settings;
    Config m_config;
    QSqlDatabase m_db;
    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<ApiContext> m_api;
    quint16 m_port = 0;
};

inline QString errorCode(const HttpResult &r)
{
    return r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

inline QString errorField(const HttpResult &r)
{
    return r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString();
}

inline QJsonObject jsonObject(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace mp::test
