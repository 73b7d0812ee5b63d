#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::cloudpods {

// A public key saved on a customer's profile; every pod they order afterwards gets it (unless the
// order says saved_ssh_keys: false).
struct SavedSshKey {
    QString id;
    QString customerId;
    QString name;
    QString publicKey;
    QString fingerprint;
    QDateTime createdAt;

    QJsonObject toJson() const;
};

class CustomerSshKeys {
public:
    static Result<QList<SavedSshKey>> list(TenantTransaction &tx, const QString &customerId);
    // The key is checked (field public_key); the same key twice is a conflict naming public_key.
    static Result<SavedSshKey> add(TenantTransaction &tx, const QString &customerId, const QString &name,
                                   const QString &publicKey, const QDateTime &now);
    // Only the customer's own key (empty customerId: any of the tenant's, for staff); anything
    // else is not_found.
    static Status remove(TenantTransaction &tx, const QString &customerId, const QString &id);
};

} // namespace mp::cloudpods
