#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

namespace mp {

// An ECDSA P-256 key pair on OpenSSL: an ACME account key (signs JWS with ES256, RFC 7518
// section 3.4) or a certificate's key (signs the CSR). Copies share the key; it never changes.
class AcmeKey {
public:
    AcmeKey() = default;
    static Result<AcmeKey> generate();
    // PKCS#8 PEM, as toPem() writes it.
    static Result<AcmeKey> fromPem(const QByteArray &pem);

    bool isNull() const { return !m_key; }
    QByteArray toPem() const;
    // The public key as a JWK: {"crv":"P-256","kty":"EC","x":..,"y":..}.
    QJsonObject jwk() const;
    // RFC 7638 thumbprint: base64url(SHA-256(the JWK's members in lexical order, no spaces)).
    QByteArray thumbprint() const;
    // ES256 over `data`: the 64 bytes r || s that JWS wants (not OpenSSL's DER signature).
    Result<QByteArray> signEs256(const QByteArray &data) const;
    // A certificate signing request for `names` (the first is also the subject's CN when it
    // fits in 64 characters), DER-encoded, signed with this key.
    Result<QByteArray> csr(const QStringList &names) const;

private:
    explicit AcmeKey(EVP_PKEY *key);
    std::shared_ptr<EVP_PKEY> m_key;
};

// base64url without padding (RFC 7515 section 2), the encoding of every JWS part.
QByteArray base64Url(const QByteArray &bytes);

} // namespace mp
