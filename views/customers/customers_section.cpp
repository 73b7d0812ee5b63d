#include "customers_section.h"

#include "billing_commands.h"
#include "customer_commands.h"
#include "customer_detail_page.h"
#include "customers_page.h"
#include "payment_commands.h"
#include "subscription_commands.h"
#include "subscriptions/subscriptions_section.h"

namespace mp {

ConsoleSection customersSection()
{
    ConsoleSection s;
    s.entry = navigationEntry(
        QStringLiteral("customers"), QT_TRANSLATE_NOOP("mp::NavigationModel", "Customers"),
        QT_TRANSLATE_NOOP("mp::NavigationModel", "Your customers, their contacts and their accounts."), 300);
    s.page = [](const SectionContext &c) {
        auto *page = new CustomersPage(c.session, c.feed);
        // A subscription in the customer detail opens in the Subscriptions section.
        QObject::connect(page->detail(), &CustomerDetailPage::subscriptionActivated, page,
                         [run = c.runCommand](const QString &id) { run(openSubscriptionCommand(), id); });
        // Other modules' boxes (a customer's CloudPods) take their places on the detail.
        if (c.detailParts)
            for (const DetailPartDeclaration &part : c.detailParts(QStringLiteral("customer")))
                page->detail()->installPart(part.slot, part.make(c, page->detail()));
        return page;
    };
    // The detail lists the customer's invoices, subscriptions and payments.
    s.channels = {channels::customers, channels::invoices, channels::subscriptions, channels::payments};
    return s;
}

} // namespace mp
