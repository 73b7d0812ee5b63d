#include "console_sections.h"

#include "billing/billing_page.h"
#include "catalog/catalog_page.h"
#include "customers/customers_page.h"
#include "main_window.h"
#include "provisioning/provisioning_page.h"

namespace mp {

void installConsoleSections(MainWindow *window, ConsoleSession *session, ChangeFeed *feed)
{
    using Section = MainWindow::Section;
    window->setSectionPage(Section::Catalog, new CatalogPage(session, feed));
    window->setSectionPage(Section::Customers, new CustomersPage(session, feed));
    window->setSectionPage(Section::Billing, new BillingPage(session, feed));
    auto *provisioning = new ProvisioningPage(session, feed);
    window->setSectionPage(Section::Provisioning, provisioning);
}

} // namespace mp
