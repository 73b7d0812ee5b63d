#include "mail/mail_password.h"

#include "core/errors.h"
#include "mail/mail_errors.h"

#include <sodium.h>

namespace mp::mail {

namespace {

const QString kPrefix = QStringLiteral("{ARGON2ID}");

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

Result<QString> MailPassword::hash(const QString &password, const QString &field)
{
    if (password.size() < kMinLength || password.size() > kMaxLength)
        return makeError(
            errors::MailWeakPassword,
            QStringLiteral("a mailbox password has %1 to %2 characters").arg(kMinLength).arg(kMaxLength),
            field);
    if (!sodiumReady())
        return makeError(errors::Internal, QStringLiteral("libsodium failed to initialise"));
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    // Dovecot verifies with libsodium too; the interactive limits keep a login under a second.
    if (crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return makeError(errors::Internal, QStringLiteral("out of memory while hashing a password"));
    return kPrefix + QString::fromLatin1(out);
}

bool MailPassword::verify(const QString &stored, const QString &password)
{
    if (!sodiumReady() || !stored.startsWith(kPrefix))
        return false;
    const QByteArray h = stored.mid(kPrefix.size()).toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(h.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

} // namespace mp::mail
