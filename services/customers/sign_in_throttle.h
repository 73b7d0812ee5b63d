#pragma once

#include "core/result.h"

#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::customers {

// Slows password guessing: after 5 failed sign-ins for one account, or 20 from one address,
// within 15 minutes, further attempts are refused until the window has moved on. Failures are
// rows in the database, so every service instance counts the same; a success clears the
// account's failures but not the address's (one known password must not reset a spray).
// Self-signups are counted the same way: 10 accounts per address per hour, so one client cannot
// fill a tenant's customer list (or its mail queue) with throwaway accounts.
class SignInThrottle {
public:
    static constexpr int kAccountLimit = 5;
    static constexpr int kAddressLimit = 20;
    static constexpr qint64 kWindowSeconds = 15 * 60;
    static constexpr int kSignupLimit = 10;
    static constexpr qint64 kSignupWindowSeconds = 60 * 60;

    // Serialises sign-ins for one account across connections for the rest of the transaction.
    static Status lockAccount(TenantTransaction &tx, const QString &email);
    // Seconds until the next attempt may be made; 0 when allowed now.
    static Result<qint64> retryAfter(TenantTransaction &tx, const QString &email, const QString &address);
    static Status recordFailure(TenantTransaction &tx, const QString &email, const QString &address);
    static Status clearAccount(TenantTransaction &tx, const QString &email);

    // Serialises signups from one address for the rest of the transaction, then answers the
    // seconds until the next signup from it may be made (0: now).
    static Result<qint64> lockSignup(TenantTransaction &tx, const QString &address);
    // Counts a signup that is being committed with this transaction.
    static Status recordSignup(TenantTransaction &tx, const QString &address);
};

} // namespace mp::customers
