#include "ssl/ssl_order_pacing.h"

#include "db/sql.h"
#include "ssl/ssl_environment.h"

#include <QSqlQuery>

namespace mp::ssl {

Result<QDateTime> SslOrderPacing::reserve(const QSqlDatabase &db, const QString &tenantId, const QString &id,
                                          const QDateTime &now)
{
    auto settings = SslEnvironment::acme();
    if (!settings)
        return settings.error();
    const int limit = settings->ordersPerWindow;
    const qint64 window = settings->orderWindowSeconds;
    auto lock = sql::exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))"),
                          {QStringLiteral("ssl.order_pacing:") + tenantId});
    if (!lock)
        return lock.error();
    // Slots are handed out in order, so the limit-th latest one bounds the next: one window after
    // it, the window holds the limit-1 later ones and this one.
    auto q =
        sql::exec(db,
                  QStringLiteral("SELECT order_slot_at FROM ssl_certificates WHERE order_slot_at > ? AND "
                                 "id <> ?::uuid ORDER BY order_slot_at DESC OFFSET ? LIMIT 1"),
                  {now.addSecs(-window), id, limit - 1});
    if (!q)
        return q.error();
    QDateTime slot = now;
    if (q->next())
        slot = qMax(now, q->value(0).toDateTime().addSecs(window));
    auto u = sql::exec(db, QStringLiteral("UPDATE ssl_certificates SET order_slot_at = ? WHERE id = ?::uuid"),
                       {slot, id});
    if (!u)
        return u.error();
    return slot;
}

} // namespace mp::ssl
