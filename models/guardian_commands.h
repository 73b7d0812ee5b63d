#pragma once

#include "staff_command.h"

#include <QJsonArray>
#include <QJsonObject>

namespace mp {

namespace channels {
// The change-feed channel of Guardian's tables (migration 0035): scans, findings, remediation
// tasks, blocks and the allowlist.
inline const QString guardian = QStringLiteral("mpanel_changed_guardian");
} // namespace channels

// What the Guardian section shows at one moment, as the REST API lists it.
struct GuardianSnapshot {
    QJsonArray scans;
    QJsonArray findings;     // most severe first, with their evidence
    QJsonArray remediations; // pending first
    QJsonArray blocks;       // in force
};

// The Guardian section's reads and writes (contract in staff_command.h); the writes take
// manage_providers (the role matrix row Guardian joins), as their routes do.
namespace commands {

void loadGuardian(ConsoleSession *session, QObject *context, Reply<GuardianSnapshot> reply);
void approveRemediation(ConsoleSession *session, QObject *context, const QString &id,
                        Reply<QJsonObject> reply);
void dismissRemediation(ConsoleSession *session, QObject *context, const QString &id,
                        Reply<QJsonObject> reply);
void resolveFinding(ConsoleSession *session, QObject *context, const QString &id, Reply<QJsonObject> reply);

} // namespace commands
} // namespace mp
