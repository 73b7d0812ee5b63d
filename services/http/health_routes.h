#pragma once

#include <functional>

#include <QSqlDatabase>

namespace mp {

class Router;

// GET /healthz: the process answers. GET /readyz: the database answers and its schema is
// current, else 503 with the reason. `database` returns the caller thread's connection.
void registerHealthRoutes(Router &router, std::function<QSqlDatabase()> database);

} // namespace mp
