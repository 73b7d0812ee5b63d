#pragma once

#include "guardian/log_event.h"

#include <QList>
#include <QString>

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace mp::guardian {

// A tenant's thresholds (guardian_settings): how many events within a window make a finding.
struct Thresholds {
    int windowS = 600;
    int bruteForce = 10;      // authentication failures from one address (or on one account)
    int sprayAccounts = 5;    // distinct accounts one address failed on: spraying
    int accountAddresses = 5; // distinct addresses failing on one account: an attack on it
    int probe = 10;           // probes, malformed requests, refused zone transfers from one address
    int flood = 50;           // rate-limited requests and refused DNS queries from one address
    int spam = 200;           // messages one mailbox sent within spamWindowS
    int spamWindowS = 3600;
};

struct EvidenceLine {
    QString source;
    qint64 line = 0;
    QString text;
};

// What the analyzers found, before it is tied to a tenant's customer and resource.
struct FindingDraft {
    QString kind;     // brute_force, password_spraying, account_attack, probing, flood, spam_burst
    QString severity; // low, medium, high
    QString subject;  // the address (an IPv6 /64) or the account
    QString address;  // set when the subject is an address
    QString account;  // set when the subject is an account, or the one account an address tried
    int count = 0;
    qint64 firstSeen = 0, lastSeen = 0;
    QList<EvidenceLine> evidence;
    int source = 0; // the index of the source the first event came from
};

// Turns events into findings: counts per address (IPv6 per /64) and per account, the most
// within any window of the tenant's length, against the tenant's thresholds. Events of one
// scan are added in any order; lines without a time count at `defaultTime`.
class Analyzer {
public:
    static constexpr int kEvidenceLines = 10;

    Analyzer(Thresholds thresholds, qint64 defaultTime) : m_t(thresholds), m_defaultTime(defaultTime) {}

    void add(const LogEvent &event, int source, const QString &sourcePath);
    QList<FindingDraft> findings() const;
    qint64 events() const { return m_events; }

private:
    struct Group {
        std::vector<qint64> times;
        std::unordered_set<std::string> others; // accounts of an address, addresses of an account
        QList<EvidenceLine> evidence;
        int source = 0;
    };
    using Groups = std::unordered_map<std::string, Group>;

    static void note(Groups &groups, const std::string &key, const std::string &other, qint64 time,
                     const LogEvent &event, int source, const QString &sourcePath);

    Thresholds m_t;
    qint64 m_defaultTime;
    qint64 m_events = 0;
    Groups m_authByAddress, m_authByAccount, m_probeByAddress, m_floodByAddress, m_mailByAccount;
};

} // namespace mp::guardian
