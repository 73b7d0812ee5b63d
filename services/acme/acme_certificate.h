#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

namespace mp {

// What mPanel records of an issued certificate, read from the PEM chain the CA sent (leaf
// first): validity, serial, issuer, names, and the ARI certificate id (RFC 9773 section 4.1:
// base64url(authority key identifier) "." base64url(serial number's DER content octets)).
struct AcmeCertificateInfo {
    QDateTime notBefore, notAfter;
    QString serialHex; // lower case, no separators
    QString issuer;    // the issuer's common name (or its whole name)
    QStringList names; // the subjectAltName DNS names
    QString ariId;
    QByteArray leafDer;
    int chainLength = 0;

    static Result<AcmeCertificateInfo> fromPemChain(const QByteArray &pem);
    // When a third of the lifetime is left (Let's Encrypt's guidance, as lifetimes shrink).
    QDateTime renewalDue() const;
};

} // namespace mp
