#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace mp::ssl {

// Private keys as they are stored: sealed (libsodium secretbox, XSalsa20-Poly1305) with the
// service's key (SslEnvironment::sealingKey), as "sb1:" base64(nonce || box). A database dump
// alone gives no key away; a changed or foreign value fails to open.
class SslKeyVault {
public:
    static Result<QString> seal(const QByteArray &secret);
    static Result<QByteArray> open(const QString &sealed);
};

} // namespace mp::ssl
