#include "cloudpods/cloudpods_module.h"

#include "cloudpods/cloudpod_jobs.h"
#include "cloudpods/cloudpod_openapi.h"
#include "cloudpods/cloudpod_product_type.h"
#include "cloudpods/cloudpod_routes.h"
#include "cloudpods/pod_access_openapi.h"
#include "cloudpods/pod_access_routes.h"
#include "cloudpods/provisioning_script_routes.h"
#include "cloudpods/proxmox_provider.h"
#include "module/module_context.h"

namespace mp::cloudpods {

Module cloudPodsModule()
{
    // Products name CloudPod templates (catalog); pods are what a subscription pays for.
    return Module(
        QStringLiteral("cloudpods"), QStringList{QStringLiteral("catalog"), QStringLiteral("subscriptions")},
        [](ModuleContext &module) {
            module.routes(&registerCloudPodRoutes);
            module.openApi(openApiFragment());
            module.routes(&registerPodAccessRoutes);
            module.staffWrites(StaffAction::OperatePods,
                               {QStringLiteral("POST /api/cloudpods/{id}/reset-password"),
                                QStringLiteral("POST /api/cloudpods/{id}/reinstall")});
            module.staffWrites(StaffAction::ManageCustomers, {QStringLiteral("POST /api/ssh-keys"),
                                                              QStringLiteral("DELETE /api/ssh-keys/{id}")});
            module.openApi(podAccessOpenApi());
            module.routes(&registerProvisioningScriptRoutes);
            module.openApi(provisioningScriptOpenApi());
            module.staffWrites(StaffAction::ManageCatalog,
                               {QStringLiteral("PUT /api/cloudpod-templates/{id}/script"),
                                QStringLiteral("DELETE /api/cloudpod-templates/{id}/script")});
            module.staffWrites(StaffAction::OperatePods,
                               {QStringLiteral("POST /api/cloudpods/{id}/script/rerun"),
                                QStringLiteral("DELETE /api/cloudpods/{id}/mpanel-key")});
            declareCloudPodJobs(module);
            module.productType(cloudPodProductType());
            module.provider(proxmoxProviderSource());
        });
}

} // namespace mp::cloudpods
