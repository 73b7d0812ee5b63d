#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrl>

namespace mp {

// The ACME resources an issuance walks through (RFC 8555 section 7.1), as the CA describes them.
struct AcmeChallenge {
    QString type; // http-01, dns-01, tls-alpn-01
    QUrl url;
    QString token;
    QString status;
    QJsonObject error; // a problem document once the validation failed
};

struct AcmeAuthorization {
    QUrl url;
    QString status; // pending, valid, invalid, deactivated, expired, revoked
    QString identifier;
    bool wildcard = false;
    QList<AcmeChallenge> challenges;

    static AcmeAuthorization fromJson(const QUrl &url, const QJsonObject &json);
};

struct AcmeOrder {
    QUrl url;
    QString status; // pending, ready, processing, valid, invalid
    QStringList identifiers;
    QList<QUrl> authorizations;
    QUrl finalize;
    QUrl certificate;
    QJsonObject error;

    static AcmeOrder fromJson(const QUrl &url, const QJsonObject &json);
};

// One challenge mPanel must make answerable before asking the CA to validate it: HTTP-01 serves
// `keyAuthorization` at http://<identifier>/.well-known/acme-challenge/<token>; DNS-01 puts
// `dnsValue` in a TXT record at `dnsName`.
struct AcmeChallengeTask {
    QString identifier;
    bool wildcard = false;
    QString type;
    QUrl authorizationUrl;
    QUrl challengeUrl;
    QString token;
    QString keyAuthorization;
    QString dnsName;  // "_acme-challenge.<identifier>." (the wildcard's base name)
    QString dnsValue; // base64url(SHA-256(keyAuthorization))
};

// ARI (RFC 9773): when the CA would like the certificate renewed.
struct AcmeRenewalInfo {
    QDateTime windowStart, windowEnd;
    QString explanationUrl;
    qint64 retryAfterMs = -1; // when to ask again
};

} // namespace mp
