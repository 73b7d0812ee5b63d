#pragma once

#include "acme/acme_key.h"
#include "core/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace mp {

// One ACME request body (RFC 8555 section 6.2): a flattened JWS signed with ES256 whose
// protected header carries the nonce, the URL and either the account's URL ("kid") or, for
// newAccount and revocation by certificate key, the public key itself ("jwk").
struct AcmeJws {
    QString kid;   // empty: the key's JWK goes into the header instead
    QString nonce; // empty: no nonce (the inner JWS of a key change)
    QUrl url;
    std::optional<QJsonObject> payload; // none: POST-as-GET (an empty payload)

    Result<QByteArray> sign(const AcmeKey &key) const;
};

} // namespace mp
