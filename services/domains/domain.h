#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace mp::domains {

// A domain mPanel holds at a registrar for a customer (one per domain subscription).
struct Domain {
    QString id;
    QString customerId, customerName;
    QString subscriptionId;
    QString orderItemId;
    QString name; // "example.com"
    QString registrar;
    QString origin; // register | transfer
    int years = 1;
    QString status;
    QDate expiresOn, registeredOn;
    QStringList nameservers;
    bool locked = false;
    bool privacy = false;
    bool autoRenew = true;
    QString zoneId, zoneName;
    QString lastError;
    QDateTime createdAt, updatedAt;

    // `forStaff` adds the registrar's words of the last failure.
    QJsonObject toJson(bool forStaff) const;
};

namespace domain_status {
inline const QString pending = QStringLiteral("pending");
inline const QString active = QStringLiteral("active");
inline const QString registrationFailed = QStringLiteral("registration_failed");
inline const QString transferPending = QStringLiteral("transfer_pending");
inline const QString transferFailed = QStringLiteral("transfer_failed");
inline const QString grace = QStringLiteral("grace");
inline const QString redemption = QStringLiteral("redemption");
inline const QString expired = QStringLiteral("expired");
inline const QString cancelled = QStringLiteral("cancelled");
} // namespace domain_status

namespace kinds {
inline const QString registerDomain = QStringLiteral("domains.register");
inline const QString renewDomain = QStringLiteral("domains.renew");
inline const QString transferStatus = QStringLiteral("domains.transfer_status");
inline const QString registrarChange = QStringLiteral("domains.registrar_change");
inline const QString sync = QStringLiteral("domains.sync");
inline const QString priceSync = QStringLiteral("domains.price_sync");
} // namespace kinds

inline const QString kProductType = QStringLiteral("domain");
inline const QString kRelatedType = QStringLiteral("domain");

} // namespace mp::domains
