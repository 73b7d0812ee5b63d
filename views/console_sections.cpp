#include "console_sections.h"

#include "billing/billing_page.h"
#include "catalog/catalog_page.h"
#include "customers/customer_detail_page.h"
#include "customers/customers_page.h"
#include "dashboard/dashboard_page.h"
#include "jobs/jobs_page.h"
#include "main_window.h"
#include "provisioning/provisioning_page.h"
#include "subscriptions/subscriptions_page.h"

namespace mp {

void installConsoleSections(MainWindow *window, ConsoleSession *session, ChangeFeed *feed)
{
    using Section = MainWindow::Section;
    window->setSectionPage(Section::Catalog, new CatalogPage(session, feed));
    auto *customers = new CustomersPage(session, feed);
    window->setSectionPage(Section::Customers, customers);
    window->setSectionPage(Section::Billing, new BillingPage(session, feed));
    auto *subscriptions = new SubscriptionsPage(session, feed);
    window->setSectionPage(Section::Subscriptions, subscriptions);
    // A subscription in the customer detail opens in the Subscriptions section.
    QObject::connect(customers->detail(), &CustomerDetailPage::subscriptionActivated, subscriptions,
                     [window, subscriptions](const QString &id) {
                         window->showSection(Section::Subscriptions);
                         subscriptions->showSubscription(id);
                     });
    window->setSectionPage(Section::Dashboard, new DashboardPage(session, feed));
    auto *provisioning = new ProvisioningPage(session, feed);
    provisioning->setPage(ProvisioningPage::Tab::Jobs, new JobsPage(session, feed),
                          ProvisioningPage::tr("Jobs"));
    window->setSectionPage(Section::Provisioning, provisioning);
}

} // namespace mp
