// Guardian's collectors over log files written for the test (tests/data/guardian/): each file
// holds known attacks and known benign lines of one format, and <name>.expected.jsonl the
// events `guardian parse` must print for it, line for line. `auto` must find the same events
// in every file. Then the address helpers, and the command itself.
#include "guardian/ip_address.h"
#include "guardian/log_parser.h"

#include <QFile>
#include <QProcess>
#include <QTest>

using namespace mp::guardian;
using namespace Qt::StringLiterals;

namespace {

const QString kData = QStringLiteral(MPANEL_SOURCE_DIR "/tests/data/guardian/");

QByteArray readFile(const QString &name)
{
    QFile f(kData + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(name));
    return f.readAll();
}

QStringList eventLines(LogFormat format, const QByteArray &log)
{
    LogParser parser(format, YearHint{2026, 12});
    std::vector<LogEvent> events;
    parser.parseBuffer(std::string_view(log.constData(), static_cast<std::size_t>(log.size())), 1, events);
    QStringList lines;
    for (const LogEvent &e : events)
        lines.append(QString::fromStdString(eventJsonLine(e)));
    return lines;
}

QStringList expectedLines(const QString &base)
{
    return QString::fromUtf8(readFile(base + QStringLiteral(".expected.jsonl")))
        .split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestGuardianParse : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void collectors_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("base");
        QTest::newRow("sshd syslog, journal short, ISO") << u"sshd"_s << u"sshd"_s;
        QTest::newRow("sshd journal cat") << u"sshd"_s << u"sshd_cat"_s;
        QTest::newRow("postfix") << u"postfix"_s << u"postfix"_s;
        QTest::newRow("dovecot") << u"dovecot"_s << u"dovecot"_s;
        QTest::newRow("nginx-access") << u"nginx-access"_s << u"nginx-access"_s;
        QTest::newRow("nginx-error") << u"nginx-error"_s << u"nginx-error"_s;
        QTest::newRow("bind") << u"bind"_s << u"bind"_s;
        QTest::newRow("nsd") << u"nsd"_s << u"nsd"_s;
        QTest::newRow("pdns") << u"pdns"_s << u"pdns"_s;
        QTest::newRow("auto over a mixed file") << u"auto"_s << u"mixed"_s;
    }

    void collectors()
    {
        QFETCH(QString, format);
        QFETCH(QString, base);
        const auto f = formatFromName(format.toStdString());
        QVERIFY(f);
        const QByteArray log = readFile(base + QStringLiteral(".log"));
        const QStringList expected = expectedLines(base);
        QVERIFY(!expected.isEmpty()); // every file has true positives
        QCOMPARE(eventLines(*f, log), expected);
        // `auto` finds the same in a file of one format.
        QCOMPARE(eventLines(LogFormat::Auto, log), expected);
    }

    // Another format's collector finds nothing in a log: no false positives across families.
    void otherFormatsFindNothing()
    {
        QVERIFY(eventLines(LogFormat::Sshd, readFile(u"postfix.log"_s)).isEmpty());
        QVERIFY(eventLines(LogFormat::Postfix, readFile(u"sshd.log"_s)).isEmpty());
        QVERIFY(eventLines(LogFormat::NginxAccess, readFile(u"nginx-error.log"_s)).isEmpty());
        QVERIFY(eventLines(LogFormat::Bind, readFile(u"dovecot.log"_s)).isEmpty());
    }

    void lineEndingsAndYears()
    {
        // CRLF, and a December line read in January belongs to the year before.
        LogParser parser(LogFormat::Sshd, YearHint{2027, 1});
        std::vector<LogEvent> events;
        parser.parseLine("Dec 31 23:59:59 h sshd[1]: Failed password for root from 192.0.2.9 port 1 ssh2\r",
                         7, events);
        QCOMPARE(events.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(eventJsonLine(events.front())),
                 u"{\"line\":7,\"kind\":\"ssh_auth_failure\",\"address\":\"192.0.2.9\",\"account\":\"root\","
                 "\"time\":\"2026-12-31T23:59:59Z\"}"_s);
    }

    void addresses()
    {
        QCOMPARE(canonicalAddress("::ffff:192.0.2.1").value_or(""), std::string("192.0.2.1"));
        QCOMPARE(canonicalAddress("[2001:DB8:0:0::1]").value_or(""), std::string("2001:db8::1"));
        QVERIFY(!canonicalAddress("192.0.2.256"));
        QVERIFY(!canonicalAddress("example.com"));
        QCOMPARE(groupingKey("2001:db8:1:2:aaaa::1"), std::string("2001:db8:1:2::/64"));
        QCOMPARE(groupingKey("2001:db8:1:2:bbbb::9"), std::string("2001:db8:1:2::/64"));
        QCOMPARE(groupingKey("192.0.2.7"), std::string("192.0.2.7"));
        QVERIFY(cidrContains("10.0.0.0/8", "10.20.30.40"));
        QVERIFY(!cidrContains("10.0.0.0/8", "11.0.0.1"));
        QVERIFY(cidrContains("2001:db8::/32", "2001:db8:ffff::1"));
        QVERIFY(!cidrContains("2001:db8::/32", "192.0.2.1"));
        QVERIFY(cidrContains("192.0.2.1", "192.0.2.1"));
        QCOMPARE(canonicalCidr("10.1.2.3/8").value_or(""), std::string("10.0.0.0/8"));
        QVERIFY(!canonicalCidr("10.1.2.3/33"));
    }

    void command()
    {
        QProcess p;
        p.start(QStringLiteral(MPANEL_SERVICE_BINARY),
                {u"guardian"_s, u"parse"_s, u"--format"_s, u"nginx-access"_s, kData + u"nginx-access.log"_s});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts),
                 expectedLines(u"nginx-access"_s));

        p.start(QStringLiteral(MPANEL_SERVICE_BINARY),
                {u"guardian"_s, u"parse"_s, u"--format"_s, u"syslog-ng"_s, kData + u"sshd.log"_s});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--format must be one of"));
    }
};

QTEST_GUILESS_MAIN(TestGuardianParse)
#include "tst_guardian_parse.moc"
