#include "dashboard_section.h"

#include "dashboard_page.h"
#include "job_commands.h"

#include <QCoreApplication>

namespace mp {

ConsoleSection dashboardSection()
{
    ConsoleSection s;
    // The navigation's strings keep the translation context the catalogue has them in.
    s.entry = {QStringLiteral("dashboard"),
               QCoreApplication::translate("mp::NavigationModel", "Dashboard"),
               QCoreApplication::translate("mp::NavigationModel",
                                           "Revenue, open invoices, renewals due and service health of your "
                                           "company."),
               {},
               100};
    s.page = [](const SectionContext &c) { return new DashboardPage(c.session, c.feed); };
    s.channels = {channels::jobs()};
    return s;
}

} // namespace mp
