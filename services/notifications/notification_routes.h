#pragma once

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::notifications {

// GET/PUT /api/notifications/settings (owner, admin), GET /api/notifications/outbox and
// POST /api/notifications/outbox/{id}/retry (staff).
void registerNotificationRoutes(Router &router, ApiContext &context);

} // namespace mp::notifications
