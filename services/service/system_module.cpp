#include "service/system_module.h"

#include "api/openapi.h"
#include "http/api_context.h"
#include "http/health_routes.h"
#include "jobs/jobs_routes.h"
#include "module/module_context.h"
#include "service/token_routes.h"

namespace mp {

Module systemModule()
{
    return Module(QStringLiteral("system"), {}, [](ModuleContext &module) {
        module.routes([](Router &router, ApiContext &context) {
            registerHealthRoutes(router, [&context] { return context.database(); });
            api::registerOpenApiRoute(router);
            registerJobRoutes(router, context);
            registerTokenRoutes(router, context);
        });
    });
}

} // namespace mp
