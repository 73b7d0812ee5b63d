// The DNS module end to end in one process: the REST API, the job engine and a real PowerDNS on
// loopback (tests/support/pdns_server). Every change is proven with dig: zones made and deleted,
// records created, edited and removed, one PATCH per batch with the serial moving once, CNAME
// conflicts refused before PowerDNS sees them, customers kept to their own zones, and a repeated
// job that applies nothing twice.
#include "support/dns_test_engine.h"
#include "support/pdns_server.h"
#include "support/service_fixture.h"

#include <QJsonArray>

using namespace mp;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject change(const QString &name, const QString &type, const QStringList &records, int ttl = 300,
                   const QString &changetype = QStringLiteral("REPLACE"))
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("type"), type},
            {QStringLiteral("ttl"), ttl},
            {QStringLiteral("records"), QJsonArray::fromStringList(records)},
            {QStringLiteral("changetype"), changetype}};
}

QJsonObject changes(const QList<QJsonObject> &list)
{
    QJsonArray array;
    for (const QJsonObject &c : list)
        array.append(c);
    return {{QStringLiteral("changes"), array}};
}

} // namespace

class TestDnsApi : public QObject {
    Q_OBJECT

    test::ServiceFixture m_api;
    test::PdnsServer m_pdns;
    test::PdnsServer m_secondary; // a second PowerDNS, registered as a secondary by the last test
    std::unique_ptr<JobEngine> m_engine;
    QString m_tenant, m_staff, m_server;
    QString m_aliceToken, m_alice, m_bobToken, m_bob;

    // Waits until the job is done (completed, or dead after its last attempt).
    QString waitForJob(qint64 id)
    {
        QString status;
        for (int waited = 0; waited < 20000; waited += 25) {
            status = m_api.text(QStringLiteral("SELECT status::text FROM jobs WHERE id = ?"), {id});
            // A failed attempt is retried (the engine's backoff is a second here).
            if (status == QLatin1String("completed") || status == QLatin1String("dead"))
                return status;
            QTest::qWait(25);
        }
        return QStringLiteral("still ") + status;
    }

    qint64 queued(const test::HttpResult &r)
    {
        if (r.status != 202)
            qWarning("expected 202, got %d %s", r.status, r.body.constData());
        return r.json().value(QStringLiteral("job_id")).toInteger();
    }

    QString createZone(const QString &name, const QString &customerId = {})
    {
        QJsonObject body{{QStringLiteral("name"), name}};
        if (!customerId.isEmpty())
            body.insert(QStringLiteral("customer_id"), customerId);
        const auto r = m_api.call("POST", QStringLiteral("/api/dns/zones"), m_staff, body);
        const qint64 job = queued(r);
        if (job <= 0 || waitForJob(job) != QLatin1String("completed"))
            qFatal("zone %s was not made: %s", qPrintable(name), r.body.constData());
        return str(r.json().value(QStringLiteral("zone")).toObject(), "id");
    }

    QString soaSerial(const QString &zone)
    {
        return m_pdns.dig(zone, QStringLiteral("SOA")).value(0).section(u' ', 2, 2);
    }

    void startEngine()
    {
        m_engine = test::startDnsTestEngine(m_api.settings());
        QVERIFY(m_engine);
    }

    void stopEngine() { test::stopTestEngine(m_engine); }

    qint64 jobCount()
    {
        return m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'dns.sync_zone'"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MPANEL_LOG", "off");
        qputenv("MPANEL_POWERDNS_TIMEOUT_MS", "3000");
        qputenv("MPANEL_POWERDNS_RETRY_DELAY_MS", "20");
        const Status started = m_pdns.start();
        QVERIFY2(started.ok(), qPrintable(started.error().message));
        const Status second = m_secondary.start();
        QVERIFY2(second.ok(), qPrintable(second.error().message));
        m_api.start(QStringLiteral("dns-api"));
        m_tenant = m_api.tenant(QStringLiteral("DNS Co"));
        m_staff = m_api.staffToken(m_tenant);

        startEngine();

        auto alice = m_api.signUp(m_tenant, QStringLiteral("Alice"), QStringLiteral("alice@example.com"));
        m_aliceToken = alice.first;
        m_alice = alice.second;
        auto bob = m_api.signUp(m_tenant, QStringLiteral("Bob"), QStringLiteral("bob@example.com"));
        m_bobToken = bob.first;
        m_bob = bob.second;
    }

    void cleanupTestCase() { stopEngine(); }

    void serversAreRegisteredWithAWriteOnlyKey()
    {
        const QJsonObject remote{{QStringLiteral("name"), QStringLiteral("remote")},
                                 {QStringLiteral("api_base"), QStringLiteral("http://ns1.example.net:8081")},
                                 {QStringLiteral("api_key"), QStringLiteral("k")},
                                 {QStringLiteral("mode"), QStringLiteral("sandbox")}};
        const auto refused = m_api.call("POST", QStringLiteral("/api/dns/servers"), m_staff, remote);
        QCOMPARE(refused.status, 422);
        QCOMPARE(test::errorField(refused), QStringLiteral("mode"));

        const auto customer = m_api.call("POST", QStringLiteral("/api/dns/servers"), m_aliceToken, remote);
        QCOMPARE(customer.status, 403);

        const auto r =
            m_api.call("POST", QStringLiteral("/api/dns/servers"), m_staff,
                       {{QStringLiteral("name"), QStringLiteral("sandbox")},
                        {QStringLiteral("api_base"), m_pdns.apiBase()},
                        {QStringLiteral("api_key"), m_pdns.apiKey()},
                        {QStringLiteral("dns_address"), QStringLiteral("127.0.0.1:%1").arg(m_pdns.dnsPort())},
                        {QStringLiteral("mode"), QStringLiteral("sandbox")}});
        QCOMPARE(r.status, 201);
        QVERIFY(!r.body.contains(m_pdns.apiKey().toUtf8()));
        QCOMPARE(r.json().value(QStringLiteral("api_key_set")).toBool(), true);
        m_server = str(r.json(), "id");

        const auto second = m_api.call("POST", QStringLiteral("/api/dns/servers"), m_staff,
                                       {{QStringLiteral("name"), QStringLiteral("another")},
                                        {QStringLiteral("api_base"), m_pdns.apiBase()},
                                        {QStringLiteral("api_key"), m_pdns.apiKey()}});
        QCOMPARE(second.status, 409);
        QCOMPARE(test::errorField(second), QStringLiteral("role"));

        const auto list = m_api.call("GET", QStringLiteral("/api/dns/servers"), m_staff);
        QCOMPARE(list.status, 200);
        QVERIFY(!list.body.contains(m_pdns.apiKey().toUtf8()));
        QCOMPARE(list.json().value(QStringLiteral("items")).toArray().size(), 1);

        const auto providers = m_api.call("GET", QStringLiteral("/api/system/providers"), m_staff);
        QCOMPARE(providers.status, 200);
        QVERIFY2(providers.body.contains("\"powerdns\""), providers.body.constData());

        const auto settings =
            m_api.call("PUT", QStringLiteral("/api/dns/settings"), m_staff,
                       {{QStringLiteral("nameservers"),
                         QJsonArray{QStringLiteral("ns1.dnsco.test"), QStringLiteral("ns2.dnsco.test.")}},
                        {QStringLiteral("soa_rname"), QStringLiteral("hostmaster@dnsco.test")},
                        {QStringLiteral("default_ttl"), 600}});
        QCOMPARE(settings.status, 200);
        QCOMPARE(settings.json().value(QStringLiteral("nameservers")).toArray().at(1).toString(),
                 QStringLiteral("ns2.dnsco.test."));
        QCOMPARE(str(settings.json(), "soa_rname"), QStringLiteral("hostmaster.dnsco.test."));
    }

    void zoneIsCreatedEditedAndDeleted()
    {
        const QString zoneId = createZone(QStringLiteral("Shop.Test"));
        QVERIFY(!zoneId.isEmpty());
        QCOMPARE(m_pdns.dig(QStringLiteral("shop.test"), QStringLiteral("NS")),
                 (QStringList{QStringLiteral("ns1.dnsco.test."), QStringLiteral("ns2.dnsco.test.")}));
        QVERIFY2(m_pdns.dig(QStringLiteral("shop.test"), QStringLiteral("SOA"))
                     .value(0)
                     .startsWith(QLatin1String("ns1.dnsco.test. hostmaster.dnsco.test. ")),
                 qPrintable(m_pdns.dig(QStringLiteral("shop.test"), QStringLiteral("SOA")).join(u'|')));
        const QString serial0 = soaSerial(QStringLiteral("shop.test"));

        // One request, four sets: one job, one PATCH, one serial step.
        auto r = m_api.call(
            "PATCH", QStringLiteral("/api/dns/zones/shop.test/records"), m_staff,
            changes({change(QStringLiteral("www"), QStringLiteral("A"), {QStringLiteral("192.0.2.10")}),
                     change(QStringLiteral("@"), QStringLiteral("MX"), {QStringLiteral("10 mail")}),
                     change(QStringLiteral("shop.test."), QStringLiteral("TXT"),
                            {QStringLiteral("v=spf1 mx -all")}),
                     change(QStringLiteral("blog"), QStringLiteral("CNAME"), {QStringLiteral("www")})}));
        const qint64 job = queued(r);
        QVERIFY(job > 0);
        QCOMPARE(waitForJob(job), QStringLiteral("completed"));
        QCOMPARE(m_pdns.dig(QStringLiteral("www.shop.test"), QStringLiteral("A")),
                 QStringList{QStringLiteral("192.0.2.10")});
        QCOMPARE(m_pdns.dig(QStringLiteral("shop.test"), QStringLiteral("MX")),
                 QStringList{QStringLiteral("10 mail.shop.test.")});
        QCOMPARE(m_pdns.dig(QStringLiteral("shop.test"), QStringLiteral("TXT")),
                 QStringList{QStringLiteral("\"v=spf1 mx -all\"")});
        QCOMPARE(m_pdns.dig(QStringLiteral("blog.shop.test"), QStringLiteral("CNAME")),
                 QStringList{QStringLiteral("www.shop.test.")});
        const QString serial1 = soaSerial(QStringLiteral("shop.test"));
        QVERIFY2(serial1.toLongLong() == serial0.toLongLong() + 1, qPrintable(serial0 + u' ' + serial1));
        QVERIFY(m_api.scalar(QStringLiteral("SELECT count(*) FROM job_log WHERE job_id = ? AND line LIKE "
                                            "'sent 4 record set(s) to sandbox in one PATCH%'"),
                             {job}) == 1);

        auto detail = m_api.call("GET", QStringLiteral("/api/dns/zones/shop.test."), m_staff);
        QCOMPARE(detail.status, 200);
        QCOMPARE(detail.json().value(QStringLiteral("serial")).toInteger(), serial1.toLongLong());
        QCOMPARE(detail.json().value(QStringLiteral("pending")).toArray().size(), 0);
        QCOMPARE(str(detail.json(), "status"), QStringLiteral("active"));
        auto records = m_api.call("GET", QStringLiteral("/api/dns/zones/shop.test/records"), m_staff);
        QCOMPARE(records.status, 200);
        QCOMPARE(records.json().value(QStringLiteral("items")).toArray().size(), 5); // NS MX TXT CNAME A

        // Edit, then delete a set.
        QCOMPARE(waitForJob(queued(m_api.call(
                     "PATCH", QStringLiteral("/api/dns/zones/shop.test/records"), m_staff,
                     changes({change(QStringLiteral("www"), QStringLiteral("A"),
                                     {QStringLiteral("192.0.2.20"), QStringLiteral("192.0.2.21")})})))),
                 QStringLiteral("completed"));
        QCOMPARE(m_pdns.dig(QStringLiteral("www.shop.test"), QStringLiteral("A")),
                 (QStringList{QStringLiteral("192.0.2.20"), QStringLiteral("192.0.2.21")}));
        QCOMPARE(
            waitForJob(queued(m_api.call("PATCH", QStringLiteral("/api/dns/zones/shop.test/records"), m_staff,
                                         changes({change(QStringLiteral("blog"), QStringLiteral("CNAME"), {},
                                                         300, QStringLiteral("DELETE"))})))),
            QStringLiteral("completed"));
        QVERIFY(m_pdns.dig(QStringLiteral("blog.shop.test"), QStringLiteral("CNAME")).isEmpty());
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM dns_rrsets WHERE zone_id = ?::uuid"), {zoneId}),
            4);

        // Delete the zone.
        auto deleted = m_api.call("DELETE", QStringLiteral("/api/dns/zones/shop.test"), m_staff);
        QCOMPARE(waitForJob(queued(deleted)), QStringLiteral("completed"));
        QVERIFY(m_pdns.digAnswer(QStringLiteral("shop.test"), QStringLiteral("SOA"))
                    .contains(QLatin1String("REFUSED")));
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/dns/zones/shop.test"), m_staff).status, 404);
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM dns_rrsets WHERE zone_id = ?::uuid"), {zoneId}),
            0);
    }

    void conflictsAreRefusedBeforePowerDnsSeesThem()
    {
        createZone(QStringLiteral("conflict.test"));
        QCOMPARE(waitForJob(queued(m_api.call("PATCH", QStringLiteral("/api/dns/zones/conflict.test/records"),
                                              m_staff,
                                              changes({change(QStringLiteral("www"), QStringLiteral("A"),
                                                              {QStringLiteral("192.0.2.1")})})))),
                 QStringLiteral("completed"));
        const qint64 jobs = jobCount();
        const QString serial = soaSerial(QStringLiteral("conflict.test"));

        const auto cname = m_api.call(
            "PATCH", QStringLiteral("/api/dns/zones/conflict.test/records"), m_staff,
            changes({change(QStringLiteral("ftp"), QStringLiteral("A"), {QStringLiteral("192.0.2.2")}),
                     change(QStringLiteral("www"), QStringLiteral("CNAME"), {QStringLiteral("ftp")})}));
        QCOMPARE(cname.status, 422);
        QCOMPARE(test::errorCode(cname), QStringLiteral("dns_cname_conflict"));
        QCOMPARE(test::errorField(cname), QStringLiteral("changes[1].type"));

        const auto apex = m_api.call(
            "PATCH", QStringLiteral("/api/dns/zones/conflict.test/records"), m_staff,
            changes({change(QStringLiteral("@"), QStringLiteral("CNAME"), {QStringLiteral("other.test.")})}));
        QCOMPARE(apex.status, 422);
        QCOMPARE(test::errorField(apex), QStringLiteral("changes[0].type"));

        const auto outside =
            m_api.call("PATCH", QStringLiteral("/api/dns/zones/conflict.test/records"), m_staff,
                       changes({change(QStringLiteral("www.other.test."), QStringLiteral("A"),
                                       {QStringLiteral("192.0.2.3")})}));
        QCOMPARE(outside.status, 422);
        QCOMPARE(test::errorCode(outside), QStringLiteral("dns_name_out_of_zone"));
        QCOMPARE(test::errorField(outside), QStringLiteral("changes[0].name"));

        const auto badA = m_api.call(
            "PATCH", QStringLiteral("/api/dns/zones/conflict.test/records"), m_staff,
            changes({change(QStringLiteral("x"), QStringLiteral("A"), {QStringLiteral("not-an-ip")})}));
        QCOMPARE(badA.status, 422);
        QCOMPARE(test::errorField(badA), QStringLiteral("changes[0].records[0]"));

        const auto badTtl = m_api.call(
            "PATCH", QStringLiteral("/api/dns/zones/conflict.test/records"), m_staff,
            changes({change(QStringLiteral("x"), QStringLiteral("A"), {QStringLiteral("192.0.2.1")}, 5)}));
        QCOMPARE(badTtl.status, 422);
        QCOMPARE(test::errorField(badTtl), QStringLiteral("changes[0].ttl"));

        // Nothing was stored, queued or sent.
        QCOMPARE(jobCount(), jobs);
        QCOMPARE(soaSerial(QStringLiteral("conflict.test")), serial);
        QVERIFY(m_pdns.dig(QStringLiteral("ftp.conflict.test"), QStringLiteral("A")).isEmpty());
        QCOMPARE(m_pdns.dig(QStringLiteral("www.conflict.test"), QStringLiteral("A")),
                 QStringList{QStringLiteral("192.0.2.1")});
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT count(*) FROM dns_rrsets r JOIN dns_zones z ON z.id = r.zone_id "
                                    "WHERE z.name = 'conflict.test.' AND r.dirty")),
                 0);
    }

    void customersSeeOnlyTheirOwnZones()
    {
        createZone(QStringLiteral("alice.test"), m_alice);
        createZone(QStringLiteral("bob.test"), m_bob);

        const auto list = m_api.call("GET", QStringLiteral("/api/dns/zones"), m_aliceToken);
        QCOMPARE(list.status, 200);
        const QJsonArray items = list.json().value(QStringLiteral("items")).toArray();
        QCOMPARE(items.size(), 1);
        QCOMPARE(str(items.at(0).toObject(), "name"), QStringLiteral("alice.test."));

        QCOMPARE(m_api.call("GET", QStringLiteral("/api/dns/zones/bob.test"), m_aliceToken).status, 404);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/dns/zones/bob.test/records"), m_aliceToken).status,
                 404);
        const auto foreign = m_api.call(
            "PATCH", QStringLiteral("/api/dns/zones/bob.test/records"), m_aliceToken,
            changes({change(QStringLiteral("www"), QStringLiteral("A"), {QStringLiteral("192.0.2.66")})}));
        QCOMPARE(foreign.status, 404);
        QVERIFY(m_pdns.dig(QStringLiteral("www.bob.test"), QStringLiteral("A")).isEmpty());
        QCOMPARE(m_api.call("DELETE", QStringLiteral("/api/dns/zones/alice.test"), m_aliceToken).status, 403);
        QCOMPARE(m_api
                     .call("POST", QStringLiteral("/api/dns/zones"), m_aliceToken,
                           {{QStringLiteral("name"), QStringLiteral("mine.test")}})
                     .status,
                 403);

        const auto own = m_api.call(
            "PATCH", QStringLiteral("/api/dns/zones/alice.test/records"), m_aliceToken,
            changes({change(QStringLiteral("www"), QStringLiteral("A"), {QStringLiteral("192.0.2.7")})}));
        QCOMPARE(waitForJob(queued(own)), QStringLiteral("completed"));
        QCOMPARE(m_pdns.dig(QStringLiteral("www.alice.test"), QStringLiteral("A")),
                 QStringList{QStringLiteral("192.0.2.7")});
        QCOMPARE(m_api.text(QStringLiteral("SELECT actor FROM dns_changes WHERE id = ?"),
                            {own.json().value(QStringLiteral("change_id")).toInteger()}),
                 QStringLiteral("customer ") + m_alice);
    }

    void aRepeatedJobAppliesNothingTwice()
    {
        const QString zoneId = createZone(QStringLiteral("repeat.test"));
        QCOMPARE(waitForJob(
                     queued(m_api.call("PATCH", QStringLiteral("/api/dns/zones/repeat.test/records"), m_staff,
                                       changes({change(QStringLiteral("www"), QStringLiteral("A"),
                                                       {QStringLiteral("192.0.2.1")})})))),
                 QStringLiteral("completed"));
        const QString serial = soaSerial(QStringLiteral("repeat.test"));

        // The same sync again, as a retry or a second worker would run it.
        m_api.exec(
            QStringLiteral(
                "INSERT INTO jobs (tenant_id, kind, payload, run_at, created_at) "
                "VALUES (?::uuid, 'dns.sync_zone', jsonb_build_object('zone_id', ?::text), now(), now())"),
            {m_tenant, zoneId});
        const qint64 again =
            m_api.scalar(QStringLiteral("SELECT max(id) FROM jobs WHERE kind = 'dns.sync_zone'"));
        QCOMPARE(waitForJob(again), QStringLiteral("completed"));
        QCOMPARE(soaSerial(QStringLiteral("repeat.test")), serial);
        QCOMPARE(m_api.scalar(
                     QStringLiteral(
                         "SELECT count(*) FROM job_log WHERE job_id = ? AND line LIKE 'nothing to send%'"),
                     {again}),
                 1);
        QCOMPARE(m_pdns.dig(QStringLiteral("www.repeat.test"), QStringLiteral("A")),
                 QStringList{QStringLiteral("192.0.2.1")});
    }

    void dnssecSignsTheZoneAndShowsItsDs()
    {
        createZone(QStringLiteral("signed.test"), m_alice);
        QVERIFY(
            !m_pdns
                 .digAnswer(QStringLiteral("signed.test"), QStringLiteral("SOA"), {QStringLiteral("+dnssec")})
                 .contains(QLatin1String("RRSIG")));
        // The owner may switch it on; another customer may not.
        const QJsonObject on{{QStringLiteral("enabled"), true}};
        QCOMPARE(
            m_api.call("POST", QStringLiteral("/api/dns/zones/signed.test/dnssec"), m_bobToken, on).status,
            404);
        QCOMPARE(waitForJob(queued(m_api.call("POST", QStringLiteral("/api/dns/zones/signed.test/dnssec"),
                                              m_aliceToken, on))),
                 QStringLiteral("completed"));
        QVERIFY(
            m_pdns
                .digAnswer(QStringLiteral("signed.test"), QStringLiteral("SOA"), {QStringLiteral("+dnssec")})
                .contains(QLatin1String("RRSIG")));
        const QJsonObject zone =
            m_api.call("GET", QStringLiteral("/api/dns/zones/signed.test"), m_aliceToken).json();
        QCOMPARE(zone.value(QStringLiteral("dnssec")).toBool(), true);
        const QJsonArray ds = zone.value(QStringLiteral("ds")).toArray();
        QVERIFY(!ds.isEmpty());
        // The DS names the key the zone is signed with: its key tag is the DNSKEY's key id.
        const QString keyTag = ds.first().toString().section(u' ', 0, 0);
        const QString dnskey = m_pdns.digAnswer(QStringLiteral("signed.test"), QStringLiteral("DNSKEY"),
                                                {QStringLiteral("+multi")});
        QVERIFY2(dnskey.contains(QStringLiteral("key id = ") + keyTag),
                 qPrintable(dnskey + ds.first().toString()));

        QCOMPARE(waitForJob(queued(m_api.call("POST", QStringLiteral("/api/dns/zones/signed.test/dnssec"),
                                              m_staff, {{QStringLiteral("enabled"), false}}))),
                 QStringLiteral("completed"));
        QVERIFY(
            !m_pdns
                 .digAnswer(QStringLiteral("signed.test"), QStringLiteral("SOA"), {QStringLiteral("+dnssec")})
                 .contains(QLatin1String("RRSIG")));
        QVERIFY(m_api.call("GET", QStringLiteral("/api/dns/zones/signed.test"), m_staff)
                    .json()
                    .value(QStringLiteral("ds"))
                    .toArray()
                    .isEmpty());
    }

    void manyRequestsToOneZoneShareItsJob()
    {
        createZone(QStringLiteral("batch.test"));
        // Hold the engine so the requests queue up behind one pending job.
        stopEngine();
        QList<qint64> jobs;
        for (int i = 0; i < 5; ++i)
            jobs << queued(m_api.call("PATCH", QStringLiteral("/api/dns/zones/batch.test/records"), m_staff,
                                      changes({change(QStringLiteral("h%1").arg(i), QStringLiteral("A"),
                                                      {QStringLiteral("192.0.2.%1").arg(i + 1)})})));
        QCOMPARE(QSet<qint64>(jobs.begin(), jobs.end()).size(), 1);
        auto detail = m_api.call("GET", QStringLiteral("/api/dns/zones/batch.test"), m_staff);
        QCOMPARE(detail.json().value(QStringLiteral("pending")).toArray().size(), 5);
        startEngine();
        QCOMPARE(waitForJob(jobs.first()), QStringLiteral("completed"));
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM job_log WHERE job_id = ? AND line LIKE "
                                             "'sent 5 record set(s)%'"),
                              {jobs.first()}),
                 1);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_pdns.dig(QStringLiteral("h%1.batch.test").arg(i), QStringLiteral("A")),
                     QStringList{QStringLiteral("192.0.2.%1").arg(i + 1)});
        detail = m_api.call("GET", QStringLiteral("/api/dns/zones/batch.test"), m_staff);
        QCOMPARE(detail.json().value(QStringLiteral("pending")).toArray().size(), 0);
    }
    void zoneFilesImportAndExportRoundTrip()
    {
        const auto import = [this](const QString &token, const QString &name, const QString &text) {
            return m_api.call("POST", QStringLiteral("/api/dns/zones/import"), token,
                              {{QStringLiteral("name"), name}, {QStringLiteral("zone_file"), text}});
        };
        // Every record type, as another provider's export would have it.
        const QString file = QStringLiteral(
            "$ORIGIN every.test.\n"
            "$TTL 600\n"
            "@ IN SOA ns1.elsewhere.test. hostmaster.every.test. ( 2024010101 3600 900 604800 300 )\n"
            "  IN NS ns1.dnsco.test.\n"
            "  IN NS ns2.dnsco.test.\n"
            "  300 IN MX 10 mail ; the mail host\n"
            "  IN TXT \"v=spf1 mx -all\"\n"
            "  IN CAA 0 issue \"letsencrypt.org\"\n"
            "www IN A 192.0.2.20\n"
            "    IN A 192.0.2.21\n"
            "www IN AAAA 2001:db8::20\n"
            "mail 1h IN A 192.0.2.25\n"
            "blog IN CNAME www\n"
            "_sip._tcp IN SRV 10 5 5060 sip.elsewhere.test.\n"
            "20 IN PTR www.every.test.\n");
        const auto r = import(m_staff, QStringLiteral("every.test"), file);
        QCOMPARE(r.status, 202);
        QCOMPARE(r.json().value(QStringLiteral("record_sets")).toInt(), 10);
        QCOMPARE(r.json().value(QStringLiteral("skipped")).toInt(), 1);
        QCOMPARE(waitForJob(queued(r)), QStringLiteral("completed"));
        const auto served = [this] {
            return QStringList{
                m_pdns.dig(QStringLiteral("every.test"), QStringLiteral("NS")).join(u','),
                m_pdns.dig(QStringLiteral("every.test"), QStringLiteral("MX")).join(u','),
                m_pdns.dig(QStringLiteral("every.test"), QStringLiteral("TXT")).join(u','),
                m_pdns.dig(QStringLiteral("every.test"), QStringLiteral("CAA")).join(u','),
                m_pdns.dig(QStringLiteral("www.every.test"), QStringLiteral("A")).join(u','),
                m_pdns.dig(QStringLiteral("www.every.test"), QStringLiteral("AAAA")).join(u','),
                m_pdns.dig(QStringLiteral("mail.every.test"), QStringLiteral("A")).join(u','),
                m_pdns.dig(QStringLiteral("blog.every.test"), QStringLiteral("CNAME")).join(u','),
                m_pdns.dig(QStringLiteral("_sip._tcp.every.test"), QStringLiteral("SRV")).join(u','),
                m_pdns.dig(QStringLiteral("20.every.test"), QStringLiteral("PTR")).join(u',')};
        };
        const QStringList expected{QStringLiteral("ns1.dnsco.test.,ns2.dnsco.test."),
                                   QStringLiteral("10 mail.every.test."),
                                   QStringLiteral("\"v=spf1 mx -all\""),
                                   QStringLiteral("0 issue \"letsencrypt.org\""),
                                   QStringLiteral("192.0.2.20,192.0.2.21"),
                                   QStringLiteral("2001:db8::20"),
                                   QStringLiteral("192.0.2.25"),
                                   QStringLiteral("www.every.test."),
                                   QStringLiteral("10 5 5060 sip.elsewhere.test."),
                                   QStringLiteral("www.every.test.")};
        QCOMPARE(served(), expected);
        QVERIFY(m_pdns.digAnswer(QStringLiteral("mail.every.test"), QStringLiteral("A"))
                    .contains(u'\t' + QStringLiteral("3600")));

        // A fault refuses the whole file, naming its line; nothing changes.
        const QByteArray before =
            m_api.call("GET", QStringLiteral("/api/dns/zones/every.test/records"), m_staff).body;
        auto bad = import(m_staff, QStringLiteral("every.test"),
                          QStringLiteral("ok IN A 192.0.2.30\n\nbad IN A 192.0.2.300\n"));
        QCOMPARE(bad.status, 422);
        QCOMPARE(test::errorField(bad), QStringLiteral("zone_file"));
        QVERIFY2(bad.body.contains("line 3:"), bad.body.constData());
        // A CNAME beside other records is refused before PowerDNS sees it, on its line.
        bad = import(m_staff, QStringLiteral("every.test"),
                     QStringLiteral("ok IN A 192.0.2.30\nwww IN CNAME blog\n"));
        QCOMPARE(bad.status, 422);
        QVERIFY2(bad.body.contains("line 2:"), bad.body.constData());
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/dns/zones/every.test/records"), m_staff).body,
                 before);
        QVERIFY(m_pdns.dig(QStringLiteral("ok.every.test"), QStringLiteral("A")).isEmpty());

        // Export, delete the zone, import the export: the same record sets, served the same.
        const auto exported = m_api.call("GET", QStringLiteral("/api/dns/zones/every.test/export"), m_staff);
        QCOMPARE(exported.status, 200);
        QVERIFY2(exported.body.contains("\tIN\tSOA\tns1.dnsco.test. hostmaster.dnsco.test. "),
                 exported.body.constData());
        QVERIFY2(exported.body.contains("blog\t600\tIN\tCNAME\twww.every.test.\n"),
                 exported.body.constData());
        const auto gone = m_api.call("DELETE", QStringLiteral("/api/dns/zones/every.test"), m_staff);
        QCOMPARE(waitForJob(queued(gone)), QStringLiteral("completed"));
        QVERIFY(m_pdns.dig(QStringLiteral("www.every.test"), QStringLiteral("A")).isEmpty());
        const auto again = import(m_staff, QStringLiteral("every.test"), QString::fromUtf8(exported.body));
        QCOMPARE(again.status, 202);
        QCOMPARE(again.json().value(QStringLiteral("record_sets")).toInt(), 10);
        QCOMPARE(waitForJob(queued(again)), QStringLiteral("completed"));
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/dns/zones/every.test/records"), m_staff).body,
                 before);
        QCOMPARE(served(), expected);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/dns/zones/every.test/export"), m_staff)
                     .body.split('\n')
                     .mid(3),
                 exported.body.split('\n').mid(3)); // all but $ORIGIN, $TTL and the SOA (its serial moved)

        // Customers import into their own zones only, and never make one.
        QCOMPARE(import(m_aliceToken, QStringLiteral("bob.test"), QStringLiteral("x A 192.0.2.1\n")).status,
                 404);
        QCOMPARE(import(m_aliceToken, QStringLiteral("new.test"), QStringLiteral("x A 192.0.2.1\n")).status,
                 404);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/dns/zones/bob.test/export"), m_aliceToken).status,
                 404);
        QVERIFY(m_pdns.dig(QStringLiteral("x.bob.test"), QStringLiteral("A")).isEmpty());
        const auto own =
            import(m_aliceToken, QStringLiteral("alice.test"), QStringLiteral("x A 192.0.2.44\n"));
        QCOMPARE(waitForJob(queued(own)), QStringLiteral("completed"));
        QCOMPARE(m_pdns.dig(QStringLiteral("x.alice.test"), QStringLiteral("A")),
                 QStringList{QStringLiteral("192.0.2.44")});
    }
    void zoneTemplateGoesIntoNewForwardZones()
    {
        const auto put = [this](const QString &token, const QJsonArray &sets) {
            return m_api.call("PUT", QStringLiteral("/api/dns/template"), token,
                              {{QStringLiteral("record_sets"), sets}});
        };
        const auto set = [](const QString &name, const QString &type, const QStringList &records) {
            return QJsonObject{{QStringLiteral("name"), name},
                               {QStringLiteral("type"), type},
                               {QStringLiteral("records"), QJsonArray::fromStringList(records)}};
        };
        QCOMPARE(put(m_aliceToken, {}).status, 403);
        // Checked as for a zone, each refusal naming its field; nothing stored.
        auto bad =
            put(m_staff, {set(QStringLiteral("@"), QStringLiteral("MX"), {QStringLiteral("10 mail")}),
                          set(QStringLiteral("www"), QStringLiteral("A"), {QStringLiteral("192.0.2.300")})});
        QCOMPARE(bad.status, 422);
        QCOMPARE(test::errorField(bad), QStringLiteral("record_sets[1].records[0]"));
        bad =
            put(m_staff,
                {set(QStringLiteral("www.other.test."), QStringLiteral("A"), {QStringLiteral("192.0.2.1")})});
        QCOMPARE(test::errorField(bad), QStringLiteral("record_sets[0].name"));
        bad = put(m_staff,
                  {set(QStringLiteral("@"), QStringLiteral("CNAME"), {QStringLiteral("elsewhere.test.")})});
        QCOMPARE(bad.status, 422);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/dns/template"), m_staff)
                     .json()
                     .value(QStringLiteral("record_sets"))
                     .toArray()
                     .size(),
                 0);

        const auto saved =
            put(m_staff,
                {set(QStringLiteral("@"), QStringLiteral("MX"), {QStringLiteral("10 mail")}),
                 set(QStringLiteral("mail"), QStringLiteral("A"), {QStringLiteral("192.0.2.53")}),
                 set(QStringLiteral("_dmarc"), QStringLiteral("TXT"), {QStringLiteral("v=DMARC1; p=none")})});
        QCOMPARE(saved.status, 200);
        createZone(QStringLiteral("templated.test"));
        QCOMPARE(m_pdns.dig(QStringLiteral("templated.test"), QStringLiteral("MX")),
                 QStringList{QStringLiteral("10 mail.templated.test.")});
        QCOMPARE(m_pdns.dig(QStringLiteral("mail.templated.test"), QStringLiteral("A")),
                 QStringList{QStringLiteral("192.0.2.53")});
        QCOMPARE(m_pdns.dig(QStringLiteral("_dmarc.templated.test"), QStringLiteral("TXT")),
                 QStringList{QStringLiteral("\"v=DMARC1; p=none\"")});
        QCOMPARE(m_pdns.dig(QStringLiteral("templated.test"), QStringLiteral("NS")),
                 (QStringList{QStringLiteral("ns1.dnsco.test."), QStringLiteral("ns2.dnsco.test.")}));
        // Reverse zones get none.
        createZone(QStringLiteral("2.0.192.in-addr.arpa"));
        QVERIFY(m_pdns.dig(QStringLiteral("2.0.192.in-addr.arpa"), QStringLiteral("MX")).isEmpty());
        QVERIFY(m_pdns.dig(QStringLiteral("mail.2.0.192.in-addr.arpa"), QStringLiteral("A")).isEmpty());
        QCOMPARE(put(m_staff, {}).status, 200);
    }

    // Last: from here on every zone is copied to the secondary as well.
    void secondariesServeACopyOfEveryZone()
    {
        const auto r = m_api.call("POST", QStringLiteral("/api/dns/servers"), m_staff,
                                  {{QStringLiteral("name"), QStringLiteral("ns2")},
                                   {QStringLiteral("api_base"), m_secondary.apiBase()},
                                   {QStringLiteral("api_key"), m_secondary.apiKey()},
                                   {QStringLiteral("role"), QStringLiteral("secondary")},
                                   {QStringLiteral("mode"), QStringLiteral("sandbox")}});
        QCOMPARE(r.status, 201);
        QVERIFY(!r.body.contains(m_secondary.apiKey().toUtf8()));

        createZone(QStringLiteral("copied.test"));
        auto changed = m_api.call(
            "PATCH", QStringLiteral("/api/dns/zones/copied.test/records"), m_staff,
            changes({change(QStringLiteral("www"), QStringLiteral("A"), {QStringLiteral("192.0.2.80")}),
                     change(QStringLiteral("@"), QStringLiteral("MX"), {QStringLiteral("10 mail")})}));
        QCOMPARE(waitForJob(queued(changed)), QStringLiteral("completed"));
        for (const test::PdnsServer *server : {&m_pdns, &m_secondary}) {
            QCOMPARE(server->dig(QStringLiteral("www.copied.test"), QStringLiteral("A")),
                     QStringList{QStringLiteral("192.0.2.80")});
            QCOMPARE(server->dig(QStringLiteral("copied.test"), QStringLiteral("MX")),
                     QStringList{QStringLiteral("10 mail.copied.test.")});
            QCOMPARE(server->dig(QStringLiteral("copied.test"), QStringLiteral("NS")),
                     (QStringList{QStringLiteral("ns1.dnsco.test."), QStringLiteral("ns2.dnsco.test.")}));
        }

        // An edit and a removal reach both.
        changed = m_api.call(
            "PATCH", QStringLiteral("/api/dns/zones/copied.test/records"), m_staff,
            changes({change(QStringLiteral("www"), QStringLiteral("A"), {QStringLiteral("192.0.2.81")}),
                     change(QStringLiteral("@"), QStringLiteral("MX"), {}, 300, QStringLiteral("DELETE"))}));
        QCOMPARE(waitForJob(queued(changed)), QStringLiteral("completed"));
        for (const test::PdnsServer *server : {&m_pdns, &m_secondary}) {
            QCOMPARE(server->dig(QStringLiteral("www.copied.test"), QStringLiteral("A")),
                     QStringList{QStringLiteral("192.0.2.81")});
            QVERIFY(server->dig(QStringLiteral("copied.test"), QStringLiteral("MX")).isEmpty());
        }

        // A zone made before the secondary came gets its whole copy with its next change.
        QVERIFY(m_secondary.dig(QStringLiteral("www.alice.test"), QStringLiteral("A")).isEmpty());
        changed = m_api.call(
            "PATCH", QStringLiteral("/api/dns/zones/alice.test/records"), m_staff,
            changes({change(QStringLiteral("ftp"), QStringLiteral("A"), {QStringLiteral("192.0.2.82")})}));
        QCOMPARE(waitForJob(queued(changed)), QStringLiteral("completed"));
        QCOMPARE(m_secondary.dig(QStringLiteral("www.alice.test"), QStringLiteral("A")),
                 QStringList{QStringLiteral("192.0.2.7")});
        QCOMPARE(m_secondary.dig(QStringLiteral("ftp.alice.test"), QStringLiteral("A")),
                 QStringList{QStringLiteral("192.0.2.82")});

        // Deleting the zone deletes both.
        const auto gone = m_api.call("DELETE", QStringLiteral("/api/dns/zones/copied.test"), m_staff);
        QCOMPARE(waitForJob(queued(gone)), QStringLiteral("completed"));
        for (const test::PdnsServer *server : {&m_pdns, &m_secondary})
            QVERIFY(server->dig(QStringLiteral("www.copied.test"), QStringLiteral("A")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDnsApi)
#include "tst_dns_api.moc"
