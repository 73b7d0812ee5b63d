#include "jobs_section.h"

#include "job_commands.h"
#include "jobs_page.h"

#include <QCoreApplication>

namespace mp {

ConsoleSection jobsSection()
{
    ConsoleSection s;
    // A tab of Provisioning, where the jobs that provision services are watched.
    s.entry = {
        QStringLiteral("jobs"), QCoreApplication::translate("mp::ProvisioningPage", "Jobs"), {}, {}, 0};
    s.host = QStringLiteral("provisioning");
    s.page = [](const SectionContext &c) { return new JobsPage(c.session, c.feed); };
    s.channels = {channels::jobs, channels::jobLog};
    return s;
}

} // namespace mp
