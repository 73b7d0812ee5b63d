// The record rules on their own: names relative or absolute and inside the zone, each type's
// syntax in PowerDNS's form, TTL bounds, TXT split into 255-byte strings, CAA tags, CNAME
// exclusivity and no CNAME at the apex, reverse names. Every refusal names the field.
#include "dns/dns_errors.h"
#include "dns/dns_names.h"
#include "dns/dns_record_rules.h"

#include <QTest>

using namespace mp;
using namespace mp::dns;

namespace {

const QString kZone = QStringLiteral("example.test.");

Result<RecordSet> check(const QString &name, const QString &type, const QStringList &records,
                        std::optional<int> ttl = std::nullopt)
{
    RecordChange c;
    c.name = name;
    c.type = type;
    c.records = records;
    c.ttl = ttl;
    c.path = QStringLiteral("changes[0]");
    return checkChange(c, kZone, 3600);
}

} // namespace

class TestDnsRecords : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void namesAreMadeAbsoluteInsideTheZone()
    {
        QCOMPARE(*ownerName(QStringLiteral("www"), kZone, QStringLiteral("f")),
                 QStringLiteral("www.example.test."));
        QCOMPARE(*ownerName(QStringLiteral("@"), kZone, QStringLiteral("f")), kZone);
        QCOMPARE(*ownerName(QString(), kZone, QStringLiteral("f")), kZone);
        QCOMPARE(*ownerName(QStringLiteral("WWW.Example.Test."), kZone, QStringLiteral("f")),
                 QStringLiteral("www.example.test."));
        QCOMPARE(*ownerName(QStringLiteral("*.dev"), kZone, QStringLiteral("f")),
                 QStringLiteral("*.dev.example.test."));
        QCOMPARE(*ownerName(QStringLiteral("_dmarc"), kZone, QStringLiteral("f")),
                 QStringLiteral("_dmarc.example.test."));

        auto outside = ownerName(QStringLiteral("www.other.test."), kZone, QStringLiteral("changes[1].name"));
        QVERIFY(!outside);
        QCOMPARE(outside.error().code, QString::fromLatin1(errors::DnsNameOutOfZone.name));
        QCOMPARE(outside.error().field, QStringLiteral("changes[1].name"));
        // A suffix that is not a label boundary is outside too.
        QVERIFY(!ownerName(QStringLiteral("wwwexample.test."), kZone, QStringLiteral("f")));

        for (const char *bad : {"-www", "www-", "a..b", "spa ce", "ü", "x.*"}) {
            auto r = ownerName(QString::fromUtf8(bad), kZone, QStringLiteral("f"));
            QVERIFY2(!r, bad);
            QCOMPARE(r.error().code, QString::fromLatin1(errors::DnsInvalidName.name));
        }
        QVERIFY(!ownerName(QString(64, u'a'), kZone, QStringLiteral("f")));
        QVERIFY(ownerName(QString(63, u'a'), kZone, QStringLiteral("f")).ok());

        QCOMPARE(*canonicalZone(QStringLiteral("Example.COM"), QStringLiteral("name")),
                 QStringLiteral("example.com."));
        QVERIFY(!canonicalZone(QStringLiteral("com"), QStringLiteral("name")));
        QCOMPARE(relativeName(QStringLiteral("www.example.test."), kZone), QStringLiteral("www"));
        QCOMPARE(relativeName(kZone, kZone), QStringLiteral("@"));
    }

    void recordsTakePowerDnsForm()
    {
        QCOMPARE(check(QStringLiteral("www"), QStringLiteral("A"), {QStringLiteral("192.0.2.1")})->records,
                 QStringList{QStringLiteral("192.0.2.1")});
        QCOMPARE(
            check(QStringLiteral("www"), QStringLiteral("AAAA"), {QStringLiteral("2001:DB8::0:1")})->records,
            QStringList{QStringLiteral("2001:db8::1")});
        QCOMPARE(check(QStringLiteral("www"), QStringLiteral("CNAME"), {QStringLiteral("web")})->records,
                 QStringList{QStringLiteral("web.example.test.")});
        QCOMPARE(check(QStringLiteral("@"), QStringLiteral("MX"), {QStringLiteral("10 mail")})->records,
                 QStringList{QStringLiteral("10 mail.example.test.")});
        QCOMPARE(check(QStringLiteral("@"), QStringLiteral("MX"), {QStringLiteral("0 .")})->records,
                 QStringList{QStringLiteral("0 .")});
        QCOMPARE(check(QStringLiteral("_sip._tcp"), QStringLiteral("SRV"),
                       {QStringLiteral("10 5 5060 sip.example.net.")})
                     ->records,
                 QStringList{QStringLiteral("10 5 5060 sip.example.net.")});
        QCOMPARE(
            check(QStringLiteral("@"), QStringLiteral("CAA"), {QStringLiteral("0 issue letsencrypt.org")})
                ->records,
            QStringList{QStringLiteral("0 issue \"letsencrypt.org\"")});
        QCOMPARE(
            check(QStringLiteral("@"), QStringLiteral("TXT"), {QStringLiteral("v=spf1 mx -all")})->records,
            QStringList{QStringLiteral("\"v=spf1 mx -all\"")});
        QCOMPARE(
            check(QStringLiteral("10"), QStringLiteral("PTR"), {QStringLiteral("pod.example.net.")})->records,
            QStringList{QStringLiteral("pod.example.net.")});
        QCOMPARE(check(QStringLiteral("www"), QStringLiteral("A"), {QStringLiteral("192.0.2.1")}, 300)->ttl,
                 300);
        QCOMPARE(check(QStringLiteral("www"), QStringLiteral("A"), {QStringLiteral("192.0.2.1")})->ttl, 3600);
    }

    void badRecordsNameTheirField_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("record");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        const QString rec = QStringLiteral("changes[0].records[0]");
        const QString invalid = QString::fromLatin1(errors::DnsInvalidRecord.name);
        QTest::newRow("A not v4") << "www"
                                  << "A"
                                  << "2001:db8::1" << rec << invalid;
        QTest::newRow("A short") << "www"
                                 << "A"
                                 << "10.1" << rec << invalid;
        QTest::newRow("A octet") << "www"
                                 << "A"
                                 << "10.0.0.256" << rec << invalid;
        QTest::newRow("AAAA v4") << "www"
                                 << "AAAA"
                                 << "192.0.2.1" << rec << invalid;
        QTest::newRow("MX no prio") << "@"
                                    << "MX"
                                    << "mail" << rec << invalid;
        QTest::newRow("MX big prio") << "@"
                                     << "MX"
                                     << "65536 mail" << rec << invalid;
        QTest::newRow("SRV parts") << "_sip._tcp"
                                   << "SRV"
                                   << "10 5060 sip" << rec << invalid;
        QTest::newRow("SRV owner") << "sip"
                                   << "SRV"
                                   << "10 5 5060 sip"
                                   << "changes[0].name" << QString::fromLatin1(errors::DnsInvalidName.name);
        QTest::newRow("CAA tag") << "@"
                                 << "CAA"
                                 << "0 issu letsencrypt.org" << rec << invalid;
        QTest::newRow("CAA flags") << "@"
                                   << "CAA"
                                   << "256 issue letsencrypt.org" << rec << invalid;
        QTest::newRow("CAA iodef") << "@"
                                   << "CAA"
                                   << "0 iodef security.example" << rec << invalid;
        QTest::newRow("CNAME two names") << "www"
                                         << "CNAME"
                                         << "a b" << rec << invalid;
        QTest::newRow("CNAME self") << "www"
                                    << "CNAME"
                                    << "www" << rec << invalid;
        QTest::newRow("NS bad label") << "sub"
                                      << "NS"
                                      << "-ns1" << rec << QString::fromLatin1(errors::DnsInvalidName.name);
        QTest::newRow("TXT open quote") << "@"
                                        << "TXT"
                                        << "\"unclosed" << rec << invalid;
    }

    void badRecordsNameTheirField()
    {
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(QString, record);
        QFETCH(QString, field);
        QFETCH(QString, code);
        auto r = check(name, type, {record});
        QVERIFY(!r);
        QCOMPARE(r.error().field, field);
        QCOMPARE(r.error().code, code);
    }

    void ttlBoundsAndSetRules()
    {
        auto low =
            check(QStringLiteral("www"), QStringLiteral("A"), {QStringLiteral("192.0.2.1")}, kMinTtl - 1);
        QVERIFY(!low);
        QCOMPARE(low.error().field, QStringLiteral("changes[0].ttl"));
        QVERIFY(
            !check(QStringLiteral("www"), QStringLiteral("A"), {QStringLiteral("192.0.2.1")}, kMaxTtl + 1));
        QVERIFY(
            check(QStringLiteral("www"), QStringLiteral("A"), {QStringLiteral("192.0.2.1")}, kMaxTtl).ok());
        auto twice = check(QStringLiteral("www"), QStringLiteral("A"),
                           {QStringLiteral("192.0.2.1"), QStringLiteral("192.0.2.1")});
        QVERIFY(!twice);
        QCOMPARE(twice.error().field, QStringLiteral("changes[0].records[1]"));
        auto twoCnames =
            check(QStringLiteral("www"), QStringLiteral("CNAME"), {QStringLiteral("a"), QStringLiteral("b")});
        QVERIFY(!twoCnames);
        QCOMPARE(twoCnames.error().field, QStringLiteral("changes[0].records"));
        auto type = check(QStringLiteral("www"), QStringLiteral("SOA"), {QStringLiteral("x")});
        QVERIFY(!type);
        QCOMPARE(type.error().field, QStringLiteral("changes[0].type"));
    }

    void txtIsSplitInto255ByteStrings()
    {
        const QString longText(600, u'a');
        auto r = txtContent(longText, QStringLiteral("f"));
        QVERIFY(r.ok());
        QCOMPARE(*r, QStringLiteral("\"%1\" \"%2\" \"%3\"")
                         .arg(QString(255, u'a'), QString(255, u'a'), QString(90, u'a')));
        // Never inside a UTF-8 character: 200 two-byte characters are 400 bytes, cut after 127.
        auto utf8 = txtContent(QString(200, QChar(0x00e9)), QStringLiteral("f"));
        QVERIFY(utf8.ok());
        QCOMPARE(
            *utf8,
            QStringLiteral("\"%1\" \"%2\"").arg(QString(127, QChar(0x00e9)), QString(73, QChar(0x00e9))));
        // Quotes and backslashes are escaped; quoted input is kept as its strings.
        QCOMPARE(*txtContent(QStringLiteral("say \"hi\" \\o/"), QStringLiteral("f")),
                 QStringLiteral("\"say \\\"hi\\\" \\\\o/\""));
        QCOMPARE(*txtContent(QStringLiteral("\"part one\" \"part two\""), QStringLiteral("f")),
                 QStringLiteral("\"part one\" \"part two\""));
        QVERIFY(!txtContent(QStringLiteral("\"%1\"").arg(QString(256, u'x')), QStringLiteral("f")));
        QVERIFY(!txtContent(QString(kMaxTxtBytes + 1, u'x'), QStringLiteral("f")));
    }

    void cnameIsExclusiveAndNeverAtTheApex()
    {
        const RecordSet cname{QStringLiteral("www.example.test."),
                              QStringLiteral("CNAME"),
                              300,
                              {QStringLiteral("web.example.test.")},
                              QStringLiteral("changes[0]")};
        QVERIFY(checkBatch({cname}, kZone, {}).ok());

        // An A record already at the name.
        QMap<QString, QSet<QString>> existing{{QStringLiteral("www.example.test."), {QStringLiteral("A")}}};
        auto conflict = checkBatch({cname}, kZone, existing);
        QVERIFY(!conflict);
        QCOMPARE(conflict.error().code, QString::fromLatin1(errors::DnsCnameConflict.name));
        QCOMPARE(conflict.error().field, QStringLiteral("changes[0].type"));

        // The same batch removes the A: fine.
        const RecordSet dropA{
            QStringLiteral("www.example.test."), QStringLiteral("A"), 300, {}, QStringLiteral("changes[1]")};
        QVERIFY(checkBatch({cname, dropA}, kZone, existing).ok());

        // An A added where a CNAME is.
        QMap<QString, QSet<QString>> hasCname{
            {QStringLiteral("www.example.test."), {QStringLiteral("CNAME")}}};
        const RecordSet addA{QStringLiteral("www.example.test."),
                             QStringLiteral("A"),
                             300,
                             {QStringLiteral("192.0.2.1")},
                             QStringLiteral("changes[3]")};
        auto a = checkBatch({addA}, kZone, hasCname);
        QVERIFY(!a);
        QCOMPARE(a.error().field, QStringLiteral("changes[3].type"));

        const RecordSet apex{kZone,
                             QStringLiteral("CNAME"),
                             300,
                             {QStringLiteral("other.test.")},
                             QStringLiteral("changes[2]")};
        auto atApex = checkBatch({apex}, kZone, {});
        QVERIFY(!atApex);
        QCOMPARE(atApex.error().field, QStringLiteral("changes[2].type"));

        auto twice = checkBatch({cname, cname}, kZone, {});
        QVERIFY(!twice);
    }

    void reverseNames()
    {
        QCOMPARE(reverseZone(QHostAddress(QStringLiteral("10.20.0.10")), 24),
                 QStringLiteral("0.20.10.in-addr.arpa."));
        QCOMPARE(reverseZone(QHostAddress(QStringLiteral("10.20.3.10")), 20),
                 QStringLiteral("20.10.in-addr.arpa."));
        QCOMPARE(reverseZone(QHostAddress(QStringLiteral("10.20.0.10")), 28),
                 QStringLiteral("0.20.10.in-addr.arpa."));
        QCOMPARE(reverseName(QHostAddress(QStringLiteral("10.20.0.10"))),
                 QStringLiteral("10.0.20.10.in-addr.arpa."));
        QCOMPARE(reverseZone(QHostAddress(QStringLiteral("2001:db8::1")), 64),
                 QStringLiteral("0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa."));
        QCOMPARE(reverseName(QHostAddress(QStringLiteral("2001:db8::1"))).count(u'.'), 34);
    }
};

QTEST_GUILESS_MAIN(TestDnsRecords)
#include "tst_dns_records.moc"
