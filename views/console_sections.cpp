#include "console_sections.h"

#include "billing/billing_section.h"
#include "catalog/catalog_section.h"
#include "customers/customers_section.h"
#include "dashboard/dashboard_section.h"
#include "dns/dns_section.h"
#include "domains/domains_section.h"
#include "jobs/jobs_section.h"
#include "mail/mail_section.h"
#include "monitoring/monitoring_section.h"
#include "notifications/notifications_section.h"
#include "provisioning/provisioning_section.h"
#include "settings/settings_section.h"
#include "ssl/ssl_section.h"
#include "subscriptions/subscriptions_section.h"

namespace mp {

namespace {

// Sections whose module has not landed: a row and an empty state saying what it will hold. A
// module that lands takes its row out of here and adds its section's line below.
struct Planned {
    const char *id;
    const char *title;
    const char *summary;
    int order;
};
constexpr Planned planned[] = {
    {"guardian", QT_TRANSLATE_NOOP("mp::NavigationModel", "Guardian"),
     QT_TRANSLATE_NOOP("mp::NavigationModel", "Security checks, fraud screening and abuse reports."), 1100},
};

ConsoleSection plannedSection(const Planned &p)
{
    ConsoleSection s;
    s.entry = navigationEntry(QString::fromLatin1(p.id), p.title, p.summary, p.order);
    return s;
}

} // namespace

ConsoleSections consoleSections()
{
    ConsoleSections sections;
    sections.add(dashboardSection());
    sections.add(catalogSection());
    sections.add(customersSection());
    sections.add(billingSection());
    sections.add(subscriptionsSection());
    sections.add(provisioningSection());
    sections.add(jobsSection());
    sections.add(dnsSection());
    sections.add(domainsSection());
    sections.add(notificationsSection());
    sections.add(monitoringSection());
    sections.add(sslSection());
    sections.add(mailSection());
    sections.add(settingsSection());
    for (const Planned &p : planned)
        sections.add(plannedSection(p));
    return sections;
}

} // namespace mp
