#pragma once

#include <QJsonObject>

namespace mp {
class ApiContext;
class Router;
} // namespace mp

namespace mp::cloudpods {

// Post-install scripts over REST: a template's script (staff, catalog managers), running a pod's
// script again (staff operating pods), removing mPanel's key from a pod (its customer, or staff).
void registerProvisioningScriptRoutes(Router &router, ApiContext &context);
QJsonObject provisioningScriptOpenApi();

} // namespace mp::cloudpods
