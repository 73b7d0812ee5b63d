// The console's DNS models against the test cluster, on a staff member's own session: zones by
// name with status, DNSSEC and pending changes; a zone's record sets paged by name and type;
// a change queued by another session (the API) shows as pending through the change feed.
#include "console_session/change_feed.h"
#include "db/sql.h"
#include "dns/dns_zones.h"
#include "dns_channels.h"
#include "dns_record_table_model.h"
#include "dns_zone_table_model.h"
#include "support/console_fixture.h"

#include <QAbstractItemModelTester>

using namespace mp;
using mp::test::ConsoleFixture;

namespace {

bool waitLoaded(LazyTableModelBase &model, int timeoutMs = 20000)
{
    QSignalSpy loaded(&model, &LazyTableModelBase::rowsLoaded);
    QSignalSpy failed(&model, &LazyTableModelBase::loadFailed);
    for (int waited = 0; loaded.isEmpty() && failed.isEmpty() && waited < timeoutMs; waited += 10)
        QTest::qWait(10);
    if (!failed.isEmpty())
        qWarning("load failed: %s", qPrintable(failed.first().first().value<Error>().message));
    return !loaded.isEmpty();
}

dns::RecordChange aRecord(const QString &name, const QString &address)
{
    dns::RecordChange c;
    c.name = name;
    c.type = QStringLiteral("A");
    c.records = {address};
    c.path = QStringLiteral("changes[0]");
    return c;
}

} // namespace

class TestConsoleDns : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void zonesAndRecordsAreLive()
    {
        ConsoleFixture f;
        // The service's side: a server and two zones, one with records (no PowerDNS needed: the
        // sync jobs stay queued, so the changes stay pending).
        const Status seeded = f.asService([&](TenantTransaction &tx) -> Status {
            auto q = sql::exec(
                tx.db(),
                QStringLiteral(
                    "INSERT INTO dns_servers (tenant_id, name, api_base, api_key, created_at, "
                    "updated_at) VALUES (?::uuid, 'ns1', 'http://127.0.0.1:8081', 'k', now(), now())"),
                {tx.tenantId()});
            if (!q)
                return q.error();
            for (const QString &name : {QStringLiteral("b.test"), QStringLiteral("a.test")}) {
                dns::NewZone zone;
                zone.name = name;
                if (auto z = dns::DnsZones::create(tx, zone, QStringLiteral("test"),
                                                   QDateTime::currentDateTimeUtc());
                    !z)
                    return z.error();
            }
            return {};
        });
        QVERIFY(seeded.ok());

        ChangeFeed feed;
        QSignalSpy listening(&feed, &ChangeFeed::listening);
        feed.start(f.session->staffSettings(), f.tenantId, {channels::dnsZones, channels::dnsRecords});
        QVERIFY(listening.wait(20000));

        DnsZoneTableModel zones(f.session.get());
        QAbstractItemModelTester zoneTester(&zones, QAbstractItemModelTester::FailureReportingMode::QtTest);
        zones.setChangeFeed(&feed, {channels::dnsZones});
        zones.refresh();
        QVERIFY(waitLoaded(zones));
        QCOMPARE(zones.rowCount(), 2);
        QCOMPARE(zones.index(0, DnsZoneTableModel::Name).data().toString(), QStringLiteral("a.test"));
        QCOMPARE(zones.index(0, DnsZoneTableModel::Status).data().toString(),
                 QStringLiteral("Being created"));
        QCOMPARE(zones.index(0, DnsZoneTableModel::Dnssec).data().toString(), QStringLiteral("Off"));
        QCOMPARE(zones.index(0, DnsZoneTableModel::Pending).data().toString(),
                 QStringLiteral("1 change(s) pending"));

        const dns::DnsZone a = zones.rowAt(0);
        DnsRecordTableModel records(f.session.get());
        QAbstractItemModelTester recordTester(&records,
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        records.setChangeFeed(&feed, {channels::dnsRecords});
        QCOMPARE(records.rowCount(), 0);
        records.setZone(a.id, a.name);
        QVERIFY(waitLoaded(records));
        QCOMPARE(records.rowCount(), 0); // no name servers configured: not even NS

        // Another session queues a change: both tables follow.
        const auto queued = f.asService([&](TenantTransaction &tx) {
            return dns::DnsZones::change(tx, a, {aRecord(QStringLiteral("www"), QStringLiteral("192.0.2.1"))},
                                         QStringLiteral("test"), QDateTime::currentDateTimeUtc());
        });
        QVERIFY(queued.ok());
        QTRY_COMPARE_WITH_TIMEOUT(records.rowCount(), 1, 5000);
        QCOMPARE(records.index(0, DnsRecordTableModel::Name).data().toString(), QStringLiteral("www"));
        QCOMPARE(records.index(0, DnsRecordTableModel::Records).data().toString(),
                 QStringLiteral("192.0.2.1"));
        QCOMPARE(records.index(0, DnsRecordTableModel::State).data().toString(), QStringLiteral("Pending"));
        QTRY_COMPARE_WITH_TIMEOUT(zones.index(0, DnsZoneTableModel::Pending).data().toString(),
                                  QStringLiteral("2 change(s) pending"), 5000);
    }
};

QTEST_GUILESS_MAIN(TestConsoleDns)
#include "tst_console_dns.moc"
