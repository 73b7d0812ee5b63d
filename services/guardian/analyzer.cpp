#include "guardian/analyzer.h"

#include "guardian/ip_address.h"

#include <algorithm>

namespace mp::guardian {

namespace {

constexpr int kEvidenceChars = 500;

// The most events within any `window` seconds.
int maxInWindow(std::vector<qint64> times, qint64 window)
{
    std::sort(times.begin(), times.end());
    std::size_t first = 0;
    int best = 0;
    for (std::size_t last = 0; last < times.size(); ++last) {
        while (times[last] - times[first] >= window)
            ++first;
        best = std::max(best, static_cast<int>(last - first + 1));
    }
    return best;
}

QString severityFor(int inWindow, int threshold)
{
    return inWindow >= 3 * threshold ? QStringLiteral("high") : QStringLiteral("medium");
}

FindingDraft draft(const QString &kind, const std::string &subject, const std::vector<qint64> &times,
                   const QList<EvidenceLine> &evidence, int source)
{
    FindingDraft f;
    f.kind = kind;
    f.subject = QString::fromStdString(subject);
    f.count = static_cast<int>(times.size());
    const auto [lo, hi] = std::minmax_element(times.begin(), times.end());
    f.firstSeen = *lo;
    f.lastSeen = *hi;
    f.evidence = evidence;
    f.source = source;
    return f;
}

} // namespace

void Analyzer::note(Groups &groups, const std::string &key, const std::string &other, qint64 time,
                    const LogEvent &event, int source, const QString &sourcePath)
{
    auto [it, inserted] = groups.try_emplace(key);
    Group &g = it->second;
    if (inserted)
        g.source = source;
    g.times.push_back(time);
    if (!other.empty() && g.others.size() < 100000)
        g.others.insert(other);
    if (g.evidence.size() < kEvidenceLines)
        g.evidence.append(
            EvidenceLine{sourcePath, event.line,
                         QString::fromUtf8(event.text.data(), static_cast<qsizetype>(std::min<std::size_t>(
                                                                  event.text.size(), kEvidenceChars)))});
}

void Analyzer::add(const LogEvent &e, int source, const QString &sourcePath)
{
    ++m_events;
    const qint64 time = e.time == LogEvent::kNoTime ? m_defaultTime : e.time;
    const std::string address = groupingKey(e.address);
    if (isAuthFailure(e.kind)) {
        note(m_authByAddress, address, e.account, time, e, source, sourcePath);
        if (!e.account.empty())
            note(m_authByAccount, e.account, address, time, e, source, sourcePath);
        return;
    }
    switch (e.kind) {
    case EventKind::WebProbe:
    case EventKind::MalformedRequest:
    case EventKind::DnsTransferRefused:
        note(m_probeByAddress, address, {}, time, e, source, sourcePath);
        return;
    case EventKind::RateLimited:
    case EventKind::DnsRefused:
        note(m_floodByAddress, address, {}, time, e, source, sourcePath);
        return;
    case EventKind::MailSent:
        if (!e.account.empty())
            note(m_mailByAccount, e.account, address, time, e, source, sourcePath);
        return;
    default:
        return;
    }
}

QList<FindingDraft> Analyzer::findings() const
{
    QList<FindingDraft> out;
    for (const auto &[address, g] : m_authByAddress) {
        const int n = maxInWindow(g.times, m_t.windowS);
        if (n < m_t.bruteForce)
            continue;
        const bool spraying = static_cast<int>(g.others.size()) >= m_t.sprayAccounts;
        FindingDraft f = draft(spraying ? QStringLiteral("password_spraying") : QStringLiteral("brute_force"),
                               address, g.times, g.evidence, g.source);
        f.severity = spraying ? QStringLiteral("high") : severityFor(n, m_t.bruteForce);
        f.address = f.subject;
        if (g.others.size() == 1)
            f.account = QString::fromStdString(*g.others.begin());
        out.append(f);
    }
    for (const auto &[account, g] : m_authByAccount) {
        const int n = maxInWindow(g.times, m_t.windowS);
        if (n < m_t.bruteForce || static_cast<int>(g.others.size()) < m_t.accountAddresses)
            continue;
        FindingDraft f = draft(QStringLiteral("account_attack"), account, g.times, g.evidence, g.source);
        f.severity = severityFor(n, m_t.bruteForce);
        f.account = f.subject;
        out.append(f);
    }
    const auto perAddress = [&](const Groups &groups, const QString &kind, int threshold) {
        for (const auto &[address, g] : groups) {
            const int n = maxInWindow(g.times, m_t.windowS);
            if (n < threshold)
                continue;
            FindingDraft f = draft(kind, address, g.times, g.evidence, g.source);
            f.severity = severityFor(n, threshold);
            f.address = f.subject;
            out.append(f);
        }
    };
    perAddress(m_probeByAddress, QStringLiteral("probing"), m_t.probe);
    perAddress(m_floodByAddress, QStringLiteral("flood"), m_t.flood);
    for (const auto &[account, g] : m_mailByAccount) {
        if (maxInWindow(g.times, m_t.spamWindowS) < m_t.spam)
            continue;
        FindingDraft f = draft(QStringLiteral("spam_burst"), account, g.times, g.evidence, g.source);
        f.severity = QStringLiteral("high");
        f.account = f.subject;
        out.append(f);
    }
    // A stable order: most severe, then most events, then subject.
    static const QStringList order{QStringLiteral("high"), QStringLiteral("medium"), QStringLiteral("low")};
    std::sort(out.begin(), out.end(), [](const FindingDraft &a, const FindingDraft &b) {
        const auto sa = order.indexOf(a.severity), sb = order.indexOf(b.severity);
        if (sa != sb)
            return sa < sb;
        if (a.count != b.count)
            return a.count > b.count;
        return std::tie(a.kind, a.subject) < std::tie(b.kind, b.subject);
    });
    return out;
}

} // namespace mp::guardian
