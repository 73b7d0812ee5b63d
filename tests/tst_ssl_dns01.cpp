// DNS-01 through the DNS module, proven against a real Pebble that resolves through a real
// PowerDNS (tests/servers/pebble-server with -dnsserver, tests/support/pdns_server): a name and
// its wildcard in one certificate, the TXT records published as the zone's record sets, asked of
// the server directly before the CA looks, and gone afterwards; a name outside every zone fails
// in words. AutoSSL: a CloudPod that comes up with its name gets a certificate for it, and a
// domain that becomes active gets one for the name and www.
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "emulators/proxmox_emulator.h"
#include "module/domain_events.h"
#include "support/dns_test_engine.h"
#include "support/pdns_server.h"
#include "support/pebble_server.h"
#include "support/pod_cluster.h"
#include "support/service_fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QSslCertificate>
#include <QTemporaryDir>

using namespace mp;
using mp::test::ProxmoxEmulator;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestSslDns01 : public QObject {
    Q_OBJECT

    test::ServiceFixture m_api;
    test::PdnsServer m_pdns;
    test::PebbleServer m_pebble;
    std::unique_ptr<ProxmoxEmulator> m_pve;
    std::unique_ptr<JobEngine> m_engine;
    QTemporaryDir m_tmp;
    QString m_tenant, m_staff, m_customer;
    int m_files = 0;

    QJsonObject detail(const QString &id)
    {
        return m_api.call("GET", QStringLiteral("/api/ssl/certificates/") + id, m_staff).json();
    }

    QString request(const QStringList &names)
    {
        const auto r = m_api.call("POST", QStringLiteral("/api/ssl/certificates"), m_staff,
                                  {{QStringLiteral("names"), QJsonArray::fromStringList(names)},
                                   {QStringLiteral("challenge"), QStringLiteral("dns-01")}});
        if (r.status != 202)
            qWarning("expected 202, got %d %s", r.status, r.body.constData());
        return str(r.json().value(QStringLiteral("certificate")).toObject(), "id");
    }

    // Waits until the certificate leaves pending/renewing (valid or failed).
    QJsonObject settled(const QString &id)
    {
        QJsonObject c;
        for (int waited = 0; waited < 90000; waited += 100) {
            c = detail(id);
            const QString status = str(c, "status");
            if (status == QLatin1String("valid") || status == QLatin1String("failed"))
                return c;
            QTest::qWait(100);
        }
        qWarning("certificate %s is still %s", qPrintable(id), qPrintable(str(c, "status")));
        return c;
    }

    bool dnsSettled()
    {
        return m_api.scalar(
                   QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'dns.sync_zone' AND status NOT IN "
                                  "('completed', 'dead', 'cancelled')")) == 0;
    }

    QString pemFile(const QString &pem)
    {
        const QString path = m_tmp.filePath(QStringLiteral("cert-%1.pem").arg(++m_files));
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(pem.toUtf8());
        return path;
    }

    QStringList sans(const QString &pem)
    {
        const auto chain = QSslCertificate::fromData(pem.toUtf8(), QSsl::Pem);
        if (chain.isEmpty())
            return {};
        QStringList names = chain.first().subjectAlternativeNames().values(QSsl::DnsEntry);
        names.sort();
        return names;
    }

    QString certificateFor(const QString &sourceType, const QString &sourceId)
    {
        return m_api.text(
            QStringLiteral("SELECT id::text FROM ssl_certificates WHERE source_type = ? AND source_id = ?"),
            {sourceType, sourceId});
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MPANEL_LOG", "off");
        qputenv("MPANEL_SSL_KEY_SECRET", QByteArray(32, 'd').toBase64());
        qputenv("MPANEL_ACME_POLL_MS", "100");
        qputenv("MPANEL_SSL_AUTO", "on");
        qputenv("MPANEL_PROXMOX_TIMEOUT_MS", "1500");
        qputenv("MPANEL_PROXMOX_TASK_POLL_MS", "50");
        qputenv("MPANEL_PROXMOX_RETRY_DELAY_MS", "50");
        const Status pdns = m_pdns.start();
        QVERIFY2(pdns.ok(), pdns.ok() ? "" : qPrintable(pdns.error().message));
        test::PebbleServer::Options options;
        options.dnsServer = QStringLiteral("127.0.0.1:%1").arg(m_pdns.dnsPort());
        const Status pebble = m_pebble.start(options);
        QVERIFY2(pebble.ok(), pebble.ok() ? "" : qPrintable(pebble.error().message));
        qputenv("MPANEL_ACME_DIRECTORY_URL", m_pebble.directoryUrl().toUtf8());
        qputenv("MPANEL_ACME_CA_CERTIFICATES", m_pebble.tlsCaFile().toUtf8());
        m_pve = std::make_unique<ProxmoxEmulator>();
        m_pve->setTaskDurationMs(50);
        m_pve->setAuthFailureDelayMs(0);
        QVERIFY(m_pve->start().ok());

        m_api.start(QStringLiteral("ssl-dns01"));
        m_tenant = m_api.tenant(QStringLiteral("DNS-01 Co"));
        m_staff = m_api.staffToken(m_tenant);
        const test::PodCluster cluster = test::registerPodCluster(m_api, m_staff, *m_pve);
        QVERIFY2(!cluster.id.isEmpty(), qPrintable(cluster.failure));
        const auto server =
            m_api.call("POST", QStringLiteral("/api/dns/servers"), m_staff,
                       {{QStringLiteral("name"), QStringLiteral("sandbox")},
                        {QStringLiteral("api_base"), m_pdns.apiBase()},
                        {QStringLiteral("api_key"), m_pdns.apiKey()},
                        {QStringLiteral("dns_address"), QStringLiteral("127.0.0.1:%1").arg(m_pdns.dnsPort())},
                        {QStringLiteral("mode"), QStringLiteral("sandbox")}});
        QVERIFY2(server.status == 201, server.body.constData());
        QCOMPARE(m_api
                     .call("PUT", QStringLiteral("/api/dns/settings"), m_staff,
                           {{QStringLiteral("pod_zone"), QStringLiteral("pods.shop.test")},
                            {QStringLiteral("nameservers"), QJsonArray{QStringLiteral("ns1.shop.test.")}},
                            {QStringLiteral("default_ttl"), 300}})
                     .status,
                 200);
        const auto zone = m_api.call("POST", QStringLiteral("/api/dns/zones"), m_staff,
                                     {{QStringLiteral("name"), QStringLiteral("shop.test")}});
        QVERIFY2(zone.status == 202 || zone.status == 201, zone.body.constData());
        m_customer = m_api.signUp(m_tenant, QStringLiteral("Ada"), QStringLiteral("ada@example.com")).second;
        m_engine = test::startDnsTestEngine(m_api.settings());
        QVERIFY(m_engine);
        QTRY_VERIFY_WITH_TIMEOUT(dnsSettled(), 30000);
    }

    void aNameAndItsWildcardByDns01()
    {
        const QString id = request({QStringLiteral("shop.test"), QStringLiteral("*.shop.test")});
        QVERIFY(!id.isEmpty());
        const QJsonObject c = settled(id);
        QVERIFY2(str(c, "status") == QLatin1String("valid"), qPrintable(str(c, "last_error")));
        QCOMPARE(m_pebble.verify(pemFile(str(c, "certificate_pem"))), QString());
        QCOMPARE(sans(str(c, "certificate_pem")),
                 (QStringList{QStringLiteral("*.shop.test"), QStringLiteral("shop.test")}));
        // The CA was asked only once the server served both values (one TXT set for both names).
        QVERIFY(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM job_log l JOIN jobs j ON j.id = l.job_id "
                                        "WHERE j.related_id = ? AND l.line LIKE 'every DNS server serves%'"),
                         {id}) >= 1);
        QVERIFY(m_api.scalar(QStringLiteral("SELECT count(*) FROM job_log l JOIN jobs j ON j.id = l.job_id "
                                            "WHERE j.related_id = ? AND l.line LIKE 'published 2 dns-01%'"),
                             {id}) == 1);
        // Cleaned up after: the records leave mPanel's zone and the server.
        QTRY_VERIFY_WITH_TIMEOUT(dnsSettled(), 30000);
        QCOMPARE(m_pdns.dig(QStringLiteral("_acme-challenge.shop.test"), QStringLiteral("TXT")),
                 QStringList());
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM dns_rrsets WHERE name LIKE '_acme-challenge.%' "
                                        "AND NOT deleted")),
            0);
    }

    void aNameOutsideEveryZoneFailsInWords()
    {
        const QString id = request({QStringLiteral("www.elsewhere.test")});
        const QJsonObject c = settled(id);
        QCOMPARE(str(c, "status"), QStringLiteral("failed"));
        QVERIFY2(str(c, "last_error").contains(QLatin1String("no zone there holds it")),
                 qPrintable(str(c, "last_error")));
    }

    void aNewPodGetsACertificateForItsName()
    {
        const QString templateId = m_api.text(
            QStringLiteral(
                "SELECT id::text FROM cloudpod_templates WHERE tenant_id = ?::uuid AND name = 'Mini'"),
            {m_tenant});
        const auto pod = m_api.call("POST", QStringLiteral("/api/cloudpods"), m_staff,
                                    {{QStringLiteral("customer_id"), m_customer},
                                     {QStringLiteral("template_id"), templateId},
                                     {QStringLiteral("hostname"), QStringLiteral("web1")}});
        QVERIFY2(pod.status == 201, pod.body.constData());
        const QString podId = pod.json().value(QStringLiteral("id")).toString();
        QString certId;
        QTRY_VERIFY_WITH_TIMEOUT(!(certId = certificateFor(QStringLiteral("cloud_pod"), podId)).isEmpty(),
                                 30000);
        const QJsonObject c = settled(certId);
        QVERIFY2(str(c, "status") == QLatin1String("valid"), qPrintable(str(c, "last_error")));
        QCOMPARE(c.value(QStringLiteral("names")).toArray(),
                 QJsonArray{QStringLiteral("web1.pods.shop.test")});
        QCOMPARE(str(c, "customer_id"), m_customer);
        QCOMPARE(m_pebble.verify(pemFile(str(c, "certificate_pem"))), QString());
        // Its name answers in DNS too.
        QTRY_VERIFY_WITH_TIMEOUT(dnsSettled(), 30000);
        QCOMPARE(m_pdns.dig(QStringLiteral("web1.pods.shop.test"), QStringLiteral("A")),
                 QStringList{QStringLiteral("10.20.0.10")});
    }

    void anActiveDomainGetsACertificateOnce()
    {
        const QString domainId = QStringLiteral("7d0f3c56-3f7e-4d8e-9a59-2f3b1c0d9e11");
        for (int i = 0; i < 2; ++i) { // announced again (a later sync): nothing new
            const QString connection = QStringLiteral("announce-%1").arg(i);
            {
                auto db = sql::open(m_api.settings(), connection);
                QVERIFY(db);
                auto tx = TenantTransaction::begin(*db, m_tenant);
                QVERIFY(tx);
                events::DomainEvent event;
                event.name = events::DomainActive;
                event.customerId = m_customer;
                event.subjectId = domainId;
                event.data = {{QStringLiteral("name"), QStringLiteral("shop.test")}};
                const Status s = events::DomainEvents::announce(*tx, event, QDateTime::currentDateTimeUtc());
                QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
                QVERIFY(tx->commit().ok());
                db->close();
            }
            QSqlDatabase::removeDatabase(connection);
        }
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT count(*) FROM ssl_certificates WHERE source_type = 'domain'")),
                 1);
        const QJsonObject c = settled(certificateFor(QStringLiteral("domain"), domainId));
        QVERIFY2(str(c, "status") == QLatin1String("valid"), qPrintable(str(c, "last_error")));
        QCOMPARE(str(c, "challenge"), QStringLiteral("dns-01")); // its zone is in mPanel's DNS
        QCOMPARE(sans(str(c, "certificate_pem")),
                 (QStringList{QStringLiteral("shop.test"), QStringLiteral("www.shop.test")}));
    }

    void cleanupTestCase()
    {
        test::stopTestEngine(m_engine);
        m_pebble.stop();
        m_pve.reset();
    }
};

QTEST_MAIN(TestSslDns01)
#include "tst_ssl_dns01.moc"
