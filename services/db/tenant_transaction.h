#pragma once

#include "core/result.h"

#include <QSqlDatabase>
#include <QString>

namespace mp {

// A transaction that sees one tenant only. The service connects as a trusted role and, for
// each unit of work, drops to `mpanel_app` (SET LOCAL ROLE) with the tenant in a
// transaction-local setting: from there row-level security, not our WHERE clauses, hides every
// other tenant's rows. Rolls back unless committed.
class TenantTransaction {
public:
    static Result<TenantTransaction> begin(const QSqlDatabase &db, const QString &tenantId);
    // For work that starts before its tenant is known (a Stripe webhook is routed by what it
    // says): takes over a transaction the caller opened on `db` as the service's own login and
    // drops it to one tenant from here on. Commits or rolls back that transaction.
    static Result<TenantTransaction> enter(const QSqlDatabase &db, const QString &tenantId);
    // A view of a tenant-scoped transaction someone else owns (a job's, see JobContext::db()),
    // so code written against TenantTransaction runs inside it. The owner commits or rolls
    // back; commit() here refuses and destruction leaves the transaction alone.
    static TenantTransaction adopt(const QSqlDatabase &db, const QString &tenantId);
    // On a staff member's own login (the console): no role switch, since row-level security
    // already takes the tenant from the staff row for session_user. `tenantId` is the one the
    // session read back, used for inserts; a different one is refused by the policies.
    static Result<TenantTransaction> beginAsStaff(const QSqlDatabase &db, const QString &tenantId);
    TenantTransaction(TenantTransaction &&other) noexcept;
    TenantTransaction &operator=(TenantTransaction &&) = delete;
    ~TenantTransaction();

    const QSqlDatabase &db() const { return m_db; }
    const QString &tenantId() const { return m_tenantId; }
    Status commit();
    void rollback();

private:
    TenantTransaction(QSqlDatabase db, QString tenantId)
        : m_db(std::move(db)), m_tenantId(std::move(tenantId))
    {
    }
    QSqlDatabase m_db;
    QString m_tenantId;
    bool m_open = true;
};

} // namespace mp
