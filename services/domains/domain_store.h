#pragma once

#include "core/result.h"
#include "domains/domain.h"

#include <QList>
#include <QSqlDatabase>

namespace mp::domains {

struct DomainFilter {
    QString customerId;          // a customer sees only their own
    int expiringWithinDays = -1; // >= 0: only domains that expire within that many days of `today`
    QDate today;
    QString after; // keyset: names after this one
    int limit = 200;
};

// Reading and recording domains, on whatever tenant-scoped connection it is given.
class DomainStore {
public:
    static Result<Domain> find(const QSqlDatabase &db, const QString &id, bool forUpdate = false);
    static Result<QList<Domain>> list(const QSqlDatabase &db, const DomainFilter &filter);
    // What the registrar says now: status, expiry, name servers, lock, privacy, auto-renew; the
    // last error cleared.
    static Status recordActive(const QSqlDatabase &db, const QString &id, const QString &status,
                               const QDate &registeredOn, const QDate &expiresOn,
                               const QStringList &nameservers, bool locked, bool privacy, bool autoRenew,
                               const QDateTime &now);
    static Status setStatus(const QSqlDatabase &db, const QString &id, const QString &status,
                            const QString &lastError, const QDateTime &now);
    static Status setLastError(const QSqlDatabase &db, const QString &id, const QString &lastError,
                               const QDateTime &now);
};

} // namespace mp::domains
