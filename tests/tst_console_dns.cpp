// The console's DNS models against the test cluster, on a staff member's own session: zones by
// name with status, DNSSEC and pending changes; a zone's record sets paged by name and type;
// a change queued by another session (the API) shows as pending through the change feed; the
// inline edit of TTL and records, its refusals on the cell they are about; the customer
// detail's DNS box lists that customer's zones only.
#include "console_session/change_feed.h"
#include "db/sql.h"
#include "dns/customer_zones_part.h"
#include "dns/dns_section.h"
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

// The tenant's PowerDNS as a row only: no server answers, so sync jobs stay queued and changes
// stay pending.
Status addServer(TenantTransaction &tx)
{
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("INSERT INTO dns_servers (tenant_id, name, api_base, api_key, created_at, "
                       "updated_at) VALUES (?::uuid, 'ns1', 'http://127.0.0.1:8081', 'k', now(), now())"),
        {tx.tenantId()});
    return q ? Status() : Status(q.error());
}

// A zone made as the service makes it, with `changes` queued.
Result<dns::DnsZone> makeZone(TenantTransaction &tx, const QString &name,
                              const QList<dns::RecordChange> &changes = {}, const QString &customerId = {})
{
    dns::NewZone z;
    z.name = name;
    z.customerId = customerId;
    auto made = dns::DnsZones::create(tx, z, QStringLiteral("test"), QDateTime::currentDateTimeUtc());
    if (!made)
        return made.error();
    if (changes.isEmpty())
        return made->zone;
    auto changed = dns::DnsZones::change(tx, made->zone, changes, QStringLiteral("test"),
                                         QDateTime::currentDateTimeUtc());
    if (!changed)
        return changed.error();
    return made->zone;
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
            if (auto added = addServer(tx); !added)
                return added;
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
    void recordsEditInlineWithRefusalsAtTheField()
    {
        ConsoleFixture f;
        dns::DnsZone zone;
        const Status seeded = f.asService([&](TenantTransaction &tx) -> Status {
            if (auto added = addServer(tx); !added)
                return added;
            dns::RecordChange blog = aRecord(QStringLiteral("blog"), QStringLiteral("192.0.2.9"));
            blog.path = QStringLiteral("changes[1]");
            auto made = makeZone(tx, QStringLiteral("edit.test"),
                                 {aRecord(QStringLiteral("www"), QStringLiteral("192.0.2.1")), blog});
            if (!made)
                return made.error();
            zone = *made;
            return {};
        });
        QVERIFY(seeded.ok());
        const auto stored = [&](const QString &name) {
            return f.asService([&](TenantTransaction &tx) -> Result<QString> {
                auto q = sql::exec(
                    tx.db(),
                    QStringLiteral("SELECT ttl || ' ' || array_to_string(records, ',') FROM "
                                   "dns_rrsets WHERE zone_id = ?::uuid AND name = ? AND NOT deleted"),
                    {zone.id, name});
                if (!q)
                    return q.error();
                return q->next() ? q->value(0).toString() : QStringLiteral("(none)");
            });
        };

        ChangeFeed feed;
        QSignalSpy listening(&feed, &ChangeFeed::listening);
        feed.start(f.session->staffSettings(), f.tenantId, {channels::dnsRecords});
        QVERIFY(listening.wait(20000));
        DnsRecordTableModel records(f.session.get());
        QAbstractItemModelTester tester(&records, QAbstractItemModelTester::FailureReportingMode::QtTest);
        records.setChangeFeed(&feed, {channels::dnsRecords});
        records.setZone(zone.id, zone.name);
        QVERIFY(waitLoaded(records));
        QCOMPARE(records.rowCount(), 2);
        QCOMPARE(records.index(1, DnsRecordTableModel::Name).data().toString(), QStringLiteral("www"));
        QVERIFY(records.flags(records.index(1, DnsRecordTableModel::Records)) & Qt::ItemIsEditable);
        QVERIFY(!(records.flags(records.index(1, DnsRecordTableModel::Name)) & Qt::ItemIsEditable));
        QCOMPARE(records.index(1, DnsRecordTableModel::Records).data(Qt::EditRole).toString(),
                 QStringLiteral("192.0.2.1"));

        QSignalSpy queued(&records, &DnsRecordTableModel::changeQueued);
        QSignalSpy refused(&records, &DnsRecordTableModel::changeRefused);
        // Two records in one cell: queued, stored, shown once the feed reloads.
        QVERIFY(records.setData(records.index(1, DnsRecordTableModel::Records),
                                QStringLiteral("192.0.2.1  ·  192.0.2.2")));
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, 20000);
        QCOMPARE(*stored(QStringLiteral("www.edit.test.")), QStringLiteral("3600 192.0.2.1,192.0.2.2"));
        QTRY_COMPARE_WITH_TIMEOUT(records.index(1, DnsRecordTableModel::Records).data().toString(),
                                  QStringLiteral("192.0.2.1  ·  192.0.2.2"), 10000);

        // A bad address: refused by the rules, the message on the records cell, nothing stored.
        QVERIFY(
            records.setData(records.index(1, DnsRecordTableModel::Records), QStringLiteral("192.0.2.300")));
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 20000);
        QCOMPARE(refused.first().first().toString(),
                 QStringLiteral("'192.0.2.300' is not an IPv4 address (A record)"));
        QCOMPARE(records.fieldError(records.index(1, DnsRecordTableModel::Records)),
                 refused.first().first().toString());
        QCOMPARE(records.index(1, DnsRecordTableModel::Records).data(Qt::ToolTipRole).toString(),
                 refused.first().first().toString());
        QVERIFY(records.fieldError(records.index(1, DnsRecordTableModel::Ttl)).isEmpty());
        QCOMPARE(*stored(QStringLiteral("www.edit.test.")), QStringLiteral("3600 192.0.2.1,192.0.2.2"));

        // A TTL out of bounds: on the TTL cell.
        QVERIFY(records.setData(records.index(1, DnsRecordTableModel::Ttl), QStringLiteral("5")));
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 2, 20000);
        QVERIFY(!records.fieldError(records.index(1, DnsRecordTableModel::Ttl)).isEmpty());
        QVERIFY(records.fieldError(records.index(1, DnsRecordTableModel::Records)).isEmpty());
        QVERIFY(records.setData(records.index(1, DnsRecordTableModel::Ttl), QStringLiteral("600")));
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 2, 20000);
        QVERIFY(records.fieldError(records.index(1, DnsRecordTableModel::Ttl)).isEmpty());
        QCOMPARE(*stored(QStringLiteral("www.edit.test.")), QStringLiteral("600 192.0.2.1,192.0.2.2"));

        // An emptied cell removes the set.
        QVERIFY(records.setData(records.index(0, DnsRecordTableModel::Records), QString()));
        QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 3, 20000);
        QCOMPARE(*stored(QStringLiteral("blog.edit.test.")), QStringLiteral("(none)"));
        QTRY_COMPARE_WITH_TIMEOUT(records.rowCount(), 1, 10000);
    }

    void readOnlyStaffCannotEditInline()
    {
        ConsoleFixture f(StaffRole::ReadOnly);
        dns::DnsZone zone;
        QVERIFY(f.asService([&](TenantTransaction &tx) -> Status {
                     if (auto added = addServer(tx); !added)
                         return added;
                     auto made = makeZone(tx, QStringLiteral("ro.test"),
                                          {aRecord(QStringLiteral("www"), QStringLiteral("192.0.2.1"))});
                     if (!made)
                         return made.error();
                     zone = *made;
                     return {};
                 }).ok());
        DnsRecordTableModel records(f.session.get());
        records.setZone(zone.id, zone.name);
        QVERIFY(waitLoaded(records));
        QSignalSpy refused(&records, &DnsRecordTableModel::changeRefused);
        QVERIFY(records.setData(records.index(0, DnsRecordTableModel::Records), QStringLiteral("192.0.2.5")));
        QTRY_COMPARE_WITH_TIMEOUT(refused.size(), 1, 20000);
        QCOMPARE(records.index(0, DnsRecordTableModel::Records).data().toString(),
                 QStringLiteral("192.0.2.1"));
    }

    void customerDetailListsTheCustomersZones()
    {
        ConsoleFixture f;
        QString ada, bob;
        QVERIFY(f.asService([&](TenantTransaction &tx) -> Status {
                     for (QString *id : {&ada, &bob}) {
                         auto q = sql::exec(
                             tx.db(),
                             QStringLiteral("INSERT INTO customers (tenant_id, name, email) VALUES "
                                            "(?::uuid, ?, ?) RETURNING id::text"),
                             {tx.tenantId(), id == &ada ? QStringLiteral("Ada") : QStringLiteral("Bob"),
                              id == &ada ? QStringLiteral("ada@example.test")
                                         : QStringLiteral("bob@example.test")});
                         if (!q)
                             return q.error();
                         q->next();
                         *id = q->value(0).toString();
                     }
                     if (auto added = addServer(tx); !added)
                         return added;
                     for (const auto &[name, owner] : {std::pair{QStringLiteral("ada-one.test"), ada},
                                                       std::pair{QStringLiteral("ada-two.test"), ada},
                                                       std::pair{QStringLiteral("bob.test"), bob}}) {
                         if (auto made = makeZone(tx, name, {}, owner); !made)
                             return made.error();
                     }
                     return {};
                 }).ok());
        const ConsoleSection section = dnsSection();
        QCOMPARE(section.detailParts.size(), 1);
        QCOMPARE(section.detailParts.first().page, QStringLiteral("customer"));
        QCOMPARE(section.detailParts.first().slot, QStringLiteral("dns"));
        SectionContext context;
        context.session = f.session.get();
        std::unique_ptr<DetailPart> part(section.detailParts.first().make(context, nullptr));
        auto *zones = dynamic_cast<CustomerZonesPart *>(part.get());
        QVERIFY(zones);
        QAbstractItemModelTester tester(zones->zones(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        zones->showRecord(ada);
        QVERIFY(waitLoaded(*zones->zones()));
        QCOMPARE(zones->zones()->rowCount(), 2);
        QCOMPARE(zones->zones()->index(0, DnsZoneTableModel::Name).data().toString(),
                 QStringLiteral("ada-one.test"));
        QCOMPARE(zones->zones()->index(1, DnsZoneTableModel::Name).data().toString(),
                 QStringLiteral("ada-two.test"));
        zones->showRecord(bob);
        QVERIFY(waitLoaded(*zones->zones()));
        QCOMPARE(zones->zones()->rowCount(), 1);
        QCOMPARE(zones->zones()->index(0, DnsZoneTableModel::Name).data().toString(),
                 QStringLiteral("bob.test"));
    }
};

QTEST_MAIN(TestConsoleDns)
#include "tst_console_dns.moc"
