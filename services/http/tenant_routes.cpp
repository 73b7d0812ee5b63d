#include "http/tenant_routes.h"

namespace mp {

std::function<HttpResponse(const HttpRequest &)> callerRoute(const ApiContext &ctx, bool write,
                                                             TenantRouteWork work)
{
    return [&ctx, write, work = std::move(work)](const HttpRequest &r) {
        return ctx.asCaller(r, write,
                            [&r, &work](TenantTransaction &tx, const Caller &c) { return work(r, tx, c); });
    };
}

std::function<HttpResponse(const HttpRequest &)> staffRoute(const ApiContext &ctx, bool write,
                                                            TenantRouteWork work)
{
    return [&ctx, write, work = std::move(work)](const HttpRequest &r) {
        return ctx.asStaff(r, write,
                           [&r, &work](TenantTransaction &tx, const Caller &c) { return work(r, tx, c); });
    };
}

} // namespace mp
