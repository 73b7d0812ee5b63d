#pragma once

#include "core/result.h"
#include "guardian/guardian_findings.h"
#include "guardian/guardian_settings.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

namespace mp {
class TenantTransaction;
}

namespace mp::guardian {

// Remediation tasks: a high finding raises them (block the address on every host of the
// tenant, lock the mailbox that sent a spam burst, tell the customer); staff approve or dismiss
// each once, or the tenant's policy applies them at once. Applying runs in the caller's
// transaction, so a task is applied exactly once.
class Remediations {
public:
    // The tasks for a recorded finding (none for a finding below high or on the allowlist);
    // a later scan that adds to the same finding raises none twice. Returns the tasks applied
    // by the tenant's auto policy.
    static Result<int> raise(TenantTransaction &tx, const RecordedFinding &finding,
                             const GuardianSettings &settings, const QDateTime &now);
    static Result<QJsonArray> list(const QSqlDatabase &db, const QString &status, int limit);
    static Result<QJsonObject> approve(TenantTransaction &tx, const QString &id, const QString &actor,
                                       const QDateTime &now);
    static Result<QJsonObject> dismiss(const QSqlDatabase &db, const QString &id, const QString &actor,
                                       const QDateTime &now);

    // Blocks in force (not lifted, not expired), newest first.
    static Result<QJsonArray> blocks(const QSqlDatabase &db, const QDateTime &now);
    // Marks blocks past their expiry lifted; returns how many.
    static Result<int> liftExpired(const QSqlDatabase &db, const QDateTime &now);

private:
    static Result<QJsonObject> apply(TenantTransaction &tx, const QString &id, const QString &actor,
                                     bool automatic, const GuardianSettings &settings, const QDateTime &now);
};

} // namespace mp::guardian
