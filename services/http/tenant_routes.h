#pragma once

#include "http/api_context.h"

#include <functional>

namespace mp {

// Route handlers for a module's route table: `work(request, tx, caller)` run as
// ApiContext::asCaller or asStaff run it. The context must outlive the router.
using TenantRouteWork = std::function<HttpResponse(const HttpRequest &, TenantTransaction &, const Caller &)>;
std::function<HttpResponse(const HttpRequest &)> callerRoute(const ApiContext &ctx, bool write,
                                                             TenantRouteWork work);
std::function<HttpResponse(const HttpRequest &)> staffRoute(const ApiContext &ctx, bool write,
                                                            TenantRouteWork work);

} // namespace mp
