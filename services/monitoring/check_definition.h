#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace mp::monitoring {

// A check as staff defined it (monitoring_checks).
struct CheckDefinition {
    QString id;
    QString name;
    QString kind; // http, tcp, tls, dns
    QString target;
    std::optional<int> expectStatus; // http: none means any 2xx/3xx
    QString expectKeyword;           // http: in the body; dns: one of the records. Empty: none
    QString queryName;               // dns: the name asked for
    QString queryType;               // dns: A, AAAA, CNAME, MX, NS, TXT
    int timeoutMs = 5000;
    int intervalS = 60;
    int downIntervalS = 15;
    int degradedMs = 2000;
    int tlsWarnDays = 14;
    int failThreshold = 2;
    int recoverThreshold = 2;
    QString nodeId;
    QString customerId;
    bool enabled = true;

    QJsonObject toJson() const;
};

// What one probe of a check concluded.
struct CheckResult {
    QString result; // up, down, degraded
    std::optional<int> latencyMs;
    QString message;
};

// Runs the probe the check's kind names and judges its answer. Blocking (see Probes).
CheckResult runCheck(const CheckDefinition &check, const QDateTime &now);

} // namespace mp::monitoring
