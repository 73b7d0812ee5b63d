#include "monitoring/monitoring_module.h"

#include "module/module_context.h"
#include "monitoring/monitoring_openapi.h"
#include "monitoring/monitoring_poll.h"
#include "monitoring/monitoring_routes.h"
#include "monitoring/slow_queries.h"

namespace mp::monitoring {

Module monitoringModule()
{
    // Checks may belong to customers.
    return Module(
        QStringLiteral("monitoring"), QStringList{QStringLiteral("customers")}, [](ModuleContext &module) {
            module.routes(&registerMonitoringRoutes);
            module.staffWrites(StaffAction::ManageProviders, {QStringLiteral("POST /api/monitoring/checks"),
                                                              QStringLiteral("POST /api/monitoring/nodes")});
            module.openApi(openApiFragment());
            module.jobKind(kinds::poll, &pollJob);
            module.jobKind(kinds::slowQueries, &slowQueryJob);
            JobSchedule poll;
            poll.name = kinds::poll;
            poll.kind = kinds::poll;
            poll.everyMs = 10 * 1000; // the shortest interval a node or check may have
            poll.maxAttempts = 1;     // the next period polls again
            module.schedule(poll);
            JobSchedule slow;
            slow.name = kinds::slowQueries;
            slow.kind = kinds::slowQueries;
            slow.everyMs = 60 * 1000;
            slow.maxAttempts = 1;
            module.schedule(slow);
        });
}

} // namespace mp::monitoring
