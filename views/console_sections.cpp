#include "console_sections.h"

#include "billing/billing_section.h"
#include "catalog/catalog_section.h"
#include "customers/customers_section.h"
#include "dashboard/dashboard_section.h"
#include "dns/dns_section.h"
#include "domains/domains_section.h"
#include "guardian/guardian_section.h"
#include "jobs/jobs_section.h"
#include "mail/mail_section.h"
#include "monitoring/monitoring_section.h"
#include "notifications/notifications_section.h"
#include "provisioning/provisioning_section.h"
#include "settings/settings_section.h"
#include "ssl/ssl_section.h"
#include "subscriptions/subscriptions_section.h"

namespace mp {

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
    sections.add(guardianSection());
    sections.add(settingsSection());
    return sections;
}

} // namespace mp
