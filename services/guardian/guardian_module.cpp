#include "guardian/guardian_module.h"

#include "guardian/firewall.h"
#include "guardian/guardian_openapi.h"
#include "guardian/guardian_routes.h"
#include "guardian/scan_runner.h"
#include "guardian/sending_hold_findings.h"
#include "module/module_context.h"

namespace mp::guardian {

Module guardianModule()
{
    // Findings name customers, their mailboxes (mail), domains and pods.
    return Module(QStringLiteral("guardian"), QStringList{QStringLiteral("customers")},
                  [](ModuleContext &module) {
                      module.routes(&registerGuardianRoutes);
                      module.staffWrites(StaffAction::ManageProviders,
                                         {QStringLiteral("POST /api/guardian/scans"),
                                          QStringLiteral("POST /api/guardian/findings/{id}/resolve"),
                                          QStringLiteral("POST /api/guardian/remediations/{id}/approve"),
                                          QStringLiteral("POST /api/guardian/remediations/{id}/dismiss"),
                                          QStringLiteral("POST /api/guardian/allowlist"),
                                          QStringLiteral("POST /api/guardian/sources"),
                                          QStringLiteral("PUT /api/guardian/settings")});
                      module.openApi(openApiFragment());
                      module.jobKind(kinds::scan, &scanJob);
                      module.jobKind(kinds::schedule, &scheduleJob);
                      module.jobKind(kinds::syncFirewall, &syncFirewallJob);
                      module.on(events::MailSendingLimitExceeded, &recordSendingHold);
                      JobSchedule schedule;
                      schedule.name = kinds::schedule;
                      schedule.kind = kinds::schedule;
                      schedule.everyMs = 60 * 1000; // scans continuously: a minute's new lines at a time
                      schedule.maxAttempts = 1;     // the next period reads on from the same cursors
                      module.schedule(schedule);
                  });
}

} // namespace mp::guardian
