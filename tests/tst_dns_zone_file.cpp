// BIND zone files on their own: what import reads ($ORIGIN, $TTL and its units, parentheses,
// comments, quoted strings, blank owners, TTL and class in either order), what it skips (SOA,
// DNSSEC records), what it refuses (naming the line), and that what export writes reads back
// into the same record sets.
#include "dns/dns_errors.h"
#include "dns/dns_zone_file.h"

#include <QTest>

using namespace mp;
using namespace mp::dns;

namespace {

const QString kZone = QStringLiteral("example.test.");

QString refusal(const QString &text)
{
    auto r = parseZoneFile(text, kZone, 3600);
    if (r)
        return QStringLiteral("(accepted)");
    if (r.error().field != QLatin1String("zone_file"))
        return QStringLiteral("(field %1)").arg(r.error().field);
    return r.error().message;
}

const RecordChange *findSet(const ZoneFileContent &c, const QString &name, const QString &type)
{
    for (const RecordChange &r : c.changes) {
        if (r.name == name && r.type == type)
            return &r;
    }
    return nullptr;
}

} // namespace

class TestDnsZoneFile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsWhatBindWrites()
    {
        const QString text = QStringLiteral("; a zone as BIND writes it\n"
                                            "$ORIGIN example.test.\n"
                                            "$TTL 1h\n"
                                            "@   IN SOA ns1.example.test. hostmaster.example.test. (\n"
                                            "        2024010101 ; serial\n"
                                            "        3600 900 604800 300 )\n"
                                            "    IN NS  ns1\n"
                                            "    IN NS  ns2.elsewhere.test.\n"
                                            "    300 IN MX 10 mail ; primary\n"
                                            "    IN 300 MX 20 mail.elsewhere.test.\n"
                                            "www 600 A 192.0.2.1\n"
                                            "    A 192.0.2.2\n"
                                            "v6  AAAA 2001:db8::1\n"
                                            "blog CNAME www\n"
                                            "@ TXT \"v=spf1 mx -all\" \n"
                                            "txt TXT \"semi;colon\" \"two\"\n"
                                            "_sip._tcp SRV 10 5 5060 sip.example.test.\n"
                                            "@ CAA 0 issue \"letsencrypt.org\"\n"
                                            "$ORIGIN sub.example.test.\n"
                                            "deep 2d A 192.0.2.9\n"
                                            "@ DNSKEY 257 3 13 abc=\n"
                                            "1.2 PTR host.example.test.\n");
        auto r = parseZoneFile(text, kZone, 3600);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->skipped, 2); // SOA, DNSKEY
        const RecordChange *ns = findSet(*r, kZone, QStringLiteral("NS"));
        QVERIFY(ns);
        QCOMPARE(ns->records,
                 (QStringList{QStringLiteral("ns1.example.test."), QStringLiteral("ns2.elsewhere.test.")}));
        QCOMPARE(ns->ttl, 3600);
        const RecordChange *mx = findSet(*r, kZone, QStringLiteral("MX"));
        QVERIFY(mx);
        QCOMPARE(mx->ttl, 300);
        QCOMPARE(mx->records, (QStringList{QStringLiteral("10 mail.example.test."),
                                           QStringLiteral("20 mail.elsewhere.test.")}));
        const RecordChange *www = findSet(*r, QStringLiteral("www.example.test."), QStringLiteral("A"));
        QVERIFY(www);
        QCOMPARE(www->ttl, 600);
        QCOMPARE(www->records, (QStringList{QStringLiteral("192.0.2.1"), QStringLiteral("192.0.2.2")}));
        QCOMPARE(www->path, QStringLiteral("zone_file:11"));
        // No TTL: $TTL (RFC 2308).
        QCOMPARE(findSet(*r, QStringLiteral("v6.example.test."), QStringLiteral("AAAA"))->ttl, 3600);
        // With no $TTL: the last TTL given (RFC 1035), else the tenant's default.
        auto old =
            parseZoneFile(QStringLiteral("a A 192.0.2.1\nb 300 A 192.0.2.2\nc A 192.0.2.3\n"), kZone, 1800);
        QVERIFY(old);
        QCOMPARE(old->changes.at(0).ttl, 1800);
        QCOMPARE(old->changes.at(1).ttl, 300);
        QCOMPARE(old->changes.at(2).ttl, 300);
        QCOMPARE(findSet(*r, QStringLiteral("blog.example.test."), QStringLiteral("CNAME"))->records,
                 QStringList{QStringLiteral("www.example.test.")});
        QCOMPARE(findSet(*r, kZone, QStringLiteral("TXT"))->records,
                 QStringList{QStringLiteral("\"v=spf1 mx -all\"")});
        QCOMPARE(findSet(*r, QStringLiteral("txt.example.test."), QStringLiteral("TXT"))->records,
                 QStringList{QStringLiteral("\"semi;colon\" \"two\"")});
        QCOMPARE(findSet(*r, QStringLiteral("_sip._tcp.example.test."), QStringLiteral("SRV"))->records,
                 QStringList{QStringLiteral("10 5 5060 sip.example.test.")});
        QCOMPARE(findSet(*r, kZone, QStringLiteral("CAA"))->records,
                 QStringList{QStringLiteral("0 issue \"letsencrypt.org\"")});
        const RecordChange *deep = findSet(*r, QStringLiteral("deep.sub.example.test."), QStringLiteral("A"));
        QVERIFY(deep);
        QCOMPARE(deep->ttl, 172800);
        QCOMPARE(findSet(*r, QStringLiteral("1.2.sub.example.test."), QStringLiteral("PTR"))->records,
                 QStringList{QStringLiteral("host.example.test.")});
    }

    void refusesBadInputNamingTheLine()
    {
        QCOMPARE(refusal(QStringLiteral("www A 192.0.2.1\nftp A 300.1.1.1\n")),
                 QStringLiteral("line 2: '300.1.1.1' is not an IPv4 address (A record)"));
        QCOMPARE(refusal(QStringLiteral("\n\nwww A 192.0.2.1\nx HINFO a b\n")).left(7),
                 QStringLiteral("line 4:"));
        QCOMPARE(refusal(QStringLiteral("www.other.test. A 192.0.2.1\n")).left(7), QStringLiteral("line 1:"));
        QCOMPARE(refusal(QStringLiteral("$INCLUDE /etc/passwd\n")),
                 QStringLiteral("line 1: $INCLUDE is not supported"));
        QCOMPARE(refusal(QStringLiteral("$GENERATE 1-10 h$ A 192.0.2.$\n")).left(7),
                 QStringLiteral("line 1:"));
        QCOMPARE(refusal(QStringLiteral("www A 192.0.2.1\n@ SOA a. b. (1 2 3\n4 5\n")),
                 QStringLiteral("line 2: '(' is never closed"));
        QCOMPARE(refusal(QStringLiteral("a TXT \"open\nb A 192.0.2.1\n")).left(7), QStringLiteral("line 1:"));
        QCOMPARE(refusal(QStringLiteral("www 10 A 192.0.2.1\n")).left(7), QStringLiteral("line 1:"));
        QCOMPARE(refusal(QStringLiteral("www CH A 192.0.2.1\n")),
                 QStringLiteral("line 1: only class IN is served"));
        QCOMPARE(refusal(QStringLiteral("   A 192.0.2.1\n")),
                 QStringLiteral("line 1: the first record names its owner"));
        QCOMPARE(refusal(QStringLiteral("mx MX mail\n")).left(7), QStringLiteral("line 1:"));
        QCOMPARE(refusal(QStringLiteral("$ORIGIN other.test.\n")).left(7), QStringLiteral("line 1:"));
        QCOMPARE(refusal(QStringLiteral("www\n")), QStringLiteral("line 1: the record has no type"));
        QCOMPARE(refusal(QStringLiteral("www A\n")), QStringLiteral("line 1: the A record has no data"));
        auto r = parseZoneFile(QStringLiteral("www A 192.0.2.1\n"), kZone, 3600);
        QVERIFY(r);
        QCOMPARE(r->changes.size(), 1);
    }

    void aLaterRefusalIsPutOnItsLine()
    {
        Error e =
            makeError(errors::DnsCnameConflict, QStringLiteral("x cannot have a CNAME and other records (A)"),
                      zoneFileField(7) + QStringLiteral(".type"));
        const Error mapped = zoneFileError(e);
        QCOMPARE(mapped.field, QStringLiteral("zone_file"));
        QCOMPARE(mapped.message, QStringLiteral("line 7: x cannot have a CNAME and other records (A)"));
        const Error other = makeError(errors::DnsZoneBusy, QStringLiteral("busy"), QStringLiteral("name"));
        QCOMPARE(zoneFileError(other).field, QStringLiteral("name"));
    }

    void whatExportWritesReadsBack()
    {
        QList<DnsRecordRow> rows;
        const auto row = [&](const QString &name, const QString &type, int ttl, const QStringList &records) {
            DnsRecordRow r;
            r.name = name;
            r.type = type;
            r.ttl = ttl;
            r.records = records;
            rows << r;
        };
        row(kZone, QStringLiteral("CAA"), 3600, {QStringLiteral("0 issue \"letsencrypt.org\"")});
        row(kZone, QStringLiteral("MX"), 300, {QStringLiteral("10 mail.example.test.")});
        row(kZone, QStringLiteral("NS"), 3600,
            {QStringLiteral("ns1.example.test."), QStringLiteral("ns2.example.test.")});
        row(kZone, QStringLiteral("TXT"), 3600,
            {QStringLiteral("\"v=spf1 -all\""), QStringLiteral("\"a\" \"b\"")});
        row(QStringLiteral("_sip._tcp.example.test."), QStringLiteral("SRV"), 60,
            {QStringLiteral("1 2 3 sip.example.test.")});
        row(QStringLiteral("blog.example.test."), QStringLiteral("CNAME"), 3600,
            {QStringLiteral("www.example.test.")});
        row(QStringLiteral("www.example.test."), QStringLiteral("A"), 600, {QStringLiteral("192.0.2.1")});
        row(QStringLiteral("www.example.test."), QStringLiteral("AAAA"), 600,
            {QStringLiteral("2001:db8::1")});
        row(QStringLiteral("1.example.test."), QStringLiteral("PTR"), 600,
            {QStringLiteral("www.example.test.")});
        const QString text = writeZoneFile(
            kZone, QStringLiteral("ns1.example.test. hostmaster.example.test. 7 10800 3600 604800 3600"),
            3600, rows);
        QVERIFY(
            text.contains(QStringLiteral("@\t3600\tIN\tSOA\tns1.example.test. hostmaster.example.test. 7 ")));
        auto back = parseZoneFile(text, kZone, 1234);
        QVERIFY2(back, qPrintable(back ? QString() : back.error().message));
        QCOMPARE(back->skipped, 1);
        QCOMPARE(back->changes.size(), rows.size());
        for (const DnsRecordRow &r : std::as_const(rows)) {
            const RecordChange *c = findSet(*back, r.name, r.type);
            QVERIFY2(c, qPrintable(r.name + u' ' + r.type));
            QCOMPARE(c->ttl, r.ttl);
            QCOMPARE(c->records, r.records);
        }
    }
};

QTEST_GUILESS_MAIN(TestDnsZoneFile)
#include "tst_dns_zone_file.moc"
