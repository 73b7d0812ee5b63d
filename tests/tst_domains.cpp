// The domains module end to end in one process, against the Namesilo emulator (its real wire
// format: /apibatch/<operation>, version/type/key query parameters, the XML envelope and reply
// codes) and a real PowerDNS on loopback for the zone each domain gets: search with the
// catalog's prices in one availability call, a paid order registered exactly once (raced
// activations and racing jobs included), a lost answer and a refusal retried without a second
// registration, renewal through the renewal invoice, transfers in, name servers, DNSSEC DS
// hand-off, and customers kept to their own domains.
#include "db/tenant_transaction.h"
#include "domains/domain.h"
#include "emulators/namesilo_emulator.h"
#include "jobs/job_engine.h"
#include "jobs/jobs.h"
#include "module/service_lifecycle.h"
#include "namesilo/namesilo_client.h"
#include "namesilo/namesilo_errors.h"
#include "support/pdns_server.h"
#include "support/racing_activations.h"
#include "support/service_fixture.h"

#include <QElapsedTimer>
#include <QJsonArray>

using namespace mp;
using mp::test::NamesiloEmulator;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

const QStringList kTlds{QStringLiteral("com"),  QStringLiteral("net"), QStringLiteral("org"),
                        QStringLiteral("io"),   QStringLiteral("dev"), QStringLiteral("app"),
                        QStringLiteral("shop"), QStringLiteral("xyz"), QStringLiteral("info"),
                        QStringLiteral("biz")};

} // namespace

class TestDomains : public QObject {
    Q_OBJECT

    test::ServiceFixture m_api;
    test::PdnsServer m_pdns;
    NamesiloEmulator m_namesilo;
    std::unique_ptr<JobEngine> m_engine;
    QString m_tenant, m_staff, m_alice, m_aliceToken, m_bob, m_bobToken;
    QHash<QString, QString> m_products; // tld -> product id

    void startEngine(int workers = 3)
    {
        JobEngineOptions o;
        o.database = m_api.settings();
        o.workers = workers;
        o.batchSize = 1;
        o.pollIntervalMs = 50;
        o.runSchedules = false;
        o.backoffBaseSeconds = 0.2;
        o.backoffCapSeconds = 0.5;
        m_engine = std::make_unique<JobEngine>(o);
        QVERIFY(m_engine->start().ok());
    }

    void stopEngine()
    {
        if (m_engine)
            m_engine->stop(5000);
        m_engine.reset();
    }

    // A domain product for `tld` with its catalog prices in EUR (deliberately not the
    // registrar's USD cost).
    QString domainProduct(const QString &tld, qint64 registerMinor)
    {
        const QString id = m_api.text(
            QStringLiteral(
                "INSERT INTO products (tenant_id, type, name, visibility, tld) VALUES (?::uuid, 'domain', "
                "?, 'active', ?) RETURNING id::text"),
            {m_tenant, u'.' + tld, tld});
        m_api.exec(
            QStringLiteral(
                "INSERT INTO tld_prices (tenant_id, product_id, action, years, currency, amount_minor) "
                "SELECT ?::uuid, ?::uuid, a, y, 'EUR', CASE a WHEN 'register' THEN ? * y ELSE ? * y END "
                "FROM (VALUES ('register'), ('renew'), ('transfer')) AS x(a), generate_series(1, 10) AS y"),
            {m_tenant, id, registerMinor, registerMinor + 200});
        return id;
    }

    test::HttpResult order(const QString &token, const QString &domain, int years,
                           const QString &action = QStringLiteral("register"))
    {
        const QString tld = domain.section(u'.', 1);
        QJsonObject body{{QStringLiteral("product_id"), m_products.value(tld)},
                         {QStringLiteral("domain"), domain},
                         {QStringLiteral("years"), years}};
        if (action != QLatin1String("register"))
            body.insert(QStringLiteral("domain_action"), action);
        return m_api.call("POST", QStringLiteral("/api/checkout"), token, body);
    }

    void markPaid(const QString &invoice)
    {
        const auto r = m_api.call("PATCH", QStringLiteral("/api/invoices/%1").arg(invoice), m_staff,
                                  {{QStringLiteral("status"), QStringLiteral("paid")},
                                   {QStringLiteral("reason"), QStringLiteral("bank transfer")}});
        if (r.status != 200)
            qFatal("pay: %d %s", r.status, r.body.constData());
    }

    QString domainIdOf(const QString &name)
    {
        return m_api.text(
            QStringLiteral("SELECT id::text FROM domains WHERE name = ? ORDER BY created_at DESC LIMIT 1"),
            {name});
    }

    QString statusOf(const QString &name)
    {
        return m_api.text(
            QStringLiteral("SELECT status FROM domains WHERE name = ? ORDER BY created_at DESC LIMIT 1"),
            {name});
    }

    // Buys `name` for alice and waits until its registration job settled.
    QString buy(const QString &name, int years = 1)
    {
        const auto ordered = order(m_aliceToken, name, years);
        if (ordered.status != 201)
            qFatal("order: %d %s", ordered.status, ordered.body.constData());
        markPaid(str(ordered.json(), "invoice_id"));
        return domainIdOf(name);
    }

    bool settled(const QString &name)
    {
        return m_api.scalar(
                   QStringLiteral("SELECT count(*) FROM jobs j JOIN domains d ON j.related_id = d.id::text "
                                  "WHERE d.name = ? AND j.status::text NOT IN ('completed', 'dead')"),
                   {name}) == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MPANEL_LOG", "off");
        qputenv("MPANEL_NAMESILO_TIMEOUT_MS", "3000");
        qputenv("MPANEL_NAMESILO_RETRY_DELAY_MS", "20");
        qputenv("MPANEL_POWERDNS_RETRY_DELAY_MS", "20");
        qputenv("MPANEL_DOMAINS_TRANSFER_POLL_SECONDS", "1");
        const Status pdns = m_pdns.start();
        QVERIFY2(pdns.ok(), qPrintable(pdns.error().message));
        QVERIFY(m_namesilo.start().ok());
        for (const QString &tld : kTlds)
            m_namesilo.setPrice(tld,
                                {QStringLiteral("10.00"), QStringLiteral("11.00"), QStringLiteral("10.50")});

        // Searches call the registrar from the request's thread, as the service's pool does.
        m_api.setWorkerThreads(2);
        m_api.start(QStringLiteral("domains"));
        m_tenant = m_api.tenant(QStringLiteral("Domains Co"));
        m_staff = m_api.staffToken(m_tenant);
        auto alice =
            m_api.signUp(m_tenant, QStringLiteral("Alice Liddell"), QStringLiteral("alice@example.com"));
        m_aliceToken = alice.first;
        m_alice = alice.second;
        auto bob = m_api.signUp(m_tenant, QStringLiteral("Bob Stone"), QStringLiteral("bob@example.com"));
        m_bobToken = bob.first;
        m_bob = bob.second;

        qint64 minor = 1299;
        for (const QString &tld : kTlds)
            m_products.insert(tld, domainProduct(tld, minor++));

        auto server = m_api.call("POST", QStringLiteral("/api/dns/servers"), m_staff,
                                 {{QStringLiteral("name"), QStringLiteral("sandbox")},
                                  {QStringLiteral("api_base"), m_pdns.apiBase()},
                                  {QStringLiteral("api_key"), m_pdns.apiKey()},
                                  {QStringLiteral("mode"), QStringLiteral("sandbox")}});
        QVERIFY2(server.status == 201, server.body.constData());
        auto settings =
            m_api.call("PUT", QStringLiteral("/api/dns/settings"), m_staff,
                       {{QStringLiteral("nameservers"), QJsonArray{QStringLiteral("ns1.hoster.test."),
                                                                   QStringLiteral("ns2.hoster.test.")}}});
        QVERIFY2(settings.status == 200, settings.body.constData());
        startEngine();
    }

    void cleanupTestCase() { stopEngine(); }

    void registrarAccountKeepsItsKeyWriteOnly()
    {
        const QJsonObject remote{{QStringLiteral("api_base"), QStringLiteral("https://www.namesilo.com/api")},
                                 {QStringLiteral("api_key"), QStringLiteral("k")},
                                 {QStringLiteral("mode"), QStringLiteral("sandbox")}};
        const auto refused = m_api.call("PUT", QStringLiteral("/api/domains/registrar"), m_staff, remote);
        QCOMPARE(refused.status, 422);
        QCOMPARE(test::errorField(refused), QStringLiteral("mode"));
        QCOMPARE(m_api.call("PUT", QStringLiteral("/api/domains/registrar"), m_aliceToken, remote).status,
                 403);

        const auto r = m_api.call("PUT", QStringLiteral("/api/domains/registrar"), m_staff,
                                  {{QStringLiteral("api_base"), m_namesilo.baseUrl().toString()},
                                   {QStringLiteral("api_key"), m_namesilo.apiKey()},
                                   {QStringLiteral("mode"), QStringLiteral("sandbox")}});
        QVERIFY2(r.status == 200, r.body.constData());
        QVERIFY(!r.body.contains(m_namesilo.apiKey().toUtf8()));
        QCOMPARE(r.json().value(QStringLiteral("api_key_set")).toBool(), true);
    }

    // The client on the event loop: the batch path, the query parameters, the XML reply; a
    // refusal carries Namesilo's words and code, never the key.
    void clientSpeaksNamesiloWireFormat()
    {
        NamesiloSettings settings;
        settings.apiBase = m_namesilo.baseUrl();
        settings.apiKey = QStringLiteral("wrong-key");
        settings.retryBaseDelayMs = 10;
        NamesiloClient client(settings);
        m_namesilo.clearRequests();
        std::optional<NamesiloResult> result;
        NamesiloCall *call = client.getPrices();
        connect(call, &NamesiloCall::finished, this, [&result](const NamesiloResult &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        QVERIFY(!result->ok());
        QCOMPARE(result->error().code, QStringLiteral("namesilo_rejected"));
        QVERIFY2(result->error().message.contains(QLatin1String("Invalid API Key")),
                 qPrintable(result->error().message));
        QVERIFY(!result->error().message.contains(QLatin1String("wrong-key")));
        QCOMPARE(m_namesilo.requests().size(), 1); // a refusal is not retried
        const auto &sent = m_namesilo.requests().first();
        QCOMPARE(sent.path, QStringLiteral("/apibatch/getPrices"));
        QCOMPARE(sent.query.queryItemValue(QStringLiteral("version")), QStringLiteral("1"));
        QCOMPARE(sent.query.queryItemValue(QStringLiteral("type")), QStringLiteral("xml"));
        QCOMPARE(sent.query.queryItemValue(QStringLiteral("key")), QStringLiteral("wrong-key"));

        // "Registry down" (115) is worth asking again for a read: retried, then given up.
        NamesiloSettings good = settings;
        good.apiKey = m_namesilo.apiKey();
        good.maxRetries = 2;
        NamesiloClient right(good);
        m_namesilo.clearRequests();
        m_namesilo.failNext(QStringLiteral("getDomainInfo"), 115,
                            QStringLiteral("Central Registry Not Responding"), 1);
        NamesiloCall *info = right.getDomainInfo(QStringLiteral("nothing.com"));
        info->setAutoDelete(false);
        QTRY_VERIFY_WITH_TIMEOUT(info->isFinished(), 5000);
        QCOMPARE(m_namesilo.requestCount(QStringLiteral("getDomainInfo")), 2);
        QCOMPARE(info->replyCode(), 200); // the second answer: not in this account
    }

    void searchUsesCatalogPricesInOneCall()
    {
        m_namesilo.setTaken(QStringLiteral("example.net"));
        m_namesilo.clearRequests();
        QElapsedTimer timer;
        timer.start();
        const auto r = m_api.call("POST", QStringLiteral("/api/domains/search"), m_aliceToken,
                                  {{QStringLiteral("name"), QStringLiteral("Example.org")}});
        const qint64 ms = timer.elapsed();
        QVERIFY2(r.status == 200, r.body.constData());
        qInfo("search over %lld TLDs answered in %lld ms", qint64(kTlds.size()), ms);
        QCOMPARE(m_namesilo.requestCount(QStringLiteral("checkRegisterAvailability")), 1);
        const QJsonArray items = r.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), kTlds.size());
        QCOMPARE(str(items.at(0).toObject(), "domain"), QStringLiteral("example.org")); // the TLD typed first
        for (const QJsonValue &v : items) {
            const QJsonObject o = v.toObject();
            const int index = int(kTlds.indexOf(str(o, "tld")));
            // The catalog's EUR price, not Namesilo's 10.00 USD; customers never see the cost.
            QCOMPARE(str(o, "register_price"), QString::number((1299 + index) / 100.0, 'f', 2));
            QCOMPARE(str(o, "currency"), QStringLiteral("EUR"));
            QVERIFY(!o.contains(QStringLiteral("registrar_price")));
            const bool taken = str(o, "domain") == QLatin1String("example.net");
            QCOMPARE(str(o, "status"), taken ? QStringLiteral("taken") : QStringLiteral("available"));
            QCOMPARE(o.value(QStringLiteral("orderable")).toBool(), !taken);
        }
        const auto staff = m_api.call("POST", QStringLiteral("/api/domains/search"), m_staff,
                                      {{QStringLiteral("name"), QStringLiteral("example")}});
        QCOMPARE(
            str(staff.json().value(QStringLiteral("items")).toArray().at(0).toObject(), "registrar_price"),
            QStringLiteral("10.00"));

        const auto bad = m_api.call("POST", QStringLiteral("/api/domains/search"), m_aliceToken,
                                    {{QStringLiteral("name"), QStringLiteral("-bad-")}});
        QCOMPARE(bad.status, 422);
        QCOMPARE(test::errorField(bad), QStringLiteral("name"));
    }

    // Checkout, invoice, payment: a subscription for the years paid, the domain registered once
    // with the registrant and the tenant's name servers, a zone that PowerDNS serves.
    void paidOrderRegistersWithZone()
    {
        const auto ordered = order(m_aliceToken, QStringLiteral("alice-shop.com"), 2);
        QVERIFY2(ordered.status == 201, ordered.body.constData());
        QCOMPARE(str(ordered.json(), "amount_due"), QStringLiteral("25.98")); // 2 x 12.99
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM domains WHERE name = 'alice-shop.com'")),
                 0);
        markPaid(str(ordered.json(), "invoice_id"));

        const QString id = domainIdOf(QStringLiteral("alice-shop.com"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(
            m_api.text(
                QStringLiteral("SELECT s.cycle || ' ' || (s.current_period_end - s.current_period_start > "
                               "interval '700 days')::text || ' ' || s.unit_price_minor FROM subscriptions s "
                               "JOIN domains d ON d.subscription_id = s.id WHERE d.id = ?::uuid"),
                {id}),
            QStringLiteral("annual true 1499")); // renews yearly at the catalog's renewal price
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(QStringLiteral("alice-shop.com")), QStringLiteral("active"),
                                  20000);
        QCOMPARE(m_namesilo.performedCount(QStringLiteral("registerDomain")), 1);
        const NamesiloEmulator::Domain at = m_namesilo.domain(QStringLiteral("alice-shop.com"));
        QCOMPARE(at.nameservers,
                 (QStringList{QStringLiteral("ns1.hoster.test"), QStringLiteral("ns2.hoster.test")}));
        QCOMPARE(at.contact.value(QStringLiteral("em")), QStringLiteral("alice@example.com"));
        QCOMPARE(at.contact.value(QStringLiteral("ln")), QStringLiteral("Liddell"));

        const auto detail = m_api.call("GET", QStringLiteral("/api/domains/") + id, m_aliceToken);
        QCOMPARE(str(detail.json(), "expires_on"), at.expires.toString(Qt::ISODate));
        QCOMPARE(str(detail.json(), "zone"), QStringLiteral("alice-shop.com."));
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_pdns.dig(QStringLiteral("alice-shop.com."), QStringLiteral("SOA")).isEmpty(), 20000);
    }

    // The same activation raced on six connections and the registration job run by several
    // workers at once: one domain row, one registration at the registrar.
    void racedActivationsAndJobsRegisterOnce()
    {
        stopEngine();
        const QString name = QStringLiteral("raced.io");
        const QString id = buy(name);
        const QString subscription =
            m_api.text(QStringLiteral("SELECT subscription_id::text FROM domains WHERE id = ?::uuid"), {id});
        const auto request = provisioning::ServiceRequest{
            subscription,
            m_alice,
            m_products.value(QStringLiteral("io")),
            QStringLiteral("domain"),
            m_api.text(QStringLiteral("SELECT order_item_id::text FROM subscriptions WHERE id = ?::uuid"),
                       {subscription}),
            1};
        QCOMPARE(test::raceActivations(m_api.db(), m_tenant, request, 6), 0);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM domains WHERE name = ?"), {name}), 1);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'domains.register' AND "
                                             "related_id = ?"),
                              {id}),
                 1);
        // Five more registration jobs for the same domain, without a unique key: they race.
        for (int i = 0; i < 5; ++i) {
            JobSpec extra;
            extra.tenantId = m_tenant;
            extra.kind = domains::kinds::registerDomain;
            extra.payload = {{QStringLiteral("domain_id"), id}};
            QVERIFY(Jobs::enqueue(m_api.db(), extra).ok());
        }
        const int before = m_namesilo.performedCount(QStringLiteral("registerDomain"));
        startEngine(4);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(name), QStringLiteral("active"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'domains.register' AND "
                                        "payload->>'domain_id' = ? AND status::text <> 'completed'"),
                         {id}) == 0,
            20000);
        QCOMPARE(m_namesilo.performedCount(QStringLiteral("registerDomain")), before + 1);
        QCOMPARE(m_namesilo.requestCount(QStringLiteral("registerDomain")), before + 1);
    }

    // The registration went through but its answer was lost (a killed worker is the same): the
    // next attempt finds the name in the account and records it without registering again.
    void lostAnswerIsNotRegisteredTwice()
    {
        const QString name = QStringLiteral("lost-answer.dev");
        m_namesilo.loseAnswerNext(QStringLiteral("registerDomain"));
        const int before = m_namesilo.performedCount(QStringLiteral("registerDomain"));
        const int sentBefore = m_namesilo.requestCount(QStringLiteral("registerDomain"));
        buy(name);
        QTRY_VERIFY_WITH_TIMEOUT(settled(name), 20000);
        QVERIFY2(
            statusOf(name) == QLatin1String("active"),
            qPrintable(m_api.text(QStringLiteral("SELECT last_error FROM domains WHERE name = ?"), {name})));
        QCOMPARE(m_namesilo.performedCount(QStringLiteral("registerDomain")), before + 1);
        // Sent once: neither the job nor the network stack sent it again.
        QCOMPARE(m_namesilo.requestCount(QStringLiteral("registerDomain")), sentBefore + 1);
        QVERIFY(
            m_api.scalar(QStringLiteral("SELECT max(attempts) FROM jobs WHERE kind = 'domains.register' AND "
                                        "related_id = ?"),
                         {domainIdOf(name)}) >= 2);
    }

    // A refusal leaves the domain registration_failed with Namesilo's words; staff retry it.
    void refusalFailsAndStaffRetry()
    {
        const QString name = QStringLiteral("refused.app");
        m_namesilo.failNext(QStringLiteral("registerDomain"), 261,
                            QStringLiteral("Domain unavailable for registration."));
        const QString id = buy(name);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(name), QStringLiteral("registration_failed"), 20000);
        const auto staff = m_api.call("GET", QStringLiteral("/api/domains/") + id, m_staff);
        QVERIFY2(
            str(staff.json(), "last_error").contains(QLatin1String("Domain unavailable for registration.")),
            staff.body.constData());
        QVERIFY(!m_api.call("GET", QStringLiteral("/api/domains/") + id, m_aliceToken)
                     .json()
                     .contains(QStringLiteral("last_error")));
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/domains/%1/retry").arg(id), m_aliceToken).status,
                 403);
        const auto retried = m_api.call("POST", QStringLiteral("/api/domains/%1/retry").arg(id), m_staff);
        QVERIFY2(retried.status == 202, retried.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(name), QStringLiteral("active"), 20000);
        QVERIFY(m_namesilo.hasDomain(name));
    }

    // The renewal invoice, once paid, renews at the registrar; expiry is the registrar's answer.
    void renewalThroughTheInvoiceExtendsExpiry()
    {
        const QString name = QStringLiteral("renew-me.shop");
        const QString id = buy(name);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(name), QStringLiteral("active"), 20000);
        const QDate before = m_namesilo.domain(name).expires;
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/domains/%1/renew").arg(id), m_bobToken).status, 404);
        const auto renewal =
            m_api.call("POST", QStringLiteral("/api/domains/%1/renew").arg(id), m_aliceToken);
        QVERIFY2(renewal.status == 201, renewal.body.constData());
        QCOMPARE(m_api.text(QStringLiteral("SELECT total_minor::text FROM invoices WHERE id = ?::uuid"),
                            {str(renewal.json(), "invoice_id")}),
                 QStringLiteral("1505")); // the catalog's one-year renewal price of .shop
        markPaid(str(renewal.json(), "invoice_id"));
        QTRY_COMPARE_WITH_TIMEOUT(m_namesilo.domain(name).expires, before.addYears(1), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_api.text(QStringLiteral("SELECT expires_on::text FROM domains WHERE id = ?::uuid"), {id}),
            before.addYears(1).toString(Qt::ISODate), 20000);
        QCOMPARE(m_namesilo.performedCount(QStringLiteral("renewDomain")), 1);
    }

    void transferInCompletesLater()
    {
        const QString name = QStringLiteral("moving.xyz");
        const auto missing = m_api.call("POST", QStringLiteral("/api/domains/transfer"), m_aliceToken,
                                        {{QStringLiteral("domain"), name}});
        QCOMPARE(missing.status, 422);
        QCOMPARE(test::errorField(missing), QStringLiteral("auth_code"));
        const auto ordered = m_api.call(
            "POST", QStringLiteral("/api/domains/transfer"), m_aliceToken,
            {{QStringLiteral("domain"), name}, {QStringLiteral("auth_code"), QStringLiteral("EPP-42")}});
        QVERIFY2(ordered.status == 201, ordered.body.constData());
        QCOMPARE(str(ordered.json(), "amount_due"), QStringLiteral("15.06")); // .xyz transfer, 1 year
        markPaid(str(ordered.json(), "invoice_id"));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(name), QStringLiteral("transfer_pending"), 20000);
        QCOMPARE(m_namesilo.transfer(name).authCode, QStringLiteral("EPP-42"));
        // The EPP code is kept nowhere once sent.
        QCOMPARE(m_api.scalar(QStringLiteral(
                     "SELECT count(*) FROM order_items WHERE options->>'auth_code' IS NOT NULL")),
                 0);
        m_namesilo.completeTransfer(name);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(name), QStringLiteral("active"), 20000);
        QCOMPARE(m_namesilo.performedCount(QStringLiteral("transferDomain")), 1);
    }

    void nameserversLockAndAuthCode()
    {
        const QString id = domainIdOf(QStringLiteral("alice-shop.com"));
        const auto bad =
            m_api.call("POST", QStringLiteral("/api/domains/%1/nameservers").arg(id), m_aliceToken,
                       {{QStringLiteral("nameservers"), QJsonArray{QStringLiteral("ns1.x.test")}}});
        QCOMPARE(bad.status, 422);
        QCOMPARE(m_api
                     .call("POST", QStringLiteral("/api/domains/%1/nameservers").arg(id), m_bobToken,
                           {{QStringLiteral("nameservers"),
                             QJsonArray{QStringLiteral("ns1.x.test"), QStringLiteral("ns2.x.test")}}})
                     .status,
                 404);
        const auto r =
            m_api.call("POST", QStringLiteral("/api/domains/%1/nameservers").arg(id), m_aliceToken,
                       {{QStringLiteral("nameservers"), QJsonArray{QStringLiteral("NS1.Elsewhere.test."),
                                                                   QStringLiteral("ns2.elsewhere.test")}}});
        QVERIFY2(r.status == 202, r.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(
            m_namesilo.domain(QStringLiteral("alice-shop.com")).nameservers,
            (QStringList{QStringLiteral("ns1.elsewhere.test"), QStringLiteral("ns2.elsewhere.test")}), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_api.text(
                QStringLiteral("SELECT array_to_string(nameservers, ',') FROM domains WHERE id = ?::uuid"),
                {id}),
            QStringLiteral("ns1.elsewhere.test,ns2.elsewhere.test"), 20000);

        const auto unlock = m_api.call("POST", QStringLiteral("/api/domains/%1/lock").arg(id), m_aliceToken,
                                       {{QStringLiteral("locked"), false}});
        QVERIFY2(unlock.status == 202, unlock.body.constData());
        QTRY_VERIFY_WITH_TIMEOUT(!m_namesilo.domain(QStringLiteral("alice-shop.com")).locked, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_api.text(QStringLiteral("SELECT locked::text FROM domains WHERE id = ?::uuid"), {id}),
            QStringLiteral("false"), 20000);
        const auto code =
            m_api.call("POST", QStringLiteral("/api/domains/%1/auth-code").arg(id), m_aliceToken);
        QVERIFY2(code.status == 202, code.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(m_namesilo.performedCount(QStringLiteral("retrieveAuthCode")), 1, 20000);
    }

    // The zone signed through the DNS module; its DS records handed to the registry.
    void dnssecDsHandedToTheRegistry()
    {
        const QString id = domainIdOf(QStringLiteral("alice-shop.com"));
        const auto sign = m_api.call("POST", QStringLiteral("/api/dns/zones/alice-shop.com/dnssec"), m_staff,
                                     {{QStringLiteral("enabled"), true}});
        QVERIFY2(sign.status == 202, sign.body.constData());
        QTRY_VERIFY_WITH_TIMEOUT(
            m_api.scalar(QStringLiteral(
                "SELECT cardinality(ds_records) FROM dns_zones WHERE name = 'alice-shop.com.'")) > 0,
            20000);
        const auto r = m_api.call("POST", QStringLiteral("/api/domains/%1/dnssec").arg(id), m_staff);
        QVERIFY2(r.status == 202, r.body.constData());
        QTRY_VERIFY_WITH_TIMEOUT(!m_namesilo.domain(QStringLiteral("alice-shop.com")).dsRecords.isEmpty(),
                                 20000);
    }

    qint64 runJob(const QString &kind)
    {
        JobSpec spec;
        spec.tenantId = m_tenant;
        spec.kind = kind;
        spec.maxAttempts = 1;
        auto job = Jobs::enqueue(m_api.db(), spec);
        if (!job)
            qFatal("enqueue %s: %s", qPrintable(kind), qPrintable(job.error().message));
        return job->id;
    }

    QString jobStatus(qint64 id)
    {
        return m_api.text(QStringLiteral("SELECT status::text FROM jobs WHERE id = ?"), {id});
    }

    // The daily sync records what the registrar holds, with a finding per difference, and moves
    // expired domains through grace and redemption by their dates.
    void syncRecordsRegistrarFactsAndExpiryPhases()
    {
        const QDate today = QDateTime::currentDateTimeUtc().date();
        NamesiloEmulator::Domain moved = m_namesilo.domain(QStringLiteral("moving.xyz"));
        moved.expires = moved.expires.addYears(1); // renewed at the registrar by hand
        m_namesilo.addDomain(moved);
        const QHash<QString, int> pastExpiry{{QStringLiteral("raced.io"), 10},
                                             {QStringLiteral("lost-answer.dev"), 45},
                                             {QStringLiteral("refused.app"), 70}};
        for (auto it = pastExpiry.cbegin(); it != pastExpiry.cend(); ++it) {
            NamesiloEmulator::Domain d = m_namesilo.domain(it.key());
            d.expires = today.addDays(-it.value());
            m_namesilo.addDomain(d);
        }
        const qint64 job = runJob(domains::kinds::sync);
        QTRY_COMPARE_WITH_TIMEOUT(jobStatus(job), QStringLiteral("completed"), 20000);
        QCOMPARE(m_api.text(QStringLiteral("SELECT expires_on::text FROM domains WHERE name = 'moving.xyz'")),
                 moved.expires.toString(Qt::ISODate));
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT count(*) FROM domain_findings f JOIN domains d ON d.id = "
                                    "f.domain_id WHERE d.name = 'moving.xyz' AND f.kind = 'expiry_differs' "
                                    "AND f.resolved_at IS NULL")),
                 1);
        QCOMPARE(statusOf(QStringLiteral("raced.io")), QStringLiteral("grace"));
        QCOMPARE(statusOf(QStringLiteral("lost-answer.dev")), QStringLiteral("redemption"));
        QCOMPARE(statusOf(QStringLiteral("refused.app")), QStringLiteral("expired"));
        QCOMPARE(statusOf(QStringLiteral("alice-shop.com")), QStringLiteral("active"));

        // Each domain whose expiry moved at the registrar has its one finding.
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT count(*) FROM domain_findings WHERE kind = 'expiry_differs'")),
                 4);

        // A second run adds nothing: what it finds in agreement now is resolved, not repeated.
        const qint64 again = runJob(domains::kinds::sync);
        QTRY_COMPARE_WITH_TIMEOUT(jobStatus(again), QStringLiteral("completed"), 20000);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM domain_findings")), 4);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM domain_findings f JOIN domains d ON d.id = "
                                        "f.domain_id WHERE d.name = 'moving.xyz' AND f.resolved_at IS NULL")),
            0);
    }

    void priceSyncShowsTheRegistrarCost()
    {
        const qint64 job = runJob(domains::kinds::priceSync);
        QTRY_COMPARE_WITH_TIMEOUT(jobStatus(job), QStringLiteral("completed"), 20000);
        const auto r = m_api.call("GET", QStringLiteral("/api/domains/prices"), m_staff);
        QVERIFY2(r.status == 200, r.body.constData());
        const QJsonArray items = r.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), kTlds.size());
        const auto com = std::find_if(items.begin(), items.end(), [](const QJsonValue &v) {
            return str(v.toObject(), "tld") == QLatin1String("com");
        });
        QVERIFY(com != items.end());
        QCOMPARE(com->toObject().value(QStringLiteral("register_price_minor")).toInteger(), 1299);
        QCOMPARE(com->toObject().value(QStringLiteral("register_cost_minor")).toInteger(), 1000);
        QCOMPARE(str(com->toObject(), "cost_currency"), QStringLiteral("USD"));
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/domains/prices"), m_aliceToken).status, 403);
    }

    void customersSeeTheirOwnDomains()
    {
        const auto alice = m_api.call("GET", QStringLiteral("/api/domains"), m_aliceToken);
        QVERIFY(!alice.json().value(QStringLiteral("items")).toArray().isEmpty());
        const auto bob = m_api.call("GET", QStringLiteral("/api/domains"), m_bobToken);
        QCOMPARE(bob.json().value(QStringLiteral("items")).toArray().size(), 0);
        const QString id = domainIdOf(QStringLiteral("alice-shop.com"));
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/domains/") + id, m_bobToken).status, 404);
        const auto staff =
            m_api.call("GET", QStringLiteral("/api/domains?expiring_within_days=400"), m_staff);
        // alice-shop.com runs two years: not within 400 days; the one-year ones are.
        for (const QJsonValue &v : staff.json().value(QStringLiteral("items")).toArray())
            QVERIFY(str(v.toObject(), "name") != QLatin1String("alice-shop.com"));
    }
};

QTEST_GUILESS_MAIN(TestDomains)
#include "tst_domains.moc"
