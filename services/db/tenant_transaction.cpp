#include "db/tenant_transaction.h"

#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/db_errors.h"
#include "db/sql.h"

#include <QSqlQuery>
#include <QUuid>

namespace mp {

namespace {

const auto kEnterTenant =
    QStringLiteral("SELECT set_config('role', 'mpanel_app', true), set_config('mpanel.tenant_id', ?, true)");

} // namespace

Result<TenantTransaction> TenantTransaction::begin(const QSqlDatabase &db, const QString &tenantId)
{
    if (!isUuid(tenantId))
        return makeError(errors::InvalidTenant, QStringLiteral("not a tenant id: %1").arg(tenantId),
                         QStringLiteral("tenant"));
    QSqlDatabase handle = db;
    // BEGIN, role and tenant in one round trip: one simple query of two statements. Not forward
    // only, so QPSQL runs it with PQexec, which reports an error of either statement. The id is
    // a checked UUID, so it is safe as a literal.
    QSqlQuery begin(handle);
    if (!begin.exec(QStringLiteral("BEGIN; SELECT set_config('role', 'mpanel_app', true), "
                                   "set_config('mpanel.tenant_id', '%1', true)")
                        .arg(tenantId))) {
        const Error error = sql::fromSqlError(begin.lastError(), QStringLiteral("beginning a transaction"));
        handle.rollback();
        return error;
    }
    return TenantTransaction(handle, tenantId);
}

Result<TenantTransaction> TenantTransaction::enter(const QSqlDatabase &db, const QString &tenantId)
{
    QSqlDatabase handle = db;
    TenantTransaction tx(handle, tenantId);
    if (!isUuid(tenantId))
        return makeError(errors::InvalidTenant, QStringLiteral("not a tenant id: %1").arg(tenantId),
                         QStringLiteral("tenant"));
    // Role and tenant in one round trip: set_config('role', ..., true) is SET LOCAL ROLE.
    if (auto r = sql::exec(handle, kEnterTenant, {tenantId}); !r)
        return r.error();
    return tx;
}

TenantTransaction TenantTransaction::adopt(const QSqlDatabase &db, const QString &tenantId)
{
    TenantTransaction tx(db, tenantId);
    tx.m_open = false;
    return tx;
}

Result<TenantTransaction> TenantTransaction::beginAsStaff(const QSqlDatabase &db, const QString &tenantId)
{
    if (!isUuid(tenantId))
        return makeError(errors::InvalidTenant, QStringLiteral("not a tenant id: %1").arg(tenantId),
                         QStringLiteral("tenant"));
    QSqlDatabase handle = db;
    if (!handle.transaction())
        return sql::fromSqlError(handle.lastError(), QStringLiteral("beginning a transaction"));
    return TenantTransaction(handle, tenantId);
}

TenantTransaction::TenantTransaction(TenantTransaction &&other) noexcept
    : m_db(other.m_db), m_tenantId(other.m_tenantId), m_open(other.m_open)
{
    other.m_open = false;
}

TenantTransaction::~TenantTransaction()
{
    rollback();
}

Status TenantTransaction::commit()
{
    if (!m_open)
        return makeError(errors::TransactionClosed, QStringLiteral("the transaction already ended"));
    m_open = false;
    if (!m_db.commit()) {
        const Error error = sql::fromSqlError(m_db.lastError(), QStringLiteral("committing"));
        m_db.rollback();
        return error;
    }
    return {};
}

void TenantTransaction::rollback()
{
    if (m_open) {
        m_open = false;
        m_db.rollback();
    }
}

} // namespace mp
