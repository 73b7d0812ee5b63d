#include "guardian_commands.h"

#include "core/clock.h"
#include "guardian/guardian_findings.h"
#include "guardian/remediation.h"
#include "guardian/scan_runner.h"

namespace mp::commands {

namespace {

constexpr int kRows = 500;

} // namespace

void loadGuardian(ConsoleSession *session, QObject *context, Reply<GuardianSnapshot> reply)
{
    runStaffCommand(
        session, context,
        [](TenantTransaction &tx) -> Result<GuardianSnapshot> {
            GuardianSnapshot s;
            auto scans = guardian::Scans::list(tx.db(), 100);
            if (!scans)
                return scans.error();
            s.scans = *scans;
            auto findings = guardian::Findings::list(tx.db(), guardian::FindingFilter{}, kRows);
            if (!findings)
                return findings.error();
            s.findings = *findings;
            auto tasks = guardian::Remediations::list(tx.db(), {}, kRows);
            if (!tasks)
                return tasks.error();
            s.remediations = *tasks;
            auto blocks = guardian::Remediations::blocks(tx.db(), Clock::current().now());
            if (!blocks)
                return blocks.error();
            s.blocks = *blocks;
            return s;
        },
        std::move(reply));
}

void approveRemediation(ConsoleSession *session, QObject *context, const QString &id,
                        Reply<QJsonObject> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageProviders,
        [id](TenantTransaction &tx, const SessionInfo &staff) {
            return guardian::Remediations::approve(tx, id, staffActor(staff), Clock::current().now());
        },
        std::move(reply));
}

void dismissRemediation(ConsoleSession *session, QObject *context, const QString &id,
                        Reply<QJsonObject> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageProviders,
        [id](TenantTransaction &tx, const SessionInfo &staff) {
            return guardian::Remediations::dismiss(tx.db(), id, staffActor(staff), Clock::current().now());
        },
        std::move(reply));
}

void resolveFinding(ConsoleSession *session, QObject *context, const QString &id, Reply<QJsonObject> reply)
{
    runStaffWrite(
        session, context, StaffAction::ManageProviders,
        [id](TenantTransaction &tx, const SessionInfo &staff) {
            return guardian::Findings::resolve(tx.db(), id, staffActor(staff), {}, Clock::current().now());
        },
        std::move(reply));
}

} // namespace mp::commands
