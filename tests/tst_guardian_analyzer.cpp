// Guardian's analyzers: brute force and spraying per address and per account, probing, floods
// and spam bursts against the tenant's thresholds, with IPv6 grouped per /64; spread-out or
// few events (benign traffic) make no finding.
#include "guardian/analyzer.h"
#include "guardian/log_parser.h"

#include <QFile>
#include <QTest>

using namespace mp::guardian;

namespace {

constexpr qint64 kT0 = 1796640000; // 2026-12-07T00:00:00Z

LogEvent makeEvent(EventKind kind, const std::string &address, const std::string &account, qint64 time)
{
    LogEvent e;
    e.kind = kind;
    e.address = address;
    e.account = account;
    e.time = time;
    e.line = 1;
    e.text = "a line";
    return e;
}

QList<FindingDraft> analyze(const std::vector<LogEvent> &events, Thresholds t = {})
{
    Analyzer a(t, kT0);
    for (const LogEvent &e : events)
        a.add(e, 0, QStringLiteral("/var/log/test.log"));
    return a.findings();
}

} // namespace

class TestGuardianAnalyzer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bruteForcePerAddress()
    {
        std::vector<LogEvent> events;
        for (int i = 0; i < 10; ++i)
            events.push_back(makeEvent(EventKind::SshAuthFailure, "203.0.113.5", "root", kT0 + i * 30));
        auto f = analyze(events);
        QCOMPARE(f.size(), 1);
        QCOMPARE(f[0].kind, QStringLiteral("brute_force"));
        QCOMPARE(f[0].severity, QStringLiteral("medium"));
        QCOMPARE(f[0].subject, QStringLiteral("203.0.113.5"));
        QCOMPARE(f[0].account, QStringLiteral("root"));
        QCOMPARE(f[0].count, 10);
        QCOMPARE(f[0].firstSeen, kT0);
        QCOMPARE(f[0].lastSeen, kT0 + 270);
        QCOMPARE(f[0].evidence.size(), 10);
        QCOMPARE(f[0].evidence[0].source, QStringLiteral("/var/log/test.log"));

        for (int i = 10; i < 30; ++i)
            events.push_back(makeEvent(EventKind::ImapAuthFailure, "203.0.113.5", "root", kT0 + 300 + i));
        f = analyze(events);
        QCOMPARE(f.size(), 1);
        QCOMPARE(f[0].severity, QStringLiteral("high")); // 30 within the window: three times the threshold
    }

    void benignFailuresMakeNothing()
    {
        std::vector<LogEvent> events;
        // A user mistyping a password nine times, and the same spread over hours.
        for (int i = 0; i < 9; ++i)
            events.push_back(
                makeEvent(EventKind::ImapAuthFailure, "198.51.100.1", "carol@example.com", kT0 + i));
        for (int i = 0; i < 40; ++i)
            events.push_back(makeEvent(EventKind::SshAuthFailure, "198.51.100.2", "deploy", kT0 + i * 3600));
        // Mail a mailbox sends at an ordinary pace.
        for (int i = 0; i < 150; ++i)
            events.push_back(makeEvent(EventKind::MailSent, "198.51.100.3", "bob@example.com", kT0 + i * 30));
        QVERIFY(analyze(events).isEmpty());
    }

    void sprayingPerAddress()
    {
        std::vector<LogEvent> events;
        for (int i = 0; i < 12; ++i)
            events.push_back(makeEvent(EventKind::SmtpAuthFailure, "203.0.113.9",
                                       "user" + std::to_string(i % 6) + "@example.com", kT0 + i));
        auto f = analyze(events);
        QCOMPARE(f.size(), 1);
        QCOMPARE(f[0].kind, QStringLiteral("password_spraying"));
        QCOMPARE(f[0].severity, QStringLiteral("high"));
        QVERIFY(f[0].account.isEmpty());
    }

    void ipv6GroupedPerSlash64AndAccountAttack()
    {
        std::vector<LogEvent> events;
        // Ten addresses of one /64, one failure each on one mailbox.
        for (int i = 0; i < 10; ++i)
            events.push_back(makeEvent(EventKind::ImapAuthFailure, "2001:db8:1:2::" + std::to_string(i + 1),
                                       "dave@example.com", kT0 + i));
        auto f = analyze(events);
        QCOMPARE(f.size(), 1);
        QCOMPARE(f[0].kind, QStringLiteral("brute_force"));
        QCOMPARE(f[0].subject, QStringLiteral("2001:db8:1:2::/64"));
        QCOMPARE(f[0].address, QStringLiteral("2001:db8:1:2::/64"));

        // The same mailbox from ten different networks: an attack on the account.
        events.clear();
        for (int i = 0; i < 10; ++i)
            events.push_back(makeEvent(EventKind::ImapAuthFailure, "192.0.2." + std::to_string(i + 1),
                                       "dave@example.com", kT0 + i));
        f = analyze(events);
        QCOMPARE(f.size(), 1);
        QCOMPARE(f[0].kind, QStringLiteral("account_attack"));
        QCOMPARE(f[0].subject, QStringLiteral("dave@example.com"));
    }

    void probingFloodsAndSpam()
    {
        std::vector<LogEvent> events;
        for (int i = 0; i < 10; ++i)
            events.push_back(makeEvent(EventKind::WebProbe, "203.0.113.50", {}, kT0 + i));
        for (int i = 0; i < 50; ++i)
            events.push_back(makeEvent(EventKind::RateLimited, "203.0.113.60", {}, kT0 + i));
        for (int i = 0; i < 200; ++i)
            events.push_back(
                makeEvent(EventKind::MailSent, "198.51.100.30", "bob@example.com", kT0 + i * 10));
        const auto f = analyze(events);
        QCOMPARE(f.size(), 3);
        QCOMPARE(f[0].kind, QStringLiteral("spam_burst"));
        QCOMPARE(f[0].severity, QStringLiteral("high"));
        QCOMPARE(f[0].subject, QStringLiteral("bob@example.com"));
        QCOMPARE(f[1].kind, QStringLiteral("flood"));
        QCOMPARE(f[2].kind, QStringLiteral("probing"));
    }

    void thresholdsAreTheTenants()
    {
        std::vector<LogEvent> events;
        for (int i = 0; i < 3; ++i)
            events.push_back(makeEvent(EventKind::SshInvalidUser, "203.0.113.7", "admin", kT0 + i));
        QVERIFY(analyze(events).isEmpty());
        Thresholds strict;
        strict.bruteForce = 3;
        QCOMPARE(analyze(events, strict).size(), 1);
        strict.windowS = 1; // three within any second: no
        QVERIFY(analyze(events, strict).isEmpty());
    }

    // From a log file to findings: the test data's sshd log, with a strict threshold.
    void fromALogFile()
    {
        QFile f(QStringLiteral(MPANEL_SOURCE_DIR "/tests/data/guardian/sshd.log"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray log = f.readAll();
        LogParser parser(LogFormat::Sshd, YearHint{2026, 12});
        std::vector<LogEvent> events;
        parser.parseBuffer(std::string_view(log.constData(), static_cast<std::size_t>(log.size())), 1,
                           events);
        Thresholds t;
        t.bruteForce = 3;
        Analyzer a(t, kT0);
        for (const LogEvent &e : events)
            a.add(e, 0, QStringLiteral("sshd.log"));
        const auto found = a.findings();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found[0].subject, QStringLiteral("203.0.113.5")); // three failures of root
        QCOMPARE(found[0].evidence.size(), 3);
        QCOMPARE(found[0].evidence[0].line, 1);
        QVERIFY(found[0].evidence[0].text.contains(QLatin1String("Failed password for root")));
    }
};

QTEST_GUILESS_MAIN(TestGuardianAnalyzer)
#include "tst_guardian_analyzer.moc"
