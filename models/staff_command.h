#pragma once

#include "console_session/console_session.h"
#include "console_session/staff_transaction.h"
#include "core/errors.h"
#include "core/result.h"
#include "tenancy/role_matrix.h"

#include <QObject>

#include <functional>
#include <type_traits>

namespace mp {

// What the console's dialogs and pages ask of the services besides listing rows, one header per
// module (catalog_commands.h, billing_commands.h, ...). Every command runs the same service
// function the REST API runs, on the session thread with the staff member's own connection, and
// answers on `context`'s thread while `context` lives (never the UI thread's time, never a
// dangling callback).
namespace commands {

template<class T> using Reply = std::function<void(const Result<T> &)>;

// How audit trails and job logs name a staff member who acted in the console: "staff <login>",
// the console's form of the REST API's "staff token <id>" (actorOf in http/api_context.h): who
// acted, then the credential the server authenticated them by, and nothing about the channel.
QString staffActor(const SessionInfo &staff);

// Read-only staff change nothing: refused before any query, with the error the REST API
// answers a read-only token (403 forbidden), rather than whatever a row-level security policy
// makes of the write (an error for an insert, an update of no rows).
Status mayWrite(const SessionInfo &staff);
// mayWrite, then the role matrix (docs/roles.md) for `action`: the same table the REST API
// enforces, so a console command and its route refuse the same roles.
Status mayTake(const SessionInfo &staff, StaffAction action);

// Runs `work(tx)`, or `work(tx, staff)` when it asks who acts, in one staff transaction on the
// session thread and `reply(result)` on `context`'s thread. `work` returns Result<T>; an error
// rolls the transaction back.
template<class T, class Work>
void runStaffCommand(ConsoleSession *session, QObject *context, Work work, Reply<T> reply)
{
    session->run(
        context,
        [work = std::move(work)](StaffSession &staff) -> Result<T> {
            return inStaffTransaction(staff, [&](TenantTransaction &tx) -> Result<T> {
                if constexpr (std::is_invocable_v<Work &, TenantTransaction &, const SessionInfo &>)
                    return work(tx, staff.info());
                else
                    return work(tx);
            });
        },
        std::move(reply));
}

// runStaffCommand for a command that takes `action`: refused for roles the matrix refuses (mayTake).
template<class T, class Work>
void runStaffWrite(ConsoleSession *session, QObject *context, StaffAction action, Work work, Reply<T> reply)
{
    runStaffCommand<T>(
        session, context,
        [action, work = std::move(work)](TenantTransaction &tx, const SessionInfo &staff) -> Result<T> {
            if (auto allowed = mayTake(staff, action); !allowed)
                return allowed.error();
            if constexpr (std::is_invocable_v<Work &, TenantTransaction &, const SessionInfo &>)
                return work(tx, staff);
            else
                return work(tx);
        },
        std::move(reply));
}

} // namespace commands
} // namespace mp
