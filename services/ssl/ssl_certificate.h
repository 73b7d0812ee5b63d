#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mp::ssl {

// A certificate mPanel obtains and renews for a set of names. pending (never issued) -> valid;
// valid -> renewing (a new order while the old certificate stays in force) -> valid; failed: an
// issuance ended without a certificate (last_error says why); revoked.
struct SslCertificate {
    QString id;
    QString customerId;
    QStringList names;
    QString challenge;
    QString status;
    QString directoryUrl;
    QString orderUrl; // the order in progress
    int ordersPlaced = 0;
    QString certificatePem; // leaf and chain
    QString serial, issuer, ariId;
    QDateTime notBefore, notAfter, renewAt, revokedAt, createdAt, updatedAt;
    QString renewalSource; // lifetime, ari
    QString lastError;
    QString dnsPublishedOrder; // the order whose DNS-01 records were handed to the DNS module
    QDateTime orderSlotAt;     // when the next order may be placed (paced per ACME account)
    QString installedSerial;   // what the install target serves
    QDateTime installedAt;
    QString installError;
    QString sourceType, sourceId; // AutoSSL: the domain or CloudPod it was asked for
    // Sealed (SslKeyVault); never leave the service.
    QString pendingKeySealed, privateKeySealed;

    // `detail`: with the PEM chain.
    QJsonObject toJson(bool detail = false) const;
};

namespace kinds {
inline const QString issue = QStringLiteral("ssl.issue");
inline const QString renew = QStringLiteral("ssl.renew");
inline const QString revoke = QStringLiteral("ssl.revoke");
inline const QString expiryWarning = QStringLiteral("ssl.expiry_warning");
inline const QString install = QStringLiteral("ssl.install");
inline const QString rollAccountKey = QStringLiteral("ssl.roll_account_key");
} // namespace kinds

inline const QString kCertificateRelatedType = QStringLiteral("ssl_certificate");
// Staff and the customer hear of an expiring certificate this long before it expires.
inline constexpr int kExpiryWarningDays = 7;

} // namespace mp::ssl
