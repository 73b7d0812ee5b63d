#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::customers {

// "Forgot your password": a request mails the account a link with a one-time token (the
// customer.password_reset event; notifications sends it), the token sets a new password once.
//
// Tokens are stored as their SHA-256 only, expire after an hour, work once (the UPDATE that takes
// one is also what checks it, so two racing confirmations cannot both win), and a new password
// makes every other outstanding token of the account useless and signs it out everywhere.
// Requests are throttled: 3 mails per account per hour (more are dropped silently, so the answer
// never tells whether an address has an account) and 10 requests per client address per hour
// (refused with 429 and Retry-After).
class PasswordResets {
public:
    static constexpr qint64 kTokenSeconds = 60 * 60;
    static constexpr int kAccountLimit = 3;
    static constexpr int kAddressLimit = 10;
    static constexpr qint64 kWindowSeconds = 60 * 60;

    // Seconds the address must wait (0: the request was taken; a mail goes if the account exists,
    // is active and has not had its share).
    static Result<qint64> request(TenantTransaction &tx, const QString &email, const QString &address,
                                  const QDateTime &now);
    // The account whose password was set; InvalidToken when the token is unknown, used or expired.
    static Result<QString> confirm(TenantTransaction &tx, const QString &token, const QString &newPassword,
                                   const QDateTime &now);
};

} // namespace mp::customers
