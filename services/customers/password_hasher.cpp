#include "customers/password_hasher.h"

#include "core/errors.h"
#include "customers/customer_errors.h"

#include <sodium.h>

namespace mp::customers {

static bool ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

Status PasswordHasher::checkStrength(const QString &password)
{
    if (password.size() < kMinLength)
        return makeError(errors::WeakPassword,
                         QStringLiteral("a password needs at least %1 characters").arg(kMinLength),
                         QStringLiteral("password"));
    if (password.size() > kMaxLength)
        return makeError(errors::InvalidPassword,
                         QStringLiteral("a password has at most %1 characters").arg(kMaxLength),
                         QStringLiteral("password"));
    return {};
}

Result<QString> PasswordHasher::hash(const QString &password)
{
    if (!ensureSodium())
        return makeError(errors::Internal, QStringLiteral("libsodium failed to initialise"));
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), quint64(utf8.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return makeError(errors::Internal, QStringLiteral("out of memory while hashing a password"));
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password)
{
    if (!ensureSodium() || hash.isEmpty())
        return false;
    const QByteArray h = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

void PasswordHasher::verifyDummy(const QString &password)
{
    static const QString dummy = [] {
        auto h = hash(QStringLiteral("not-a-real-password-just-for-timing"));
        return h ? h.value() : QString();
    }();
    (void)verify(dummy, password);
}

} // namespace mp::customers
