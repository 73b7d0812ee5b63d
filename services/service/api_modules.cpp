#include "service/api_modules.h"

#include "http/api_context.h"
#include "http/health_routes.h"
#include "http/router.h"
#include "jobs/jobs_routes.h"

namespace mp {

void registerApiModules(Router &router, ApiContext &context)
{
    registerHealthRoutes(router, [&context] { return context.database(); });
    registerJobRoutes(router, context);
}

} // namespace mp
