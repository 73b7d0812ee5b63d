#pragma once

#include "core/result.h"

#include <QString>

namespace mp::mail {

// Mailbox passwords in the form Dovecot verifies: "{ARGON2ID}$argon2id$v=19$m=...". The scheme
// prefix lets Dovecot pick the verifier whatever its default_pass_scheme says.
class MailPassword {
public:
    static constexpr int kMinLength = 10;
    static constexpr int kMaxLength = 200;

    // A weak or oversized password is refused, naming `field`.
    static Result<QString> hash(const QString &password, const QString &field);
    // For the tests and for a host that wants to check one: true when `password` matches.
    static bool verify(const QString &stored, const QString &password);
};

} // namespace mp::mail
