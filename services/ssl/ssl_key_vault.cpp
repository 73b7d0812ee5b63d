#include "ssl/ssl_key_vault.h"

#include "ssl/ssl_environment.h"
#include "ssl/ssl_errors.h"

#include <sodium.h>

namespace mp::ssl {

namespace {

const QLatin1String kPrefix("sb1:");

} // namespace

Result<QString> SslKeyVault::seal(const QByteArray &secret)
{
    auto key = SslEnvironment::sealingKey();
    if (!key)
        return key.error();
    if (sodium_init() < 0)
        return makeError(errors::SslKeyVault, QStringLiteral("libsodium failed to initialise"));
    QByteArray out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + secret.size(),
                   Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char *>(secret.constData()), quint64(secret.size()),
                          nonce, reinterpret_cast<const unsigned char *>(key->constData()));
    return kPrefix + QString::fromLatin1(out.toBase64());
}

Result<QByteArray> SslKeyVault::open(const QString &sealed)
{
    if (!sealed.startsWith(kPrefix))
        return makeError(errors::SslKeyVault, QStringLiteral("the stored key is not sealed by mPanel"));
    auto key = SslEnvironment::sealingKey();
    if (!key)
        return key.error();
    const QByteArray box = QByteArray::fromBase64(sealed.mid(kPrefix.size()).toLatin1());
    const qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (box.size() < overhead)
        return makeError(errors::SslKeyVault, QStringLiteral("the stored key is truncated"));
    QByteArray plain(box.size() - overhead, Qt::Uninitialized);
    const auto *nonce = reinterpret_cast<const unsigned char *>(box.constData());
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()),
                                   nonce + crypto_secretbox_NONCEBYTES,
                                   quint64(box.size() - crypto_secretbox_NONCEBYTES), nonce,
                                   reinterpret_cast<const unsigned char *>(key->constData())) != 0)
        return makeError(
            errors::SslKeyVault,
            QStringLiteral("the stored key does not open with this service's key (MPANEL_SSL_KEY_SECRET)"));
    return plain;
}

} // namespace mp::ssl
