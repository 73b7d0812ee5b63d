#include "billing_section.h"

#include "billing_commands.h"
#include "billing_page.h"

#include <QCoreApplication>

namespace mp {

ConsoleSection billingSection()
{
    ConsoleSection s;
    s.entry = {
        QStringLiteral("billing"),
        QCoreApplication::translate("mp::NavigationModel", "Billing"),
        QCoreApplication::translate("mp::NavigationModel", "Invoices, payments, credit notes and dunning."),
        {},
        400};
    s.page = [](const SectionContext &c) { return new BillingPage(c.session, c.feed); };
    s.channels = {channels::invoices(), channels::orders()};
    return s;
}

} // namespace mp
