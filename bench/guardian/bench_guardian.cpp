// Guardian's log scan at scale: writes (once) a file of mixed logs, by default 1 GiB, of the
// formats the collectors read (nginx access and error, sshd, Postfix, Dovecot, BIND, NSD,
// PowerDNS; about one line in five an attack), then scans it with the `auto` format on 1 and
// on N threads (the file cut at line ends, one parser and analyzer per thread, as one scan job
// per log source runs) and prints MB/s and lines/s as RESULT lines and a Markdown table.
//
//   mpanel-bench-guardian [--file PATH] [--mb SIZE] [--threads N]
#include "guardian/analyzer.h"
#include "guardian/log_parser.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <sys/mman.h>

#include <cstdio>
#include <thread>

using namespace mp::guardian;

namespace {

QByteArray address(QRandomGenerator &rng, bool attacker)
{
    if (rng.bounded(10) == 0)
        return QByteArray("2001:db8:") + QByteArray::number(rng.bounded(attacker ? 16 : 65536), 16) +
               "::" + QByteArray::number(rng.bounded(65536), 16);
    const quint32 pool = attacker ? 200 : 1 << 20;
    const quint32 n = rng.bounded(pool);
    return QByteArray::number(attacker ? 203 : 198) + '.' + QByteArray::number(attacker ? 0 : 51) + '.' +
           QByteArray::number((n >> 8) & 255) + '.' + QByteArray::number(n & 255);
}

// One line of one of the formats; `attack` picks a hostile line of it.
QByteArray line(QRandomGenerator &rng, int second)
{
    const bool attack = rng.bounded(5) == 0;
    const QByteArray a = address(rng, attack);
    const QByteArray t = QByteArray::number(10 + second / 3600 % 14) + ':' +
                         QByteArray::number(10 + second / 60 % 50) + ':' +
                         QByteArray::number(10 + second % 50);
    const QByteArray syslog = "Dec  7 " + t + " host1 ";
    const int pick = static_cast<int>(rng.bounded(100));
    if (pick < 45) { // nginx access: the bulk of a web host's log
        static const char *paths[] = {"/", "/index.html", "/shop/cart?id=42", "/api/items", "/static/app.js"};
        static const char *probes[] = {"/wp-login.php", "/.env", "/.git/config", "/phpmyadmin/setup.php"};
        const QByteArray path = attack ? probes[rng.bounded(4)] : paths[rng.bounded(5)];
        return a + " - - [07/Dec/2026:" + t + " +0000] \"GET " + path + " HTTP/1.1\" " +
               (attack ? "404" : "200") +
               " 5120 \"https://shop.example.com/\" \"Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 "
               "Firefox/120.0\"";
    }
    if (pick < 55)
        return "2026/12/07 " + t + " [error] 1234#1234: *" + QByteArray::number(rng.bounded(100000)) +
               (attack ? " limiting requests, excess: 20.520 by zone \"perip\""
                       : " open() \"/var/www/favicon.ico\" failed (2: No such file or directory)") +
               ", client: " + a +
               ", server: shop.example.com, request: \"GET / HTTP/1.1\", host: \"shop.example.com\"";
    if (pick < 70) {
        const QByteArray pid = QByteArray::number(rng.bounded(60000));
        if (attack)
            return syslog + "sshd[" + pid + "]: Failed password for invalid user admin from " + a + " port " +
                   QByteArray::number(rng.bounded(60000)) + " ssh2";
        return syslog + "sshd[" + pid + "]: Accepted publickey for deploy from " + a + " port " +
               QByteArray::number(rng.bounded(60000)) + " ssh2: ED25519 SHA256:Lq8r1d2xJ0kUQp9tA";
    }
    if (pick < 80)
        return attack ? syslog + "postfix/smtpd[2001]: warning: unknown[" + a +
                            "]: SASL LOGIN authentication failed: UGFzc3dvcmQ6"
                      : syslog + "postfix/smtpd[2001]: 4F1B2C3D4E: client=mail.example.net[" + a +
                            "], sasl_method=PLAIN, sasl_username=user" +
                            QByteArray::number(rng.bounded(500)) + "@example.com";
    if (pick < 90)
        return syslog + "dovecot: imap-login: " +
               (attack ? QByteArray("Disconnected (auth failed, 1 attempts in 2 secs)")
                       : QByteArray("Login")) +
               ": user=<user" + QByteArray::number(rng.bounded(500)) +
               "@example.com>, method=PLAIN, rip=" + a +
               ", lip=192.0.2.10, mpid=1234, TLS, session=<k3Jd8s0aPqLx>";
    if (pick < 95)
        return "07-Dec-2026 " + t + ".123 " +
               (attack ? "security: info: client @0x7f1c2c0a1b68 " + a +
                             "#53211 (example.com): query (cache) 'example.com/ANY/IN' denied"
                       : "queries: info: client @0x7f1c2c0a1b68 " + a +
                             "#5353 (www.example.com): query: www.example.com IN A +E(0)K (192.0.2.53)");
    if (pick < 98)
        return "[2026-12-07 " + t + ".000] nsd[800]: info: axfr for example.org. from " + a +
               (attack ? " refused, no acl matches" : "");
    return syslog + "pdns_server[900]: AXFR-out zone 'example.com', client '" + a + ":53', " +
           (attack ? "failed: client may not request AXFR" : "transfer initiated");
}

bool generate(const QString &path, qint64 bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QRandomGenerator rng(20261207);
    // 200,000 distinct lines, written over and over: the parser sees realistic variety, the
    // generator stays fast.
    QByteArray block;
    for (int i = 0; i < 200000; ++i)
        block += line(rng, i) + '\n';
    for (qint64 written = 0; written < bytes; written += block.size())
        if (f.write(block) != block.size())
            return false;
    return true;
}

struct Part {
    qint64 lines = 0;
    qint64 events = 0;
    qint64 findings = 0;
};

Part scan(std::string_view text)
{
    LogParser parser(LogFormat::Auto, YearHint{2026, 12});
    Analyzer analyzer(Thresholds{}, 1796640000);
    std::vector<LogEvent> events;
    Part p;
    // A megabyte at a time, as the scan job hands pieces to the parser.
    constexpr std::size_t kChunk = 1 << 20;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = std::min(text.size(), at + kChunk);
        while (end < text.size() && text[end - 1] != '\n')
            ++end;
        events.clear();
        p.lines += parser.parseBuffer(text.substr(at, end - at), p.lines + 1, events);
        for (const LogEvent &e : events)
            analyzer.add(e, 0, QStringLiteral("bench.log"));
        p.events += static_cast<qint64>(events.size());
        at = end;
    }
    p.findings = analyzer.findings().size();
    return p;
}

void measure(std::string_view text, int threads)
{
    QElapsedTimer timer;
    timer.start();
    std::vector<Part> parts(static_cast<std::size_t>(threads));
    std::vector<std::thread> workers;
    std::size_t start = 0;
    for (int i = 0; i < threads; ++i) {
        std::size_t end =
            i == threads - 1 ? text.size() : text.size() / static_cast<std::size_t>(threads) * (i + 1);
        while (end < text.size() && text[end - 1] != '\n')
            ++end;
        workers.emplace_back([&parts, i, slice = text.substr(start, end - start)] {
            parts[static_cast<std::size_t>(i)] = scan(slice);
        });
        start = end;
    }
    for (std::thread &w : workers)
        w.join();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    Part total;
    for (const Part &p : parts) {
        total.lines += p.lines;
        total.events += p.events;
        total.findings += p.findings;
    }
    const double mb = static_cast<double>(text.size()) / 1e6;
    std::printf("RESULT guardian threads=%d bytes=%zu lines=%lld events=%lld findings=%lld seconds=%.2f "
                "mb_per_s=%.1f "
                "lines_per_s=%.0f\n",
                threads, text.size(), static_cast<long long>(total.lines),
                static_cast<long long>(total.events), static_cast<long long>(total.findings), seconds,
                mb / seconds, static_cast<double>(total.lines) / seconds);
    std::printf("| %d | %.0f MB | %lld | %lld | %.2f s | %.1f MB/s | %.0f lines/s |\n", threads, mb,
                static_cast<long long>(total.lines), static_cast<long long>(total.events), seconds,
                mb / seconds, static_cast<double>(total.lines) / seconds);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cli;
    cli.addOptions({{QStringLiteral("file"), QStringLiteral("The mixed log (made if missing)."),
                     QStringLiteral("path"), QStringLiteral("/tmp/mpanel-guardian-bench.log")},
                    {QStringLiteral("mb"), QStringLiteral("Its size in MiB."), QStringLiteral("n"),
                     QStringLiteral("1024")},
                    {QStringLiteral("threads"), QStringLiteral("Threads of the second run."),
                     QStringLiteral("n"), QStringLiteral("2")}});
    cli.process(app);
    const QString path = cli.value(QStringLiteral("file"));
    const qint64 bytes = cli.value(QStringLiteral("mb")).toLongLong() << 20;
    if (QFileInfo(path).size() < bytes) {
        std::printf("writing %lld MiB of mixed logs to %s\n", static_cast<long long>(bytes >> 20),
                    qPrintable(path));
        if (!generate(path, bytes)) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 1;
        }
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    uchar *map = f.map(0, f.size());
    if (!map)
        return 1;
    ::madvise(map, static_cast<std::size_t>(f.size()), MADV_SEQUENTIAL);
    const std::string_view text(reinterpret_cast<const char *>(map), static_cast<std::size_t>(f.size()));
    std::printf(
        "| threads | size | lines | events | time | MB/s | lines/s |\n|---|---|---|---|---|---|---|\n");
    measure(text, 1);
    const int threads = cli.value(QStringLiteral("threads")).toInt();
    if (threads > 1)
        measure(text, threads);
    return 0;
}
