// What an outside attack run found, each answered with a 4xx naming the field instead of a 500,
// over the real HTTP server: ids with trailing junk, NUL and lone surrogates in the URL and in
// bodies, over-long text, bounds the document declares, overlapping IP pools, Stripe events the
// database cannot hold, bodies too large to read, and clients too slow to wait for.
#include "core/json_log.h"
#include "db/sql.h"
#include "http/http_server.h"
#include "support/service_fixture.h"
#include "support/stripe_events.h"

#include <QElapsedTimer>

#include <QTcpSocket>
#include <cstdio>

using namespace mp;
using namespace mp::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject clusterBody(const QString &name)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("api_base"), QStringLiteral("https://%1.example.net:8006/api2/json").arg(name)},
            {QStringLiteral("token_id"), QStringLiteral("mpanel@pve!prov")},
            {QStringLiteral("token_secret"), QStringLiteral("pve-secret-of-%1").arg(name)}};
}

QJsonObject poolBody(const QString &cluster, const QString &name, const QString &first, const QString &last)
{
    return {{QStringLiteral("cluster_id"), cluster},
            {QStringLiteral("name"), name},
            {QStringLiteral("first_address"), first},
            {QStringLiteral("last_address"), last},
            {QStringLiteral("gateway"), QStringLiteral("10.9.0.1")}};
}

// What a raw client reads until the server closes the connection or `timeoutMs` pass.
struct RawAnswer {
    QByteArray bytes;
    bool closed = false;
    int status() const { return bytes.startsWith("HTTP/1.1 ") ? bytes.mid(9, 3).toInt() : 0; }
    QJsonObject json() const
    {
        const qsizetype start = bytes.indexOf("\r\n\r\n");
        return QJsonDocument::fromJson(bytes.mid(start + 4)).object();
    }
};

// The service runs in this thread: wait with its event loop turning.
RawAnswer readUntilClosed(QTcpSocket &socket, int timeoutMs)
{
    RawAnswer out;
    (void)QTest::qWaitFor(
        [&] {
            out.bytes += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        timeoutMs);
    out.bytes += socket.readAll();
    out.closed = socket.state() == QAbstractSocket::UnconnectedState;
    return out;
}

} // namespace

class TestApiHardening : public QObject {
    Q_OBJECT

    ServiceFixture m_api;
    QString m_tenant, m_staff, m_customer, m_customerToken;
    QList<QByteArray> m_log; // every line the service logged while this test ran

    void captureLog()
    {
        JsonLog::setSink([this](const QByteArray &line) {
            m_log.append(line);
            std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
            std::fputc('\n', stderr);
        });
    }

    QString cluster(const QString &name)
    {
        const auto r =
            m_api.call("POST", QStringLiteral("/api/proxmox/clusters"), m_staff, clusterBody(name));
        if (r.status != 201)
            qWarning() << r.status << r.body;
        return str(r.json(), "id");
    }

    QJsonObject invoiceBody(const QJsonValue &description, const QJsonValue &quantity = 1)
    {
        return {{QStringLiteral("customer_id"), m_customer},
                {QStringLiteral("items"),
                 QJsonArray{QJsonObject{{QStringLiteral("description"), description},
                                        {QStringLiteral("quantity"), quantity},
                                        {QStringLiteral("unit_price"), QStringLiteral("1.00")}}}}};
    }

    QTcpSocket *connectRaw(QTcpSocket &socket, const QHostAddress &from = {})
    {
        if (!from.isNull() && !socket.bind(from))
            return nullptr;
        socket.connectToHost(QHostAddress::LocalHost, m_api.port());
        if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
            return nullptr;
        return &socket;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Config config;
        config.set(QStringLiteral("MPANEL_STRIPE_WEBHOOK_SECRET"), QString::fromLatin1(kWebhookSecret));
        m_api.setConfig(config);
        captureLog();
        m_api.start(QStringLiteral("hardening"));
        m_tenant = m_api.tenant(QStringLiteral("Hardening Co"));
        m_staff = m_api.staffToken(m_tenant);
        const auto [token, customer] =
            m_api.signUp(m_tenant, QStringLiteral("Mallory"), QStringLiteral("mallory@example.com"));
        m_customerToken = token;
        m_customer = customer;
        QVERIFY(!m_customer.isEmpty());
    }

    void ipPoolWithoutDnsServers()
    {
        const QString c = cluster(QStringLiteral("nodns"));
        const auto r = m_api.call(
            "POST", QStringLiteral("/api/ip-pools"), m_staff,
            poolBody(c, QStringLiteral("nodns"), QStringLiteral("10.9.0.10"), QStringLiteral("10.9.0.20")));
        QCOMPARE(r.status, 201);
        QCOMPARE(str(r.json(), "dns_servers"), QString());
    }

    void ipPoolsDoNotOverlapWithinACluster()
    {
        const QString a = cluster(QStringLiteral("overlap-a"));
        const QString b = cluster(QStringLiteral("overlap-b"));
        const auto pool = [&](const QString &c, const QString &name, const char *first, const char *last) {
            return m_api.call("POST", QStringLiteral("/api/ip-pools"), m_staff,
                              poolBody(c, name, QLatin1String(first), QLatin1String(last)));
        };
        QCOMPARE(pool(a, QStringLiteral("a1"), "10.9.0.10", "10.9.0.20").status, 201);
        for (const auto &[first, last] :
             {std::pair{"10.9.0.10", "10.9.0.20"}, std::pair{"10.9.0.20", "10.9.0.30"},
              std::pair{"10.9.0.2", "10.9.0.10"}, std::pair{"10.9.0.12", "10.9.0.13"}}) {
            const auto r = pool(a, QStringLiteral("a-again"), first, last);
            QCOMPARE(r.status, 409);
            QCOMPARE(errorCode(r), QStringLiteral("ip_pool_overlap"));
            QCOMPARE(errorField(r), QStringLiteral("first_address"));
        }
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM ip_pools WHERE cluster_id = ?::uuid"), {a}), 1);
        QCOMPARE(pool(a, QStringLiteral("a2"), "10.9.0.21", "10.9.0.30").status, 201);
        // The same range on another cluster is another network.
        QCOMPARE(pool(b, QStringLiteral("b1"), "10.9.0.10", "10.9.0.20").status, 201);
    }

    void idsWithTrailingJunkFailTheIdCheck()
    {
        const QString c = cluster(QStringLiteral("junk"));
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/proxmox/clusters/") + c, m_staff).status, 200);
        const auto quote = m_api.call("GET", QStringLiteral("/api/proxmox/clusters/%1'").arg(c), m_staff);
        QCOMPARE(quote.status, 404);
        const auto nul = m_api.raw("GET", QStringLiteral("/api/proxmox/clusters/%1%00").arg(c), m_staff);
        QCOMPARE(nul.status, 404);
        const auto body = m_api.call("POST", QStringLiteral("/api/ip-pools"), m_staff,
                                     poolBody(c + u'\'', QStringLiteral("junk"), QStringLiteral("10.9.1.10"),
                                              QStringLiteral("10.9.1.20")));
        QCOMPARE(body.status, 422);
        QCOMPARE(errorField(body), QStringLiteral("cluster_id"));
        const auto customer =
            m_api.call("GET", QStringLiteral("/api/customers/%1x").arg(m_customer), m_staff);
        QCOMPARE(customer.status, 404);
    }

    void nulInQueryParametersIsRefusedNamingIt()
    {
        for (const auto &[path, field] :
             {std::pair{"/api/cloudpods?node=%00", "node"}, std::pair{"/api/jobs?kind=%00", "kind"},
              std::pair{"/api/invoices?status=a%00b", "status"}}) {
            const auto r = m_api.raw("GET", QLatin1String(path), m_staff);
            QCOMPARE(r.status, 400);
            QCOMPARE(errorField(r), QLatin1String(field));
        }
    }

    void loneSurrogatesAndNulInBodiesAreRefused()
    {
        const QByteArray body =
            QJsonDocument(invoiceBody(QStringLiteral("SURROGATE"))).toJson(QJsonDocument::Compact);
        for (const QByteArray &bad :
             {QByteArrayLiteral("\\ud800"), QByteArrayLiteral("a\\udc00b"), QByteArrayLiteral("x\\u0000y")}) {
            const auto r =
                m_api.raw("POST", QStringLiteral("/api/invoices"), m_staff,
                          QByteArray(body).replace("SURROGATE", bad), {{"Content-Type", "application/json"}});
            QCOMPARE(r.status, 422);
            QCOMPARE(errorCode(r), QStringLiteral("invalid_text"));
            QCOMPARE(errorField(r), QStringLiteral("items[0].description"));
        }
        // A proper pair (U+1F600) is text.
        const auto ok = m_api.raw("POST", QStringLiteral("/api/invoices"), m_staff,
                                  QByteArray(body).replace("SURROGATE", "\\ud83d\\ude00"),
                                  {{"Content-Type", "application/json"}});
        QCOMPARE(ok.status, 201);
    }

    void overLongStringsAreRefusedNamingTheField()
    {
        QJsonObject c = clusterBody(QStringLiteral("long"));
        c.insert(QStringLiteral("token_secret"), QString(100000, u'x'));
        auto r = m_api.call("POST", QStringLiteral("/api/proxmox/clusters"), m_staff, c);
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("token_secret"));
        c.insert(QStringLiteral("token_secret"), QString(501, u'x'));
        QCOMPARE(errorField(m_api.call("POST", QStringLiteral("/api/proxmox/clusters"), m_staff, c)),
                 QStringLiteral("token_secret"));

        r = m_api.call("POST", QStringLiteral("/api/invoices"), m_staff,
                       invoiceBody(QStringLiteral("Consulting")));
        QCOMPARE(r.status, 201);
        const QString invoice = str(r.json(), "id");
        r = m_api.call("PATCH", QStringLiteral("/api/invoices/") + invoice, m_staff,
                       {{QStringLiteral("status"), QStringLiteral("paid")},
                        {QStringLiteral("reason"), QStringLiteral("paid by bank transfer")},
                        {QStringLiteral("payment_method"), QString(10000, u'x')}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("payment_method"));
        QCOMPARE(m_api.text(QStringLiteral("SELECT status FROM invoices WHERE id = ?::uuid"), {invoice}),
                 QStringLiteral("unpaid"));

        // A field without a declared maximum still has one: a 10,001-character customer note.
        r = m_api.call("POST", QStringLiteral("/api/cloudpods"), m_staff,
                       {{QStringLiteral("customer_id"), m_customer},
                        {QStringLiteral("template_id"), m_customer},
                        {QStringLiteral("hostname"), QString(10001, u'h')}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorCode(r), QStringLiteral("text_too_long"));
        QCOMPARE(errorField(r), QStringLiteral("hostname"));
    }

    void boundsTheDocumentDeclaresAreEnforced()
    {
        for (const int quantity : {-1, 0}) {
            const auto r = m_api.call("POST", QStringLiteral("/api/invoices"), m_staff,
                                      invoiceBody(QStringLiteral("Refund in disguise"), quantity));
            QCOMPARE(r.status, 422);
            QCOMPARE(errorField(r), QStringLiteral("items[0].quantity"));
        }
        const auto vlan = m_api.call(
            "POST", QStringLiteral("/api/cloudpod-templates"), m_staff,
            {{QStringLiteral("name"), QStringLiteral("vlan0")}, {QStringLiteral("network_vlan"), 0}});
        QCOMPARE(vlan.status, 422);
        QCOMPARE(errorField(vlan), QStringLiteral("network_vlan"));

        // The document says the same.
        const QJsonObject schemas = m_api.call("GET", QStringLiteral("/api/openapi.json"), {})
                                        .json()
                                        .value(QStringLiteral("components"))
                                        .toObject()
                                        .value(QStringLiteral("schemas"))
                                        .toObject();
        const QJsonObject template_ = schemas.value(QStringLiteral("CloudPodTemplateInput"))
                                          .toObject()
                                          .value(QStringLiteral("properties"))
                                          .toObject();
        QCOMPARE(template_.value(QStringLiteral("network_vlan"))
                     .toObject()
                     .value(QStringLiteral("minimum"))
                     .toInt(),
                 1);
        const QJsonObject cluster = schemas.value(QStringLiteral("ProxmoxClusterInput"))
                                        .toObject()
                                        .value(QStringLiteral("properties"))
                                        .toObject();
        QCOMPARE(cluster.value(QStringLiteral("token_secret"))
                     .toObject()
                     .value(QStringLiteral("maxLength"))
                     .toInt(),
                 500);
        QCOMPARE(cluster.value(QStringLiteral("name")).toObject().value(QStringLiteral("maxLength")).toInt(),
                 10000);
    }

    void webhooksTheDatabaseCannotHoldAreStoredOrRefusedForGood()
    {
        const auto send = [this](const QByteArray &body) {
            return m_api.raw("POST", QStringLiteral("/webhooks/stripe"), {}, body,
                             events::signedHeaders(body));
        };
        const auto event = [](const QString &id) {
            return events::body(
                events::envelope(QStringLiteral("customer.updated"),
                                 QJsonObject{{QStringLiteral("id"), QStringLiteral("cus_1")},
                                             {QStringLiteral("object"), QStringLiteral("customer")},
                                             {QStringLiteral("name"), QStringLiteral("PLACEHOLDER")}},
                                 id));
        };
        // Odd text in what customers typed: stored (repaired) and acknowledged, so Stripe stops.
        for (const auto &[id, text] :
             {std::pair{"evt_nul", "a\\u0000b"}, std::pair{"evt_surrogate", "\\ud800"},
              std::pair{"evt_low", "x\\udfffy"}}) {
            const auto r = send(event(QLatin1String(id)).replace("PLACEHOLDER", text));
            QCOMPARE(r.status, 200);
            QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM stripe_events WHERE id = ? "
                                                 "AND payload->'data'->'object'->>'name' LIKE '%\uFFFD%'"),
                                  {QLatin1String(id)}),
                     1);
            QCOMPARE(send(event(QLatin1String(id)).replace("PLACEHOLDER", text))
                         .json()
                         .value(QStringLiteral("duplicate"))
                         .toBool(),
                     true);
        }
        // An id Stripe never sends: refused for good, nothing stored.
        const qint64 before = m_api.scalar(QStringLiteral("SELECT count(*) FROM stripe_events"));
        for (const QByteArray &id : {QByteArray("evt_\\u0000x"), QByteArray("evt_\\ud800"),
                                     QByteArray("evt_") + QByteArray(5000, 'a')}) {
            const auto r = send(event(QStringLiteral("IDHERE")).replace("IDHERE", id));
            QCOMPARE(r.status, 400);
            QCOMPARE(errorField(r), QStringLiteral("id"));
        }
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM stripe_events")), before);
    }

    void bodiesOverTheRouteLimitAreRefusedBeforeReading()
    {
        QTcpSocket socket;
        QVERIFY(connectRaw(socket));
        // 256 MiB announced, 64 KiB sent: the answer comes on the head alone.
        socket.write("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Content-Length: 268435456\r\n\r\n");
        socket.write(QByteArray(64 * 1024, '{'));
        const RawAnswer a = readUntilClosed(socket, 5000);
        QCOMPARE(a.status(), 413);
        QCOMPARE(a.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("body_too_large"));
        QVERIFY(a.closed);

        // The sign-in routes take 16 KiB; the rest of the API the server's 1 MiB.
        QByteArray login = "{\"email\":\"" + QByteArray(20 * 1024, 'a') + "\"}";
        QCOMPARE(m_api.raw("POST", QStringLiteral("/api/auth/login"), {}, login).status, 413);
        QVERIFY(m_api.raw("POST", QStringLiteral("/api/invoices"), m_staff, login).status != 413);

        // A head that never ends.
        QTcpSocket head;
        QVERIFY(connectRaw(head));
        head.write("GET /healthz HTTP/1.1\r\n");
        head.write("X-Filler: " + QByteArray(40 * 1024, 'f') + "\r\n");
        const RawAnswer h = readUntilClosed(head, 5000);
        QCOMPARE(h.status(), 431);
        QVERIFY(h.closed);
    }

    void deepJsonIsRefusedBeforeParsing()
    {
        const QByteArray deep = "{\"customer_id\":\"" + m_customer.toUtf8() +
                                "\",\"items\":" + QByteArray(40, '[') + QByteArray(40, ']') + "}";
        const auto r = m_api.raw("POST", QStringLiteral("/api/invoices"), m_staff, deep);
        QCOMPARE(r.status, 400);
        QCOMPARE(errorCode(r), QStringLiteral("malformed_json"));
        QCOMPARE(errorField(r), QStringLiteral("body"));
        QVERIFY2(r.body.contains("32 levels"), r.body.constData());

        // Brackets inside a string are text, not nesting: that body gets past the depth check.
        const QByteArray text =
            QJsonDocument(invoiceBody(QString(40, u'[') + QString(40, u'{'))).toJson(QJsonDocument::Compact);
        const auto t = m_api.raw("POST", QStringLiteral("/api/invoices"), m_staff, text);
        QVERIFY2(t.status == 201, t.body.constData());
    }

    // Sockets from 127.0.0.2 have their own count, apart from the test client's keep-alive ones.
    void connectionsPerAddressAreCapped()
    {
        ConnectionLimits limits;
        limits.maxConnectionsPerAddress = 3;
        m_api.server().setConnectionLimits(limits);
        const QHostAddress other(QStringLiteral("127.0.0.2"));
        const auto healthOn = [](QTcpSocket &socket) {
            socket.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            QByteArray got;
            (void)QTest::qWaitFor(
                [&] {
                    got += socket.readAll();
                    return got.contains("\r\n\r\n") || socket.state() == QAbstractSocket::UnconnectedState;
                },
                5000);
            return got.startsWith("HTTP/1.1 ") ? got.mid(9, 3).toInt() : 0;
        };

        QTcpSocket held[3];
        for (QTcpSocket &socket : held) {
            QVERIFY(connectRaw(socket, other));
            QCOMPARE(healthOn(socket), 200); // accepted, counted, and kept open
        }
        QTcpSocket fourth;
        QVERIFY(connectRaw(fourth, other));
        const RawAnswer refused = readUntilClosed(fourth, 5000);
        QCOMPARE(refused.status(), 429);
        QCOMPARE(
            refused.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("too_many_connections"));
        QVERIFY(refused.bytes.contains("Retry-After: 1"));
        QVERIFY(refused.closed);
        // Another address is served meanwhile, and the held connections still are.
        QCOMPARE(m_api.raw("GET", QStringLiteral("/healthz"), {}).status, 200);
        QCOMPARE(healthOn(held[0]), 200);

        // A closed connection frees its place.
        held[1].disconnectFromHost();
        QVERIFY(QTest::qWaitFor(
            [&] {
                QTcpSocket again;
                return connectRaw(again, other) && healthOn(again) == 200;
            },
            5000));
        m_api.server().setConnectionLimits(ConnectionLimits());
    }

    void slowAndIdleConnectionsAreClosed()
    {
        ConnectionLimits limits;
        limits.requestTimeoutMs = 400;
        limits.idleTimeoutMs = 400;
        m_api.server().setConnectionLimits(limits);

        QTcpSocket idle, halfHead, slowBody;
        QVERIFY(connectRaw(idle));
        QVERIFY(connectRaw(halfHead));
        QVERIFY(connectRaw(slowBody));
        halfHead.write("GET /healthz HTTP/1.1\r\nHost:");
        slowBody.write("POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"email\":");
        halfHead.flush();
        slowBody.flush();
        // Others are served meanwhile.
        QCOMPARE(m_api.raw("GET", QStringLiteral("/healthz"), {}).status, 200);

        const RawAnswer i = readUntilClosed(idle, 5000);
        QVERIFY(i.closed);
        QVERIFY(i.bytes.isEmpty());
        const RawAnswer h = readUntilClosed(halfHead, 5000);
        QCOMPARE(h.status(), 408);
        QVERIFY(h.closed);
        const RawAnswer s = readUntilClosed(slowBody, 5000);
        QCOMPARE(s.status(), 408);
        QVERIFY(s.closed);

        // A keep-alive connection is served, then closed once idle.
        QTcpSocket keepAlive;
        QVERIFY(connectRaw(keepAlive));
        keepAlive.write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        const RawAnswer k = readUntilClosed(keepAlive, 5000);
        QCOMPARE(k.status(), 200);
        QVERIFY(k.closed);
        m_api.server().setConnectionLimits(ConnectionLimits());
    }

    void qtMessagesAreJsonLinesAndAFailedStatementWarnsNothing()
    {
        QList<QByteArray> lines;
        JsonLog::setSink([&lines](const QByteArray &line) { lines.append(line); });
        const QtMessageHandler previous = JsonLog::captureQtMessages();

        qWarning("a warning from Qt");
        // A prepared statement that fails aborts the transaction; freeing it there used to print
        // "Unable to free statement: ... transaction is aborted".
        QSqlDatabase &db = m_api.db();
        QVERIFY(db.transaction());
        QVERIFY(!sql::exec(db, QStringLiteral("SELECT 1 / (? - ?)"), {1, 1}));
        QVERIFY(!sql::exec(db, QStringLiteral("SELECT ?::int + 1"), {1}));
        QVERIFY(db.rollback());
        auto after = sql::exec(db, QStringLiteral("SELECT ?::int + 2"), {1});
        QVERIFY(after && after->next());
        QCOMPARE(after->value(0).toInt(), 3);

        qInstallMessageHandler(previous);
        captureLog();
        QCOMPARE(lines.size(), 1);
        const QJsonObject line = QJsonDocument::fromJson(lines.first()).object();
        QCOMPARE(str(line, "event"), QStringLiteral("qt_message"));
        QCOMPARE(str(line, "level"), QStringLiteral("warning"));
        QCOMPARE(str(line, "message"), QStringLiteral("a warning from Qt"));
    }

    // Last: nothing this test sent as a secret (tokens, the webhook secret, provider secrets, the
    // over-long ones the service refused, the customer's password) appears in anything the
    // service logged.
    void noSecretInTheLog()
    {
        QVERIFY(m_log.size() > 20);
        const QList<QByteArray> secrets{m_staff.toUtf8(),     m_customerToken.toUtf8(),
                                        kWebhookSecret,       QByteArrayLiteral("pve-secret-of-"),
                                        QByteArray(500, 'x'), QByteArrayLiteral("correct horse battery")};
        for (const QByteArray &line : std::as_const(m_log)) {
            for (const QByteArray &secret : secrets)
                QVERIFY2(!secret.isEmpty() && !line.contains(secret), line.constData());
        }
    }

    void cleanupTestCase() { JsonLog::setSink(nullptr); }
};

QTEST_MAIN(TestApiHardening)
#include "tst_api_hardening.moc"
