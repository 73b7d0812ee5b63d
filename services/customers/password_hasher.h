#pragma once

#include "core/result.h"

#include <QString>

namespace mp::customers {

// Customer passwords: argon2id through libsodium's crypto_pwhash_str (salt, parameters and
// hash in one self-describing string), at libsodium's "interactive" cost: 64 MiB, 2 passes.
class PasswordHasher {
public:
    static constexpr int kMinLength = 10;
    static constexpr int kMaxLength = 1024;

    // "weak_password" / "invalid_password" naming the field "password".
    static Status checkStrength(const QString &password);
    static Result<QString> hash(const QString &password);
    static bool verify(const QString &hash, const QString &password);
    // Spends the same time as verify() against a real hash, so an unknown email answers as
    // slowly as a wrong password and response times do not reveal which accounts exist.
    static void verifyDummy(const QString &password);
};

} // namespace mp::customers
