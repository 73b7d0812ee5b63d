#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>

namespace mp::mail {

// A DKIM key pair for one domain: RSA 2048 (what every receiver verifies; ed25519 is not yet
// verified everywhere).
struct DkimKeyPair {
    QString selector;   // "mp202612071830": one per key, so a rotation publishes beside the old
    QString privatePem; // PKCS#8, for the mail host's signer
    QString publicKey;  // base64 DER SubjectPublicKeyInfo
};

class Dkim {
public:
    static Result<DkimKeyPair> generate(const QDateTime &now);
    // The TXT record at <selector>._domainkey.<domain>.
    static QString txtRecord(const QString &publicKey);
    static QString ownerName(const QString &selector, const QString &domain);
};

} // namespace mp::mail
