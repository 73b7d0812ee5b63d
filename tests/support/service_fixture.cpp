#include "support/service_fixture.h"

#include "db/sql.h"
#include "http/api_context.h"
#include "http/http_server.h"
#include "service/api_modules.h"
#include "support/test_cluster.h"
#include "tenancy/api_tokens.h"

#include <QJsonDocument>
#include <QTest>

namespace mp::test {

ServiceFixture::ServiceFixture() = default;

ServiceFixture::~ServiceFixture()
{
    // Handlers may still hold the context: the server (and its threads) go first.
    m_server.reset();
}

void ServiceFixture::start(const QString &name)
{
    startOn(TestCluster::instance().freshDatabase(), name);
}

void ServiceFixture::startOn(const ConnectionSettings &settings, const QString &name)
{
    m_settings = settings;
    // AutoSSL would ask Let's Encrypt for every pod and domain a test makes: only the tests that
    // start a Pebble turn it on.
    if (qEnvironmentVariableIsEmpty("MPANEL_SSL_AUTO"))
        qputenv("MPANEL_SSL_AUTO", "off");
    m_db = openDatabase(settings, name + QStringLiteral("-owner"));
    m_server = std::make_unique<HttpServer>();
    if (m_workerThreads > 0) {
        m_api = std::make_unique<ApiContext>([settings, name] {
            auto db = sql::open(settings, sql::threadConnectionName(name));
            return db ? db.value() : QSqlDatabase();
        });
        m_server->setWorkerThreads(m_workerThreads);
    } else {
        m_api = std::make_unique<ApiContext>([this] { return m_db; });
    }
    m_api->setConfig(m_config);
    registerApiModules(m_server->router(), *m_api);
    auto port = m_server->listenOn(QStringLiteral("127.0.0.1:0"));
    QVERIFY(port.ok());
    m_port = port.value();
}

QUrl ServiceFixture::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery));
}

QString ServiceFixture::tenant(const QString &name)
{
    return createTenant(m_db, name);
}

QString ServiceFixture::staffToken(const QString &tenantId, StaffRole role)
{
    return ApiTokens::create(m_db, tenantId, role).value();
}

QPair<QString, QString> ServiceFixture::signUp(const QString &tenantId, const QString &name,
                                               const QString &email, const QString &country)
{
    QJsonObject body{{QStringLiteral("tenant_id"), tenantId},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("email"), email},
                     {QStringLiteral("password"), QStringLiteral("correct horse battery")}};
    if (!country.isEmpty())
        body.insert(QStringLiteral("country"), country);
    const auto r = call("POST", QStringLiteral("/api/auth/signup"), {}, body);
    if (r.status != 201)
        qFatal("signup: %d %s", r.status, r.body.constData());
    return {r.json().value(QStringLiteral("access_token")).toString(), customerId(email)};
}

QString ServiceFixture::customerId(const QString &email)
{
    return text(QStringLiteral("SELECT id::text FROM customers WHERE email = ?"), {email});
}

HttpResult ServiceFixture::raw(const QByteArray &method, const QString &path, const QString &token,
                               const QByteArray &body, Headers headers)
{
    if (!token.isEmpty())
        headers.append({"Authorization", "Bearer " + token.toLatin1()});
    return httpCall(method, url(path), body, headers);
}

HttpResult ServiceFixture::call(const QByteArray &method, const QString &path, const QString &token,
                                const QJsonObject &body, Headers headers)
{
    return raw(method, path, token, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(),
               std::move(headers));
}

qint64 ServiceFixture::scalar(const QString &sqlText, const QVariantList &binds)
{
    auto q = sql::exec(m_db, sqlText, binds);
    if (!q || !q->next()) {
        qWarning("scalar failed: %s", q ? "no row" : qPrintable(q.error().message));
        return -1;
    }
    return q->value(0).toLongLong();
}

QString ServiceFixture::text(const QString &sqlText, const QVariantList &binds)
{
    auto q = sql::exec(m_db, sqlText, binds);
    if (!q) {
        qWarning("text failed: %s", qPrintable(q.error().message));
        return {};
    }
    return q->next() ? q->value(0).toString() : QString();
}

void ServiceFixture::exec(const QString &sqlText, const QVariantList &binds)
{
    auto q = sql::exec(m_db, sqlText, binds);
    if (!q)
        qWarning("exec failed: %s", qPrintable(q.error().message));
}

QString errorCode(const HttpResult &r)
{
    return r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QString errorField(const HttpResult &r)
{
    return r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString();
}

QJsonObject jsonObject(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace mp::test
