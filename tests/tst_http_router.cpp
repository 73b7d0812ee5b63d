#include "core/errors.h"
#include "db/sql.h"
#include "http/api_context.h"
#include "http/health_routes.h"
#include "http/http_server.h"
#include "support/http_client.h"
#include "support/test_cluster.h"
#include "tenancy/api_tokens.h"

#include <QJsonArray>
#include <QTest>

using namespace mp;

namespace {
constexpr ErrorCode kInvalid{"invalid", ErrorCategory::Unprocessable};
} // namespace
using mp::test::httpCall;
using mp::test::TestCluster;

class TestHttpRouter : public QObject {
    Q_OBJECT

    std::unique_ptr<HttpServer> m_server;
    std::unique_ptr<ApiContext> m_api;
    QSqlDatabase m_db;
    QString m_tenant;
    QString m_adminToken;
    QString m_readerToken;
    quint16 m_port = 0;

    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
    }
    static QList<QPair<QByteArray, QByteArray>> bearer(const QString &token)
    {
        return {{"Authorization", "Bearer " + token.toLatin1()}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = test::openDatabase(TestCluster::instance().freshDatabase(), QStringLiteral("svc"));
        m_tenant = test::createTenant(m_db, QStringLiteral("Router Co"));
        m_adminToken = ApiTokens::create(m_db, m_tenant, StaffRole::Admin).value();
        m_readerToken = ApiTokens::create(m_db, m_tenant, StaffRole::ReadOnly).value();

        m_server = std::make_unique<HttpServer>();
        m_server->setMaxBodyBytes(64);
        m_api = std::make_unique<ApiContext>([this] { return m_db; });
        Router &router = m_server->router();
        registerHealthRoutes(router, [this] { return m_db; });
        router.add(
            QStringLiteral("GET"), QStringLiteral("/things/{id}/parts/{part}"), [](const HttpRequest &r) {
                return HttpResponse::json(
                    200, QJsonObject{{QStringLiteral("id"), r.pathParams.value(QStringLiteral("id"))},
                                     {QStringLiteral("part"), r.pathParams.value(QStringLiteral("part"))}});
            });
        router.add(QStringLiteral("POST"), QStringLiteral("/echo"), [](const HttpRequest &r) {
            auto body = parseJsonBody(r, {QStringLiteral("name")});
            if (!body)
                return HttpResponse::error(400, body.error());
            return HttpResponse::json(201, body.value());
        });
        // Records an audit row inside the caller's tenant transaction; `fail` answers 422 after
        // writing, which must roll the write back.
        router.add(QStringLiteral("POST"), QStringLiteral("/audit"), [this](const HttpRequest &r) {
            return m_api->asStaff(r, true, [&r](TenantTransaction &tx, const Caller &caller) {
                auto q = sql::exec(
                    tx.db(),
                    QStringLiteral("INSERT INTO audit_log (tenant_id, actor, action) "
                                   "VALUES (mpanel_setting_tenant(), ?, 'probe') RETURNING tenant_id"),
                    {QStringLiteral("token:%1").arg(caller.tokenId)});
                if (!q || !q->next())
                    return HttpResponse::error(500, errors::Internal, QStringLiteral("insert failed"));
                if (r.query.hasQueryItem(QStringLiteral("fail")))
                    return HttpResponse::error(422, kInvalid, QStringLiteral("asked to fail"));
                return HttpResponse::json(201,
                                          QJsonObject{{QStringLiteral("tenant"), q->value(0).toString()}});
            });
        });
        auto port = m_server->listenOn(QStringLiteral("127.0.0.1:0"));
        QVERIFY(port.ok());
        m_port = port.value();
    }

    void healthAndReadiness()
    {
        auto health = httpCall("GET", url(QStringLiteral("/healthz")));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        auto ready = httpCall("GET", url(QStringLiteral("/readyz")));
        QCOMPARE(ready.status, 200);
        QVERIFY(ready.json().value(QStringLiteral("schema_version")).toInt() >= 1);
    }

    void readinessFailsOnAStaleSchema()
    {
        QSqlDatabase empty =
            test::openDatabase(TestCluster::instance().emptyDatabase(), QStringLiteral("empty"));
        HttpServer server;
        registerHealthRoutes(server.router(), [empty] { return empty; });
        auto port = server.listenOn(QStringLiteral("127.0.0.1:0"));
        QVERIFY(port.ok());
        auto ready = httpCall("GET", QUrl(QStringLiteral("http://127.0.0.1:%1/readyz").arg(port.value())));
        QCOMPARE(ready.status, 503);
        QCOMPARE(ready.json()[QStringLiteral("error")][QStringLiteral("code")].toString(),
                 QStringLiteral("schema_not_current"));
    }

    void pathParametersAreCaptured()
    {
        auto r = httpCall("GET", url(QStringLiteral("/things/42/parts/abc")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("id")).toString(), QStringLiteral("42"));
        QCOMPARE(r.json().value(QStringLiteral("part")).toString(), QStringLiteral("abc"));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    }

    // A "{rest*}" tail takes the rest of the path, slashes included, but never nothing.
    void tailParameterTakesTheRestOfThePath()
    {
        Router router;
        router.add(QStringLiteral("GET"), QStringLiteral("/files/{rest*}"), [](const HttpRequest &r) {
            return HttpResponse::json(
                200, QJsonObject{{QStringLiteral("rest"), r.pathParams.value(QStringLiteral("rest"))}});
        });
        HttpRequest deep;
        deep.method = QStringLiteral("GET");
        deep.path = QStringLiteral("/files/a/b/c");
        const HttpResponse r = router.dispatch(deep);
        QCOMPARE(r.status, 200);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("rest")).toString(),
                 QStringLiteral("a/b/c"));
        HttpRequest bare;
        bare.method = QStringLiteral("GET");
        bare.path = QStringLiteral("/files");
        QCOMPARE(router.dispatch(bare).status, 404);
    }

    void unknownPathAndWrongMethodAnswerJson()
    {
        auto missing = httpCall("GET", url(QStringLiteral("/things/42")));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.json()[QStringLiteral("error")][QStringLiteral("code")].toString(),
                 QStringLiteral("not_found"));
        auto wrong = httpCall("DELETE", url(QStringLiteral("/healthz")));
        QCOMPARE(wrong.status, 405);
        QCOMPARE(wrong.header("Allow"), QByteArray("GET"));
        QCOMPARE(wrong.json()[QStringLiteral("error")][QStringLiteral("code")].toString(),
                 QStringLiteral("method_not_allowed"));
    }

    void bodiesAreValidated_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("good") << QByteArray(R"({"name":"x"})") << 201 << QString() << QString();
        QTest::newRow("malformed") << QByteArray(R"({"name":)") << 400 << "malformed_json"
                                   << "body";
        QTest::newRow("array") << QByteArray(R"([1,2])") << 400 << "malformed_json"
                               << "body";
        QTest::newRow("unknown field") << QByteArray(R"({"name":"x","admin":true})") << 400 << "unknown_field"
                                       << "admin";
        QTest::newRow("too large") << QByteArray(R"({"name":")") + QByteArray(100, 'a') + "\"}" << 413
                                   << "body_too_large" << QString();
    }
    void bodiesAreValidated()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        auto r = httpCall("POST", url(QStringLiteral("/echo")), body);
        QCOMPARE(r.status, status);
        if (!code.isEmpty()) {
            const QJsonObject error = r.json().value(QStringLiteral("error")).toObject();
            QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
            QCOMPARE(error.value(QStringLiteral("field")).toString(), field);
            QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
        }
    }

    void staffWorkRunsInTheTokensTenant()
    {
        auto none = httpCall("POST", url(QStringLiteral("/audit")));
        QCOMPARE(none.status, 401);
        auto forged =
            httpCall("POST", url(QStringLiteral("/audit")), {}, bearer(QStringLiteral("mpt_forged")));
        QCOMPARE(forged.status, 401);
        auto reader = httpCall("POST", url(QStringLiteral("/audit")), {}, bearer(m_readerToken));
        QCOMPARE(reader.status, 403);

        auto ok = httpCall("POST", url(QStringLiteral("/audit")), {}, bearer(m_adminToken));
        QCOMPARE(ok.status, 201);
        QCOMPARE(ok.json().value(QStringLiteral("tenant")).toString(), m_tenant);

        auto failed = httpCall("POST", url(QStringLiteral("/audit?fail=1")), {}, bearer(m_adminToken));
        QCOMPARE(failed.status, 422);
        auto rows = sql::exec(m_db, QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'probe'"));
        QVERIFY(rows.ok() && rows->next());
        QCOMPARE(rows->value(0).toInt(), 1); // the failed request's insert was rolled back
    }

    void listenAddressesAreParsed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("port");
        QTest::newRow("v4") << "127.0.0.1:8080" << true << 8080;
        QTest::newRow("v6") << "[::1]:9000" << true << 9000;
        QTest::newRow("port only") << ":7000" << true << 7000;
        QTest::newRow("localhost") << "localhost:1" << true << 1;
        QTest::newRow("no port") << "127.0.0.1" << false << 0;
        QTest::newRow("bad port") << "127.0.0.1:99999" << false << 0;
        QTest::newRow("bad host") << "example:80" << false << 0;
    }
    void listenAddressesAreParsed()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(int, port);
        auto parsed = HttpServer::parseHostPort(text);
        QCOMPARE(parsed.ok(), valid);
        if (valid)
            QCOMPARE(int(parsed->second), port);
        else
            QCOMPARE(parsed.error().field, QStringLiteral("MPANEL_LISTEN"));
    }
};

QTEST_GUILESS_MAIN(TestHttpRouter)
#include "tst_http_router.moc"
