#include "providers/providers_routes.h"

#include "api/responses.h"
#include "http/api_context.h"
#include "http/router.h"
#include "providers/provider_overview.h"

namespace mp::providers {

void registerProviderRoutes(Router &router, ApiContext &context)
{
    const ApiContext *ctx = &context;
    router.add(QStringLiteral("GET"), QStringLiteral("/api/system/providers"), [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, false, [ctx](TenantTransaction &tx, const Caller &) {
            auto overview = Providers::overview(tx, ctx->config());
            if (!overview)
                return api::errorResponse(overview.error());
            return HttpResponse::json(200, overview->toJson());
        });
    });
}

} // namespace mp::providers
