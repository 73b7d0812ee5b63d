#include "acme/acme_jws.h"

#include <QJsonDocument>

namespace mp {

Result<QByteArray> AcmeJws::sign(const AcmeKey &key) const
{
    QJsonObject header{{QStringLiteral("alg"), QStringLiteral("ES256")},
                       {QStringLiteral("url"), url.toString(QUrl::FullyEncoded)}};
    if (!nonce.isEmpty())
        header.insert(QStringLiteral("nonce"), nonce);
    if (kid.isEmpty())
        header.insert(QStringLiteral("jwk"), key.jwk());
    else
        header.insert(QStringLiteral("kid"), kid);
    const QByteArray protectedPart = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact));
    const QByteArray payloadPart =
        payload ? base64Url(QJsonDocument(*payload).toJson(QJsonDocument::Compact)) : QByteArray();
    auto signature = key.signEs256(protectedPart + '.' + payloadPart);
    if (!signature)
        return signature.error();
    return QJsonDocument(
               QJsonObject{{QStringLiteral("protected"), QString::fromLatin1(protectedPart)},
                           {QStringLiteral("payload"), QString::fromLatin1(payloadPart)},
                           {QStringLiteral("signature"), QString::fromLatin1(base64Url(*signature))}})
        .toJson(QJsonDocument::Compact);
}

} // namespace mp
