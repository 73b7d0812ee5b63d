#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace mp::ssl {

// Paces new orders per ACME account (a tenant at the configured CA) so that a bulk event (a
// migration, a tenant with 500 domains) never places more than AcmeSettings::ordersPerWindow in
// any window of orderWindowSeconds: each certificate that is about to order gets the first
// moment that keeps every window inside the limit, recorded as its order_slot_at (what the queue
// shows), and its issue job is scheduled then. Serialised per tenant, so racing requests never
// share a slot.
class SslOrderPacing {
public:
    // Reserves the slot of certificate `id` and returns it (`now` when the window has room).
    static Result<QDateTime> reserve(const QSqlDatabase &db, const QString &tenantId, const QString &id,
                                     const QDateTime &now);
};

} // namespace mp::ssl
