// Zones come with the service: a CloudPod provisioned on the Proxmox emulator gets
// <pod>.<tenant's pod zone> (A) and the PTR of its address in its pool's reverse zone, both
// made by jobs on a real PowerDNS and proven with dig; terminating the pod removes exactly those
// record sets and nothing else. CloudPods never names DNS: the two meet in ServiceEvents.
#include "emulators/proxmox_emulator.h"
#include "support/dns_test_engine.h"
#include "support/pdns_server.h"
#include "support/pod_cluster.h"
#include "support/service_fixture.h"

#include <QJsonArray>

using namespace mp;
using mp::test::ProxmoxEmulator;

class TestDnsPods : public QObject {
    Q_OBJECT

    test::ServiceFixture m_api;
    test::PdnsServer m_pdns;
    std::unique_ptr<ProxmoxEmulator> m_pve;
    std::unique_ptr<JobEngine> m_engine;
    QString m_tenant, m_staff, m_customer, m_customerToken, m_template;

    QString podStatus(const QString &id)
    {
        return m_api.call("GET", QStringLiteral("/api/cloudpods/") + id, m_staff)
            .json()
            .value(QStringLiteral("status"))
            .toString();
    }

    // Every DNS job queued so far has finished.
    bool dnsSettled()
    {
        return m_api.scalar(
                   QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'dns.sync_zone' AND status NOT IN "
                                  "('completed', 'dead', 'cancelled')")) == 0 &&
               m_api.scalar(QStringLiteral("SELECT count(*) FROM dns_changes WHERE status = 'pending'")) == 0;
    }

    QString createPod(const QString &hostname, const QString &customer)
    {
        const auto r = m_api.call("POST", QStringLiteral("/api/cloudpods"), m_staff,
                                  {{QStringLiteral("customer_id"), customer},
                                   {QStringLiteral("template_id"), m_template},
                                   {QStringLiteral("hostname"), hostname}});
        if (r.status != 201)
            qFatal("create pod: %d %s", r.status, r.body.constData());
        return r.json().value(QStringLiteral("id")).toString();
    }

    QString podAddress(const QString &id)
    {
        return m_api.call("GET", QStringLiteral("/api/cloudpods/") + id, m_staff)
            .json()
            .value(QStringLiteral("address"))
            .toString();
    }

    static QString reverseOf(const QString &v4)
    {
        QStringList octets = v4.split(u'.');
        std::reverse(octets.begin(), octets.end());
        return octets.join(u'.') + QStringLiteral(".in-addr.arpa");
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MPANEL_LOG", "off");
        qputenv("MPANEL_PROXMOX_TIMEOUT_MS", "1500");
        qputenv("MPANEL_PROXMOX_TASK_POLL_MS", "50");
        qputenv("MPANEL_PROXMOX_RETRY_DELAY_MS", "50");
        const Status started = m_pdns.start();
        QVERIFY2(started.ok(), qPrintable(started.error().message));
        m_pve = std::make_unique<ProxmoxEmulator>();
        m_pve->setTaskDurationMs(50);
        m_pve->setAuthFailureDelayMs(0);
        QVERIFY(m_pve->start().ok());

        m_api.start(QStringLiteral("dns-pods"));
        m_tenant = m_api.tenant(QStringLiteral("Pod Names Co"));
        m_staff = m_api.staffToken(m_tenant);

        const test::PodCluster cluster = test::registerPodCluster(m_api, m_staff, *m_pve);
        QVERIFY2(!cluster.id.isEmpty(), qPrintable(cluster.failure));

        QCOMPARE(m_api
                     .call("POST", QStringLiteral("/api/dns/servers"), m_staff,
                           {{QStringLiteral("name"), QStringLiteral("sandbox")},
                            {QStringLiteral("api_base"), m_pdns.apiBase()},
                            {QStringLiteral("api_key"), m_pdns.apiKey()},
                            {QStringLiteral("mode"), QStringLiteral("sandbox")}})
                     .status,
                 201);
        QCOMPARE(m_api
                     .call("PUT", QStringLiteral("/api/dns/settings"), m_staff,
                           {{QStringLiteral("pod_zone"), QStringLiteral("pods.names.test")},
                            {QStringLiteral("nameservers"), QJsonArray{QStringLiteral("ns1.names.test.")}},
                            {QStringLiteral("default_ttl"), 300}})
                     .status,
                 200);

        const auto ada = m_api.signUp(m_tenant, QStringLiteral("Ada"), QStringLiteral("ada@example.com"));
        m_customerToken = ada.first;
        m_customer = ada.second;
        m_template = m_api.text(
            QStringLiteral(
                "SELECT id::text FROM cloudpod_templates WHERE tenant_id = ?::uuid AND name = 'Mini'"),
            {m_tenant});
        QVERIFY(!m_template.isEmpty());

        m_engine = test::startDnsTestEngine(m_api.settings());
        QVERIFY(m_engine);
    }

    void cleanupTestCase()
    {
        test::stopTestEngine(m_engine);
        m_pve.reset();
    }

    void aPodGetsItsNameAndPtrAndLosesThemWhenRemoved()
    {
        // A record by hand in the pod zone, which the pod's removal must leave alone.
        const QString web = createPod(QStringLiteral("web1"), m_customer);
        QTRY_COMPARE_WITH_TIMEOUT(podStatus(web), QStringLiteral("active"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(dnsSettled(), 20000);
        QCOMPARE(m_pdns.dig(QStringLiteral("web1.pods.names.test"), QStringLiteral("A")),
                 QStringList{QStringLiteral("10.20.0.10")});
        QCOMPARE(m_pdns.dig(QStringLiteral("10.0.20.10.in-addr.arpa"), QStringLiteral("PTR")),
                 QStringList{QStringLiteral("web1.pods.names.test.")});
        // Both zones were made for it, with the tenant's name server.
        QCOMPARE(m_pdns.dig(QStringLiteral("pods.names.test"), QStringLiteral("NS")),
                 QStringList{QStringLiteral("ns1.names.test.")});
        QCOMPARE(m_pdns.dig(QStringLiteral("0.20.10.in-addr.arpa"), QStringLiteral("NS")),
                 QStringList{QStringLiteral("ns1.names.test.")});

        const QString db = createPod(QStringLiteral("db1"), m_customer);
        QTRY_COMPARE_WITH_TIMEOUT(podStatus(db), QStringLiteral("active"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(dnsSettled(), 20000);
        QCOMPARE(m_pdns.dig(QStringLiteral("db1.pods.names.test"), QStringLiteral("A")),
                 QStringList{QStringLiteral("10.20.0.11")});
        const auto byHand = m_api.call(
            "PATCH", QStringLiteral("/api/dns/zones/pods.names.test/records"), m_staff,
            {{QStringLiteral("changes"),
              QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("www")},
                                     {QStringLiteral("type"), QStringLiteral("CNAME")},
                                     {QStringLiteral("records"), QJsonArray{QStringLiteral("web1")}},
                                     {QStringLiteral("changetype"), QStringLiteral("REPLACE")}}}}});
        QCOMPARE(byHand.status, 202);
        QTRY_VERIFY_WITH_TIMEOUT(dnsSettled(), 20000);

        // Removing web1 removes exactly its A and PTR.
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/cloudpods/%1/terminate").arg(web), m_staff).status,
                 202);
        QTRY_COMPARE_WITH_TIMEOUT(podStatus(web), QStringLiteral("terminated"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(dnsSettled(), 20000);
        QVERIFY(m_pdns.dig(QStringLiteral("web1.pods.names.test"), QStringLiteral("A")).isEmpty());
        QVERIFY(m_pdns.dig(QStringLiteral("10.0.20.10.in-addr.arpa"), QStringLiteral("PTR")).isEmpty());
        QCOMPARE(m_pdns.dig(QStringLiteral("db1.pods.names.test"), QStringLiteral("A")),
                 QStringList{QStringLiteral("10.20.0.11")});
        QCOMPARE(m_pdns.dig(QStringLiteral("11.0.20.10.in-addr.arpa"), QStringLiteral("PTR")),
                 QStringList{QStringLiteral("db1.pods.names.test.")});
        QCOMPARE(m_pdns.dig(QStringLiteral("www.pods.names.test"), QStringLiteral("CNAME")),
                 QStringList{QStringLiteral("web1.pods.names.test.")});
        QCOMPARE(m_pdns.dig(QStringLiteral("pods.names.test"), QStringLiteral("NS")),
                 QStringList{QStringLiteral("ns1.names.test.")});
    }
    void customersSetThePtrOfTheirOwnPodsOnly()
    {
        const auto bob = m_api.signUp(m_tenant, QStringLiteral("Bob"), QStringLiteral("bob@example.com"));
        const QString mine = createPod(QStringLiteral("ada2"), m_customer);
        const QString theirs = createPod(QStringLiteral("bob1"), bob.second);
        QTRY_COMPARE_WITH_TIMEOUT(podStatus(mine), QStringLiteral("active"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(podStatus(theirs), QStringLiteral("active"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(dnsSettled(), 20000);
        const QString myAddress = podAddress(mine);
        const QString theirAddress = podAddress(theirs);
        QVERIFY(!myAddress.isEmpty() && !theirAddress.isEmpty() && myAddress != theirAddress);
        QCOMPARE(m_pdns.dig(reverseOf(theirAddress), QStringLiteral("PTR")),
                 QStringList{QStringLiteral("bob1.pods.names.test.")});

        // The customer sees their own pods' PTRs, not Bob's.
        const auto list = m_api.call("GET", QStringLiteral("/api/dns/reverse"), m_customerToken);
        QCOMPARE(list.status, 200);
        QStringList addresses;
        for (const QJsonValue &v : list.json().value(QStringLiteral("items")).toArray())
            addresses << v.toObject().value(QStringLiteral("address")).toString();
        QVERIFY2(addresses.contains(myAddress) && !addresses.contains(theirAddress),
                 qPrintable(addresses.join(u',')));

        const auto put = [this](const QString &token, const QString &address, const QString &ptr) {
            return m_api.call("PUT", QStringLiteral("/api/dns/reverse/") + address, token,
                              {{QStringLiteral("ptr"), ptr}});
        };
        // Bob's address answers as one with no PTR, and keeps its PTR.
        const auto foreign = put(m_customerToken, theirAddress, QStringLiteral("evil.example.test"));
        QCOMPARE(foreign.status, 404);
        QCOMPARE(test::errorField(foreign), QStringLiteral("address"));
        QCOMPARE(put(m_customerToken, QStringLiteral("192.0.2.99"), QStringLiteral("x.example.test")).status,
                 404);
        QCOMPARE(
            put(m_customerToken, QStringLiteral("not-an-address"), QStringLiteral("x.example.test")).status,
            422);
        const auto badName = put(m_customerToken, myAddress, QStringLiteral("no spaces allowed"));
        QCOMPARE(badName.status, 422);
        QCOMPARE(test::errorField(badName), QStringLiteral("ptr"));

        const auto own = put(m_customerToken, myAddress, QStringLiteral("Mail.Ada.Test"));
        QCOMPARE(own.status, 202);
        QTRY_VERIFY_WITH_TIMEOUT(dnsSettled(), 20000);
        QCOMPARE(m_pdns.dig(reverseOf(myAddress), QStringLiteral("PTR")),
                 QStringList{QStringLiteral("mail.ada.test.")});
        QCOMPARE(m_pdns.dig(reverseOf(theirAddress), QStringLiteral("PTR")),
                 QStringList{QStringLiteral("bob1.pods.names.test.")});
        // Staff may set any; Bob's own token his.
        QCOMPARE(put(bob.first, theirAddress, QStringLiteral("bob.example.test.")).status, 202);
        QTRY_VERIFY_WITH_TIMEOUT(dnsSettled(), 20000);
        QCOMPARE(m_pdns.dig(reverseOf(theirAddress), QStringLiteral("PTR")),
                 QStringList{QStringLiteral("bob.example.test.")});

        // The PTR stays the pod's: terminating it removes the customer's PTR too.
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/cloudpods/%1/terminate").arg(mine), m_staff).status,
                 202);
        QTRY_COMPARE_WITH_TIMEOUT(podStatus(mine), QStringLiteral("terminated"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(dnsSettled(), 20000);
        QVERIFY(m_pdns.dig(reverseOf(myAddress), QStringLiteral("PTR")).isEmpty());
        QCOMPARE(put(m_customerToken, myAddress, QStringLiteral("mail.ada.test")).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestDnsPods)
#include "tst_dns_pods.moc"
