// GET /api/jobs, GET /api/jobs/{id}, POST /api/jobs/{id}/retry and /cancel, dispatched through
// the router: tenant isolation (another tenant's job is a 404), roles, and 4xx for bad input.
#include "db/sql.h"
#include "http/api_context.h"
#include "http/router.h"
#include "jobs/jobs.h"
#include "jobs/jobs_routes.h"
#include "support/test_cluster.h"
#include "tenancy/api_tokens.h"

#include <QJsonArray>
#include <QTest>

using namespace mp;

class TestJobsApi : public QObject {
    Q_OBJECT

    QSqlDatabase m_db;
    std::unique_ptr<ApiContext> m_api;
    Router m_router;
    QString m_tenant, m_other;
    QString m_admin, m_reader, m_otherAdmin;
    qint64 m_queued = 0, m_failed = 0, m_completed = 0, m_foreign = 0;

    struct Reply {
        int status = 0;
        QJsonObject body;
        QString errorCode() const
        {
            return body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
        }
    };

    Reply call(const QString &method, const QString &pathAndQuery, const QString &token,
               const QByteArray &body = {})
    {
        HttpRequest request;
        request.method = method;
        const QUrl url(QStringLiteral("http://x") + pathAndQuery);
        request.path = url.path();
        request.query = QUrlQuery(url);
        if (!token.isEmpty())
            request.headers.append({"Authorization", "Bearer " + token.toLatin1()});
        request.body = body;
        const HttpResponse response = m_router.dispatch(request);
        return Reply{response.status, QJsonDocument::fromJson(response.body).object()};
    }

    qint64 enqueue(const QString &tenant, const QString &kind, const QString &relatedId = {})
    {
        JobSpec s;
        s.tenantId = tenant;
        s.kind = kind;
        if (!relatedId.isEmpty()) {
            s.relatedType = QStringLiteral("service");
            s.relatedId = relatedId;
        }
        return Jobs::enqueue(m_db, s).value().id;
    }

    static QString path(qint64 id, const QString &suffix = {})
    {
        return QStringLiteral("/api/jobs/%1%2").arg(id).arg(suffix);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = test::openDatabase(test::TestCluster::instance().freshDatabase(), QStringLiteral("svc"));
        m_tenant = test::createTenant(m_db, QStringLiteral("Api Co"));
        m_other = test::createTenant(m_db, QStringLiteral("Elsewhere Co"));
        m_admin = ApiTokens::create(m_db, m_tenant, StaffRole::Admin).value();
        m_reader = ApiTokens::create(m_db, m_tenant, StaffRole::ReadOnly).value();
        m_otherAdmin = ApiTokens::create(m_db, m_other, StaffRole::Admin).value();
        m_api = std::make_unique<ApiContext>([this] { return m_db; });
        registerJobRoutes(m_router, *m_api);

        m_queued = enqueue(m_tenant, QStringLiteral("provisioning.create"), QStringLiteral("42"));
        m_failed = enqueue(m_tenant, QStringLiteral("mail.send"));
        m_completed = enqueue(m_tenant, QStringLiteral("mail.send"));
        m_foreign = enqueue(m_other, QStringLiteral("mail.send"));
        QVERIFY(sql::exec(
            m_db,
            QStringLiteral("UPDATE jobs SET status = 'failed', attempts = 1, last_error = 'smtp down' "
                           "WHERE id = ?"),
            {m_failed}));
        QVERIFY(sql::exec(m_db,
                          QStringLiteral("UPDATE jobs SET status = 'completed', attempts = 1 WHERE id = ?"),
                          {m_completed}));
        QVERIFY(
            sql::exec(m_db,
                      QStringLiteral("INSERT INTO job_log (job_id, tenant_id, at, attempt, line) "
                                     "SELECT id, tenant_id, '2030-01-01Z', 1, 'attempt 1 failed: smtp down' "
                                     "FROM jobs WHERE id = ?"),
                      {m_failed}));
    }

    void listShowsOnlyTheCallersTenant()
    {
        const Reply r = call(QStringLiteral("GET"), QStringLiteral("/api/jobs"), m_reader);
        QCOMPARE(r.status, 200);
        const QJsonArray jobs = r.body.value(QStringLiteral("items")).toArray();
        QCOMPARE(jobs.size(), 3);
        // Listed under "items" as every list is, and under "jobs" for older clients.
        QCOMPARE(r.body.value(QStringLiteral("jobs")).toArray(), jobs);
        QCOMPARE(jobs.first().toObject().value(QStringLiteral("id")).toString(),
                 QString::number(m_completed));
        for (const QJsonValue &j : jobs)
            QVERIFY(j.toObject().value(QStringLiteral("id")).toString() != QString::number(m_foreign));
        QVERIFY(r.body.value(QStringLiteral("next_before")).isNull());
    }

    void listFilters()
    {
        Reply r = call(QStringLiteral("GET"), QStringLiteral("/api/jobs?status=failed"), m_reader);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QStringLiteral("jobs")).toArray().size(), 1);
        r = call(QStringLiteral("GET"), QStringLiteral("/api/jobs?kind=mail.send"), m_reader);
        QCOMPARE(r.body.value(QStringLiteral("jobs")).toArray().size(), 2);
        r = call(QStringLiteral("GET"), QStringLiteral("/api/jobs?related_type=service&related_id=42"),
                 m_reader);
        QCOMPARE(r.body.value(QStringLiteral("jobs")).toArray().size(), 1);
        r = call(QStringLiteral("GET"), QStringLiteral("/api/jobs?limit=2"), m_reader);
        QCOMPARE(r.body.value(QStringLiteral("jobs")).toArray().size(), 2);
        const QString next = r.body.value(QStringLiteral("next_before")).toString();
        QCOMPARE(next, QString::number(m_failed));
        r = call(QStringLiteral("GET"), QStringLiteral("/api/jobs?limit=2&before=") + next, m_reader);
        QCOMPARE(r.body.value(QStringLiteral("jobs")).toArray().size(), 1);
    }

    void listRejectsBadInput_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("code");
        QTest::newRow("status") << QStringLiteral("status=exploded") << QStringLiteral("invalid_status");
        QTest::newRow("limit zero") << QStringLiteral("limit=0") << QStringLiteral("invalid_parameter");
        QTest::newRow("limit text") << QStringLiteral("limit=lots") << QStringLiteral("invalid_parameter");
        QTest::newRow("before") << QStringLiteral("before=-3") << QStringLiteral("invalid_parameter");
        QTest::newRow("half related")
            << QStringLiteral("related_type=service") << QStringLiteral("invalid_parameter");
        QTest::newRow("unknown") << QStringLiteral("colour=red") << QStringLiteral("unknown_parameter");
    }

    void listRejectsBadInput()
    {
        QFETCH(QString, query);
        QFETCH(QString, code);
        const Reply r = call(QStringLiteral("GET"), QStringLiteral("/api/jobs?") + query, m_reader);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), code);
    }

    void authentication()
    {
        QCOMPARE(call(QStringLiteral("GET"), QStringLiteral("/api/jobs"), {}).status, 401);
        QCOMPARE(
            call(QStringLiteral("GET"), QStringLiteral("/api/jobs"), QStringLiteral("mpt_nonsense")).status,
            401);
    }

    void getShowsTheJobAndItsLog()
    {
        const Reply r = call(QStringLiteral("GET"), path(m_failed), m_reader);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(r.body.value(QStringLiteral("last_error")).toString(), QStringLiteral("smtp down"));
        const QJsonArray log = r.body.value(QStringLiteral("log")).toArray();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().toObject().value(QStringLiteral("line")).toString(),
                 QStringLiteral("attempt 1 failed: smtp down"));
        const Reply related = call(QStringLiteral("GET"), path(m_queued), m_reader);
        QCOMPARE(
            related.body.value(QStringLiteral("related")).toObject().value(QStringLiteral("id")).toString(),
            QStringLiteral("42"));
    }

    void anotherTenantsJobIsNotFound()
    {
        QCOMPARE(call(QStringLiteral("GET"), path(m_foreign), m_admin).status, 404);
        QCOMPARE(call(QStringLiteral("POST"), path(m_foreign, QStringLiteral("/retry")), m_admin).status,
                 404);
        QCOMPARE(call(QStringLiteral("POST"), path(m_foreign, QStringLiteral("/cancel")), m_admin).status,
                 404);
        QCOMPARE(call(QStringLiteral("GET"), path(m_foreign), m_otherAdmin).status, 200);
        QCOMPARE(call(QStringLiteral("GET"), path(999999), m_admin).status, 404);
    }

    void badIdsAndBodiesAre400()
    {
        Reply r = call(QStringLiteral("GET"), QStringLiteral("/api/jobs/abc"), m_admin);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_id"));
        QCOMPARE(call(QStringLiteral("POST"), QStringLiteral("/api/jobs/-1/retry"), m_admin).status, 400);
        QCOMPARE(
            call(QStringLiteral("POST"), QStringLiteral("/api/jobs/99999999999999999999/cancel"), m_admin)
                .status,
            400);
        r = call(QStringLiteral("POST"), path(m_failed, QStringLiteral("/retry")), m_admin, "{not json");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("malformed_json"));
        r = call(QStringLiteral("POST"), path(m_failed, QStringLiteral("/retry")), m_admin,
                 R"({"force": true})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("unknown_field"));
    }

    void retryAndCancel()
    {
        // Read-only staff may look but not act.
        QCOMPARE(call(QStringLiteral("POST"), path(m_failed, QStringLiteral("/retry")), m_reader).status,
                 403);

        Reply r = call(QStringLiteral("POST"), path(m_failed, QStringLiteral("/retry")), m_admin, "{}");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QStringLiteral("status")).toString(), QStringLiteral("queued"));

        r = call(QStringLiteral("POST"), path(m_completed, QStringLiteral("/retry")), m_admin);
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_transition"));

        r = call(QStringLiteral("POST"), path(m_queued, QStringLiteral("/cancel")), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(call(QStringLiteral("POST"), path(m_queued, QStringLiteral("/cancel")), m_admin).status,
                 409);

        // Both actions are in the job's log, with who did them.
        r = call(QStringLiteral("GET"), path(m_queued), m_reader);
        const QJsonArray log = r.body.value(QStringLiteral("log")).toArray();
        QCOMPARE(log.size(), 1);
        QVERIFY(log.first()
                    .toObject()
                    .value(QStringLiteral("line"))
                    .toString()
                    .startsWith(QStringLiteral("cancelled by staff token ")));
    }
};

QTEST_GUILESS_MAIN(TestJobsApi)
#include "tst_jobs_api.moc"
