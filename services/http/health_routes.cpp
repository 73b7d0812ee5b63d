#include "http/health_routes.h"

#include "core/errors.h"
#include "db/schema_status.h"
#include "http/http_errors.h"
#include "http/router.h"

namespace mp {

void registerHealthRoutes(Router &router, std::function<QSqlDatabase()> database)
{
    router.add(QStringLiteral("GET"), QStringLiteral("/healthz"), [](const HttpRequest &) {
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    });
    router.add(QStringLiteral("GET"), QStringLiteral("/readyz"), [database](const HttpRequest &) {
        QSqlDatabase db = database();
        if (!db.isOpen() && !db.open())
            return HttpResponse::error(503, errors::DatabaseUnreachable,
                                       QStringLiteral("the database does not answer"));
        auto state = schemaStatus(db);
        if (!state) {
            // A dropped connection: reopen once so the next probe can succeed.
            db.close();
            return HttpResponse::error(503, errors::DatabaseUnreachable, state.error().message);
        }
        if (!state->current())
            return HttpResponse::error(503, errors::SchemaNotCurrent,
                                       QStringLiteral("the schema is at version %1, this service needs %2")
                                           .arg(state->applied)
                                           .arg(state->bundled));
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ready")},
                                                   {QStringLiteral("schema_version"), state->applied}});
    });
}

} // namespace mp
