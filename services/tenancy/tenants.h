#pragma once

#include "core/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace mp {

struct TenantInfo {
    QString id;
    QString name;
    QString timeZone;
};

// Tenant administration. Runs on the service's own (RLS-exempt) connection: creating a tenant
// is the one act that belongs to no tenant yet.
class Tenants {
public:
    static Result<QString> create(const QSqlDatabase &db, const QString &name);
    static Result<TenantInfo> find(const QSqlDatabase &db, const QString &id);
    static Result<qint64> count(const QSqlDatabase &db);
    // Oldest first: the embedded first tenant leads (scripts pick it for the demo).
    static Result<QList<TenantInfo>> list(const QSqlDatabase &db);
};

} // namespace mp
