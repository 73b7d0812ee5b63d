#pragma once

#include "core/result.h"
#include "guardian/analyzer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

namespace mp::guardian {

struct LogSource;

// Whose business a finding is: the customer and the resource (mailbox, domain, pod, or only
// the host) it concerns.
struct FindingContext {
    QString customerId;
    QString resourceType; // mailbox, domain, pod, host
    QString resource;
};

// A finding as stored: a new one, or an open one of the same kind and subject it was added to.
struct RecordedFinding {
    QString id;
    QString kind;
    QString severity;
    QString subject;
    QString address;
    QString account;
    FindingContext context;
    bool allowlisted = false;
};

struct FindingFilter {
    QString severity, kind, resource;
    std::optional<bool> open;
};

class Findings {
public:
    // Ties a draft to the tenant's records: an account that is a mailbox names it (and its
    // customer); else the source's resource, if it is one of the tenant's domains or pods.
    static Result<FindingContext> contextFor(const QSqlDatabase &db, const FindingDraft &draft,
                                             const LogSource &source);
    static Result<RecordedFinding> record(const QSqlDatabase &db, const QString &tenantId,
                                          const QString &scanId, const FindingDraft &draft,
                                          const FindingContext &context, const QString &host,
                                          bool allowlisted, const QDateTime &now);
    static Result<QJsonArray> list(const QSqlDatabase &db, const FindingFilter &filter, int limit);
    static Result<QJsonObject> find(const QSqlDatabase &db, const QString &id);
    // open -> resolved, once; its pending remediation tasks are dismissed with it.
    static Result<QJsonObject> resolve(const QSqlDatabase &db, const QString &id, const QString &actor,
                                       const QString &note, const QDateTime &now);
};

} // namespace mp::guardian
