// The SSL module end to end in one process: the REST API, the job engine, a real Pebble on
// loopback (tests/servers/pebble-server) validating HTTP-01 against the service's own
// /.well-known/acme-challenge/ route, and an ARI stand-in. Issuance with the chain verified by
// openssl, the renewal scheduled at two thirds of the lifetime and carried out, the expiry
// warning announced, revocation seen by Pebble, ARI moving the renewal, a failed challenge
// recorded in words, bad input refused, and a retried issue job that resumes its order instead
// of placing a second one.
#include "core/config.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/job_context.h"
#include "ssl/ssl_jobs.h"
#include "support/ari_standin.h"
#include "support/dns_test_engine.h"
#include "support/pebble_server.h"
#include "support/script_server.h"
#include "support/service_fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTemporaryDir>

#include <atomic>
#include <thread>

using namespace mp;

namespace {

constexpr int kValidityDays = 10;
const QByteArray kSecret = QByteArray(32, 'k').toBase64();

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QDateTime at(const QJsonObject &o, const char *key)
{
    return QDateTime::fromString(str(o, key), Qt::ISODateWithMs);
}

quint16 freePort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort();
}

// A serial as hex without separators or leading zeros, as OpenSSL and Qt may each write it.
QString bareSerial(QString serial)
{
    serial = serial.remove(u':').toLower();
    while (serial.startsWith(u'0'))
        serial.remove(0, 1);
    return serial;
}

QByteArray runTool(const QString &program, const QStringList &args)
{
    QProcess p;
    p.setStandardInputFile(QProcess::nullDevice());
    p.start(program, args);
    p.waitForFinished(20000);
    return p.readAllStandardOutput();
}

} // namespace

class TestSslCertificates : public QObject {
    Q_OBJECT

    test::ServiceFixture m_api;
    test::PebbleServer m_pebble;
    test::ScriptServer m_nginx{QStringLiteral("nginx")};
    quint16 m_siteHttp = 0, m_siteHttps = 0; // where the install target's server blocks listen
    std::unique_ptr<JobEngine> m_engine;
    QTemporaryDir m_tmp;
    QString m_tenant, m_staff, m_aliceToken, m_alice, m_bobToken;
    int m_runs = 0;

    QJsonObject detail(const QString &id, const QString &token = {})
    {
        return m_api
            .call("GET", QStringLiteral("/api/ssl/certificates/") + id, token.isEmpty() ? m_staff : token)
            .json();
    }

    QString request(const QStringList &names, const QString &customerId = {})
    {
        QJsonObject body{{QStringLiteral("names"), QJsonArray::fromStringList(names)}};
        if (!customerId.isEmpty())
            body.insert(QStringLiteral("customer_id"), customerId);
        const auto r = m_api.call("POST", QStringLiteral("/api/ssl/certificates"), m_staff, body);
        if (r.status != 202)
            qWarning("expected 202, got %d %s", r.status, r.body.constData());
        return str(r.json().value(QStringLiteral("certificate")).toObject(), "id");
    }

    // Waits until the certificate's status is `status` (the engine runs the jobs).
    QJsonObject waitForStatus(const QString &id, const QString &status, int timeoutMs = 40000)
    {
        QJsonObject c;
        for (int waited = 0; waited < timeoutMs; waited += 50) {
            c = detail(id);
            if (str(c, "status") == status)
                return c;
            QTest::qWait(50);
        }
        qWarning("certificate %s is %s, not %s: %s", qPrintable(id), qPrintable(str(c, "status")),
                 qPrintable(status), QJsonDocument(c).toJson().constData());
        return c;
    }

    QString jobStatusWhenDone(qint64 id)
    {
        QString status;
        for (int waited = 0; waited < 30000; waited += 50) {
            status = m_api.text(QStringLiteral("SELECT status::text FROM jobs WHERE id = ?"), {id});
            if (status == QLatin1String("completed") || status == QLatin1String("dead"))
                return status;
            QTest::qWait(50);
        }
        return QStringLiteral("still ") + status;
    }

    // One run of ssl.issue for `id` as a worker makes it, in its own tenant transaction that
    // commits when the handler succeeds. The main thread's event loop keeps turning meanwhile:
    // the service answers the CA's HTTP-01 requests on it.
    Status runIssueOnce(const QString &id)
    {
        std::atomic_bool done = false;
        Status status;
        const QString name = QStringLiteral("ssl-run-%1").arg(++m_runs);
        std::thread worker([&] {
            {
                auto db = sql::open(m_api.settings(), name);
                if (!db) {
                    status = db.error();
                } else {
                    auto tx = TenantTransaction::begin(*db, m_tenant);
                    if (!tx) {
                        status = tx.error();
                    } else {
                        JobContext ctx(0, m_tenant, QStringLiteral("ssl.issue"),
                                       QJsonObject{{QStringLiteral("certificate_id"), id}}, 1, 10, {},
                                       [&tx]() -> Result<QSqlDatabase> { return tx->db(); });
                        status = ssl::issueCertificate(ctx);
                        if (status) {
                            if (auto c = tx->commit(); !c)
                                status = c;
                        } else {
                            tx->rollback();
                        }
                    }
                    db->close();
                }
            }
            QSqlDatabase::removeDatabase(name);
            done = true;
        });
        while (!done)
            QTest::qWait(20);
        worker.join();
        return status;
    }

    QString pemFile(const QString &pem)
    {
        const QString path = m_tmp.filePath(QStringLiteral("cert-%1.pem").arg(++m_runs));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(pem.toUtf8());
        return path;
    }

    // The serial of the certificate nginx serves for `name` (`openssl s_client`), bare.
    QString servedSerial(const QString &name)
    {
        const QByteArray out =
            runTool(QStringLiteral("openssl"),
                    {QStringLiteral("s_client"), QStringLiteral("-connect"),
                     QStringLiteral("127.0.0.1:%1").arg(m_siteHttps), QStringLiteral("-servername"), name});
        const auto chain = QSslCertificate::fromData(out, QSsl::Pem);
        return chain.isEmpty() ? QString() : bareSerial(QString::fromLatin1(chain.first().serialNumber()));
    }

    // "<status> <Location>" nginx answers a plain HTTP request for `name` with (curl).
    QString httpAnswer(const QString &name, const QString &path)
    {
        return QString::fromLatin1(runTool(
            QStringLiteral("curl"), {QStringLiteral("-s"), QStringLiteral("-o"), QStringLiteral("/dev/null"),
                                     QStringLiteral("-w"), QStringLiteral("%{http_code} %{redirect_url}"),
                                     QStringLiteral("-H"), QStringLiteral("Host: ") + name,
                                     QStringLiteral("http://127.0.0.1:%1%2").arg(m_siteHttp).arg(path)}));
    }

    void startEngine()
    {
        m_engine = test::startDnsTestEngine(m_api.settings());
        QVERIFY(m_engine);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MPANEL_LOG", "off");
        qputenv("MPANEL_SSL_KEY_SECRET", kSecret);
        qputenv("MPANEL_ACME_POLL_MS", "100");
        m_api.start(QStringLiteral("ssl"));
        test::PebbleServer::Options options;
        options.http01Port = m_api.port(); // the service's own route answers the CA
        options.certificateValiditySeconds = kValidityDays * 86400;
        const Status started = m_pebble.start(options);
        QVERIFY2(started.ok(), qPrintable(started.error().message));
        qputenv("MPANEL_ACME_DIRECTORY_URL", m_pebble.directoryUrl().toUtf8());
        qputenv("MPANEL_ACME_CA_CERTIFICATES", m_pebble.tlsCaFile().toUtf8());

        // The shipped install target on a real nginx, which includes DIR/sites/*.conf.
        const Status nginx = m_nginx.start();
        QVERIFY2(nginx.ok(), nginx.ok() ? "" : qPrintable(nginx.error().message));
        m_siteHttp = freePort();
        m_siteHttps = freePort();
        QVERIFY(m_siteHttp && m_siteHttps && m_siteHttp != m_siteHttps);
        const QString dir = m_nginx.directory();
        qputenv("MPANEL_SSL_TARGET", "nginx");
        qputenv("MPANEL_SSL_NGINX_DIR", (dir + QStringLiteral("/sites")).toUtf8());
        qputenv(
            "MPANEL_SSL_NGINX_RELOAD",
            QStringLiteral("nginx -p %1 -e %1/logs/error.log -c %1/nginx.conf -s reload").arg(dir).toUtf8());
        qputenv("MPANEL_SSL_NGINX_HTTP_LISTEN", QStringLiteral("127.0.0.1:%1").arg(m_siteHttp).toUtf8());
        qputenv("MPANEL_SSL_NGINX_HTTPS_LISTEN", QStringLiteral("127.0.0.1:%1").arg(m_siteHttps).toUtf8());
        if (runTool(QStringLiteral("id"), {QStringLiteral("-u")}).trimmed() == "0")
            qputenv("MPANEL_SSL_NGINX_KEY_GROUP", "www-data"); // the script runs nginx as www-data

        m_tenant = m_api.tenant(QStringLiteral("SSL Co"));
        m_staff = m_api.staffToken(m_tenant);
        auto alice = m_api.signUp(m_tenant, QStringLiteral("Alice"), QStringLiteral("alice@example.com"));
        m_aliceToken = alice.first;
        m_alice = alice.second;
        m_bobToken = m_api.signUp(m_tenant, QStringLiteral("Bob"), QStringLiteral("bob@example.com")).first;
    }

    void badInputIsRefusedByField()
    {
        const auto post = [this](const QJsonObject &body, const QString &token = {}) {
            return m_api.call("POST", QStringLiteral("/api/ssl/certificates"),
                              token.isEmpty() ? m_staff : token, body);
        };
        auto r = post({{QStringLiteral("names"), QJsonArray{QStringLiteral("*.shop.test")}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorCode(r), QStringLiteral("ssl_wildcard_needs_dns01"));
        QCOMPARE(test::errorField(r), QStringLiteral("names[0]"));
        r = post({{QStringLiteral("names"),
                   QJsonArray{QStringLiteral("ok.shop.test"), QStringLiteral("bad_name.test")}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorCode(r), QStringLiteral("ssl_invalid_name"));
        QCOMPARE(test::errorField(r), QStringLiteral("names[1]"));
        r = post({{QStringLiteral("names"), QJsonArray{}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("names"));
        r = post({{QStringLiteral("names"), QJsonArray{QStringLiteral("x.test")}},
                  {QStringLiteral("challenge"), QStringLiteral("tls-sni-01")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(test::errorField(r), QStringLiteral("challenge"));
        r = post(
            {{QStringLiteral("names"), QJsonArray{QStringLiteral("x.test")}}, {QStringLiteral("bogus"), 1}});
        QCOMPARE(r.status, 400);
        r = post({{QStringLiteral("names"), QJsonArray{QStringLiteral("x.test")}}}, m_aliceToken);
        QCOMPARE(r.status, 403);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM ssl_certificates")), 0);
    }

    void aRetriedIssueResumesItsOrder()
    {
        const QString id = request({QStringLiteral("resume.shop.test")});
        QVERIFY(!id.isEmpty());
        // First run: the order and its key are recorded, nothing else.
        Status run = runIssueOnce(id);
        QVERIFY2(run.ok(), run ? "" : qPrintable(run.error().message));
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT orders_placed FROM ssl_certificates WHERE id = ?"), {id}), 1);
        const QString orderUrl =
            m_api.text(QStringLiteral("SELECT order_url FROM ssl_certificates WHERE id = ?"), {id});
        QVERIFY(orderUrl.startsWith(QLatin1String("https://127.0.0.1:")));
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM ssl_http_challenges WHERE certificate_id = ?"),
                         {id}),
            0);
        // The same job again (a retry): it publishes the answers for the recorded order.
        run = runIssueOnce(id);
        QVERIFY2(run.ok(), run ? "" : qPrintable(run.error().message));
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM ssl_http_challenges WHERE certificate_id = ?"),
                         {id}),
            1);
        const QString token = m_api.text(
            QStringLiteral("SELECT token FROM ssl_http_challenges WHERE certificate_id = ?"), {id});
        const auto served =
            m_api.raw("GET", QStringLiteral("/.well-known/acme-challenge/") + token, QString());
        QCOMPARE(served.status, 200);
        QVERIFY(served.body.startsWith(token.toUtf8() + '.'));
        // A run that fails (the service's key is not the one the keys were sealed with) changes
        // nothing; its retry finishes the same order.
        qputenv("MPANEL_SSL_KEY_SECRET", QByteArray(32, 'x').toBase64());
        run = runIssueOnce(id);
        qputenv("MPANEL_SSL_KEY_SECRET", kSecret);
        QVERIFY(!run.ok());
        QCOMPARE(run.error().code, QStringLiteral("ssl_key_vault"));
        run = runIssueOnce(id);
        QVERIFY2(run.ok(), run ? "" : qPrintable(run.error().message));
        const QJsonObject c = detail(id);
        QCOMPARE(str(c, "status"), QStringLiteral("valid"));
        QCOMPARE(c.value(QStringLiteral("orders_placed")).toInt(), 1);
        QCOMPARE(m_pebble.verify(pemFile(str(c, "certificate_pem"))), QString());
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM ssl_http_challenges WHERE certificate_id = ?"),
                         {id}),
            0);
        // Once issued, another run orders nothing.
        run = runIssueOnce(id);
        QVERIFY(run.ok());
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT orders_placed FROM ssl_certificates WHERE id = ?"), {id}), 1);
    }

    void aFailedChallengeIsRecordedInWords()
    {
        const QString id = request({QStringLiteral("unserved.shop.test")});
        QVERIFY(runIssueOnce(id).ok()); // order
        QVERIFY(runIssueOnce(id).ok()); // answers published
        m_api.exec(QStringLiteral(
                       "UPDATE ssl_http_challenges SET key_authorization = 'wrong' WHERE certificate_id = ?"),
                   {id});
        const Status run = runIssueOnce(id); // the CA reads the wrong answer
        QVERIFY2(run.ok(), run ? "" : qPrintable(run.error().message));
        const QJsonObject c = detail(id);
        QCOMPARE(str(c, "status"), QStringLiteral("failed"));
        const QString error = str(c, "last_error");
        QVERIFY2(error.contains(
                     QLatin1String("the http-01 challenge for unserved.shop.test was refused by the CA: ")),
                 qPrintable(error));
        QCOMPARE(c.value(QStringLiteral("order_url")), QJsonValue(QJsonValue::Null));
    }

    void fiftyCertificatesAreStaggeredWithinTheLimit()
    {
        // A tenant asks for 50 at once; the CA allows 20 new orders per 3 hours.
        qputenv("MPANEL_ACME_ORDERS_PER_WINDOW", "20");
        const QString tenant = m_api.tenant(QStringLiteral("Bulk Co"));
        const QString staff = m_api.staffToken(tenant);
        QStringList ids;
        for (int i = 0; i < 50; ++i) {
            const auto r = m_api.call(
                "POST", QStringLiteral("/api/ssl/certificates"), staff,
                {{QStringLiteral("names"), QJsonArray{QStringLiteral("site%1.bulk.test").arg(i)}}});
            QCOMPARE(r.status, 202);
            ids << str(r.json().value(QStringLiteral("certificate")).toObject(), "id");
        }
        qunsetenv("MPANEL_ACME_ORDERS_PER_WINDOW");
        // The queue shows when each will be tried: its issue job runs then.
        QList<QDateTime> slots;
        for (const QString &id : std::as_const(ids)) {
            const QJsonObject c =
                m_api.call("GET", QStringLiteral("/api/ssl/certificates/") + id, staff).json();
            const QDateTime slot = at(c, "next_order_at");
            QVERIFY(slot.isValid());
            QCOMPARE(QDateTime::fromString(str(c.value(QStringLiteral("job")).toObject(), "run_at"),
                                           Qt::ISODateWithMs),
                     slot);
            slots << slot;
        }
        std::sort(slots.begin(), slots.end());
        // No window of 3 hours holds more than 20 orders.
        for (int i = 0; i + 20 < slots.size(); ++i)
            QVERIFY2(slots.at(i).secsTo(slots.at(i + 20)) >= 3 * 3600,
                     qPrintable(QStringLiteral("orders %1 and %2 within 3 h").arg(i).arg(i + 20)));
        // And none waits longer than it must: 20 now, 20 three hours on, 10 six hours on.
        const QDateTime first = slots.first();
        QVERIFY(first.secsTo(slots.at(19)) < 600);
        QVERIFY(qAbs(first.secsTo(slots.at(20)) - 3 * 3600) < 600);
        QVERIFY(qAbs(first.secsTo(slots.at(49)) - 6 * 3600) < 600);
        // Out of the way of the engine the next test starts.
        m_api.exec(QStringLiteral("DELETE FROM jobs WHERE tenant_id = ?::uuid"), {tenant});
    }

    void issuesRenewsAndWarnsThroughTheEngine()
    {
        startEngine();
        const QString id = request({QStringLiteral("www.shop.test"), QStringLiteral("shop.test")}, m_alice);
        QJsonObject c = waitForStatus(id, QStringLiteral("valid"));
        QCOMPARE(str(c, "status"), QStringLiteral("valid"));
        QCOMPARE(m_pebble.verify(pemFile(str(c, "certificate_pem"))), QString());
        QCOMPARE(c.value(QStringLiteral("orders_placed")).toInt(), 1);
        QCOMPARE(str(c.value(QStringLiteral("job")).toObject(), "status"), QStringLiteral("completed"));
        QVERIFY(!str(c, "issuer").isEmpty());
        const QDateTime notBefore = at(c, "not_before"), notAfter = at(c, "not_after"),
                        renewAt = at(c, "renew_at");
        QVERIFY(qAbs(notBefore.secsTo(notAfter) - kValidityDays * 86400) <= 1);
        // Renewal when a third of the lifetime is left, as a job at that time.
        QVERIFY2(qAbs(notBefore.secsTo(renewAt) - kValidityDays * 86400 * 2 / 3) <= 2,
                 qPrintable(str(c, "renew_at")));
        QCOMPARE(str(c, "renewal_source"), QStringLiteral("lifetime"));
        const qint64 renewJob = m_api.scalar(
            QStringLiteral(
                "SELECT id FROM jobs WHERE kind = 'ssl.renew' AND related_id = ? AND status = 'queued' "
                "AND run_at = ?::timestamptz"),
            {id, renewAt});
        QVERIFY(renewJob > 0);
        const qint64 warnJob = m_api.scalar(
            QStringLiteral(
                "SELECT id FROM jobs WHERE kind = 'ssl.expiry_warning' AND related_id = ? AND status = "
                "'queued' AND run_at = ?::timestamptz"),
            {id, notAfter.addDays(-7)});
        QVERIFY(warnJob > 0);
        // The install target serves it, and sends plain HTTP to HTTPS.
        const QString issuedSerial = bareSerial(str(c, "serial"));
        QTRY_COMPARE_WITH_TIMEOUT(servedSerial(QStringLiteral("www.shop.test")), issuedSerial, 30000);
        QCOMPARE(servedSerial(QStringLiteral("shop.test")), issuedSerial);
        QCOMPARE(httpAnswer(QStringLiteral("www.shop.test"), QStringLiteral("/page?x=1")),
                 QStringLiteral("301 https://www.shop.test/page?x=1"));
        QTRY_COMPARE_WITH_TIMEOUT(str(detail(id), "installed_serial"), str(c, "serial"), 10000);

        // The key is stored sealed, never as PEM.
        const QString sealed =
            m_api.text(QStringLiteral("SELECT private_key_sealed FROM ssl_certificates WHERE id = ?"), {id});
        QVERIFY(sealed.startsWith(QLatin1String("sb1:")));
        QVERIFY(!sealed.contains(QLatin1String("PRIVATE KEY")));
        QVERIFY(!c.contains(QStringLiteral("private_key_sealed")));

        // Customers see their own.
        auto mine = m_api.call("GET", QStringLiteral("/api/ssl/certificates"), m_aliceToken).json();
        QCOMPARE(mine.value(QStringLiteral("items")).toArray().size(), 1);
        auto theirs = m_api.call("GET", QStringLiteral("/api/ssl/certificates"), m_bobToken).json();
        QCOMPARE(theirs.value(QStringLiteral("items")).toArray().size(), 0);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/ssl/certificates/") + id, m_bobToken).status, 404);
        QCOMPARE(m_api.raw("GET", QStringLiteral("/.well-known/acme-challenge/nosuchtoken0000000"), QString())
                     .status,
                 404);

        // The renewal job's time comes: a new certificate replaces the old one.
        const QString oldSerial = str(c, "serial");
        m_api.exec(QStringLiteral("UPDATE jobs SET run_at = now() WHERE id = ?"), {renewJob});
        QCOMPARE(jobStatusWhenDone(renewJob), QStringLiteral("completed"));
        for (int waited = 0;
             waited < 40000 && (str(c, "serial") == oldSerial || str(c, "status") != QLatin1String("valid"));
             waited += 50) {
            QTest::qWait(50);
            c = detail(id);
        }
        QCOMPARE(str(c, "status"), QStringLiteral("valid"));
        QVERIFY(str(c, "serial") != oldSerial);
        QCOMPARE(c.value(QStringLiteral("orders_placed")).toInt(), 2);
        QVERIFY(at(c, "not_after") >= notAfter);
        QCOMPARE(m_pebble.verify(pemFile(str(c, "certificate_pem"))), QString());
        // nginx serves the new one.
        QTRY_COMPARE_WITH_TIMEOUT(servedSerial(QStringLiteral("www.shop.test")), bareSerial(str(c, "serial")),
                                  30000);

        // The old certificate's warning is stale now; the new one's announces the expiry.
        m_api.exec(QStringLiteral("UPDATE jobs SET run_at = now() WHERE id = ?"), {warnJob});
        QCOMPARE(jobStatusWhenDone(warnJob), QStringLiteral("completed"));
        QCOMPARE(m_api.scalar(QStringLiteral(
                     "SELECT count(*) FROM email_outbox WHERE template = 'certificate.expiring'")),
                 0);
        const qint64 newWarn =
            m_api.scalar(QStringLiteral("SELECT id FROM jobs WHERE kind = 'ssl.expiry_warning' AND "
                                        "related_id = ? AND status = 'queued'"),
                         {id});
        QVERIFY(newWarn > 0);
        m_api.exec(QStringLiteral("UPDATE jobs SET run_at = now() WHERE id = ?"), {newWarn});
        QCOMPARE(jobStatusWhenDone(newWarn), QStringLiteral("completed"));
        QCOMPARE(m_api.scalar(QStringLiteral(
                     "SELECT count(*) FROM email_outbox WHERE template = 'certificate.expiring' "
                     "AND payload->>'domain' = 'www.shop.test'")),
                 1);
    }

    // RFC 8555 keyChange through the API and a job; the revocation and issuance below are signed
    // with the new key.
    void theAccountKeyRollsOver()
    {
        const auto account = [this](const char *column) {
            return m_api.text(QStringLiteral("SELECT %1 FROM ssl_acme_accounts WHERE tenant_id = ?::uuid")
                                  .arg(QLatin1String(column)),
                              {m_tenant});
        };
        const QString keyBefore = account("account_key_sealed"), url = account("account_url");
        QVERIFY(!url.isEmpty());
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/ssl/account/key-rollover"), m_aliceToken).status,
                 403);
        const auto r = m_api.call("POST", QStringLiteral("/api/ssl/account/key-rollover"), m_staff);
        QCOMPARE(r.status, 202);
        QTRY_VERIFY_WITH_TIMEOUT(!account("key_rolled_at").isEmpty(), 30000);
        QVERIFY(account("account_key_sealed") != keyBefore);
        QCOMPARE(account("account_url"), url);
        QCOMPARE(account("next_key_sealed"), QString());
    }

    void revokes()
    {
        const QString id = request({QStringLiteral("revoke.shop.test")});
        QJsonObject c = waitForStatus(id, QStringLiteral("valid"));
        QCOMPARE(m_pebble.certificateStatus(str(c, "serial")), QStringLiteral("Valid"));
        auto r = m_api.call("POST", QStringLiteral("/api/ssl/certificates/%1/revoke").arg(id), m_staff);
        QCOMPARE(r.status, 202);
        QCOMPARE(jobStatusWhenDone(r.json().value(QStringLiteral("job_id")).toInteger()),
                 QStringLiteral("completed"));
        c = detail(id);
        QCOMPARE(str(c, "status"), QStringLiteral("revoked"));
        QVERIFY(at(c, "revoked_at").isValid());
        QCOMPARE(m_pebble.certificateStatus(str(c, "serial")), QStringLiteral("Revoked"));
        r = m_api.call("POST", QStringLiteral("/api/ssl/certificates/%1/revoke").arg(id), m_staff);
        QCOMPARE(r.status, 409);
        r = m_api.call("POST", QStringLiteral("/api/ssl/certificates/%1/renew").arg(id), m_staff);
        QCOMPARE(r.status, 409);
    }

    void ariMovesTheRenewal()
    {
        test::AriStandIn ari;
        QVERIFY(ari.start(m_pebble.directoryJson()));
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(2);
        ari.setWindow(start, start.addSecs(3600));
        qputenv("MPANEL_ACME_DIRECTORY_URL", ari.directoryUrl().toUtf8());
        const QString id = request({QStringLiteral("ari.shop.test")});
        const QJsonObject c = waitForStatus(id, QStringLiteral("valid"));
        qputenv("MPANEL_ACME_DIRECTORY_URL", m_pebble.directoryUrl().toUtf8());
        QCOMPARE(str(c, "status"), QStringLiteral("valid"));
        QCOMPARE(str(c, "renewal_source"), QStringLiteral("ari"));
        const QDateTime renewAt = at(c, "renew_at");
        QVERIFY2(renewAt >= start.addMSecs(-1) && renewAt <= start.addSecs(3600),
                 qPrintable(str(c, "renew_at")));
        QCOMPARE(ari.askedIds(), QStringList{str(c, "ari_id")});
        QVERIFY(m_api.scalar(
                    QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'ssl.renew' AND related_id = ? "
                                   "AND run_at = ?::timestamptz"),
                    {id, renewAt}) == 1);
    }

    void cleanupTestCase()
    {
        test::stopTestEngine(m_engine);
        m_pebble.stop();
        m_nginx.stop();
    }
};

QTEST_MAIN(TestSslCertificates)
#include "tst_ssl_certificates.moc"
