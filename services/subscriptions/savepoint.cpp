#include "subscriptions/savepoint.h"

#include "db/sql.h"

namespace mp::subscriptions {

Status inSavepoint(const QSqlDatabase &db, const QString &name, const std::function<Status()> &work)
{
    if (auto q = sql::exec(db, QStringLiteral("SAVEPOINT %1").arg(name)); !q)
        return q.error();
    const Status result = work();
    if (result) {
        if (auto q = sql::exec(db, QStringLiteral("RELEASE SAVEPOINT %1").arg(name)); !q)
            return q.error();
        return result;
    }
    if (auto q = sql::exec(db, QStringLiteral("ROLLBACK TO SAVEPOINT %1").arg(name)); !q)
        return q.error();
    if (auto q = sql::exec(db, QStringLiteral("RELEASE SAVEPOINT %1").arg(name)); !q)
        return q.error();
    return result;
}

} // namespace mp::subscriptions
