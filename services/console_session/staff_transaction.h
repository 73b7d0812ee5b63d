#pragma once

#include "console_session/session_errors.h"
#include "console_session/staff_session.h"
#include "core/result.h"
#include "db/tenant_transaction.h"

#include <utility>

namespace mp {

// Runs `work(TenantTransaction &)` in one transaction on the signed-in staff connection and
// commits when it succeeds; an error rolls everything back. This is how the console calls the
// same services the REST API calls, so both apply the same rules. Session thread only.
template<class Work>
auto inStaffTransaction(StaffSession &session, Work &&work) -> std::invoke_result_t<Work, TenantTransaction &>
{
    if (!session.isSignedIn())
        return makeError(errors::NotSignedIn, QStringLiteral("no one is signed in"));
    auto tx = TenantTransaction::beginAsStaff(session.database(), session.info().tenantId);
    if (!tx)
        return tx.error();
    auto result = std::forward<Work>(work)(*tx);
    if (!result)
        return result;
    if (auto committed = tx->commit(); !committed)
        return committed.error();
    return result;
}

} // namespace mp
