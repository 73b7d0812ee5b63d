#include "providers/providers_routes.h"

#include "api/openapi.h"
#include "api/responses.h"
#include "http/api_context.h"
#include "http/router.h"
#include "providers/provider_overview.h"
#include "providers/providers_openapi.h"

#include <memory>

namespace mp::providers {

void registerProviderRoutes(Router &router, ApiContext &context)
{
    api::OpenApi::addFragment(openApiFragment());
    const ApiContext *ctx = &context;
    // Read once, as the payment routes do: the answer describes what this process calls.
    auto stripe = std::make_shared<Result<StripeSettings>>(StripeSettings::fromConfig(context.config()));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/system/providers"),
               [ctx, stripe](const HttpRequest &r) {
                   return ctx->asStaff(r, false, [&stripe](TenantTransaction &tx, const Caller &) {
                       auto overview = Providers::overview(tx, *stripe);
                       if (!overview)
                           return api::errorResponse(overview.error());
                       return HttpResponse::json(200, overview->toJson());
                   });
               });
}

} // namespace mp::providers
