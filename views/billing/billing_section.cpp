#include "billing_section.h"

#include "billing_commands.h"
#include "billing_page.h"

namespace mp {

ConsoleSection billingSection()
{
    ConsoleSection s;
    s.entry = navigationEntry(
        QStringLiteral("billing"), QT_TRANSLATE_NOOP("mp::NavigationModel", "Billing"),
        QT_TRANSLATE_NOOP("mp::NavigationModel", "Invoices, payments, credit notes and dunning."), 400);
    s.page = [](const SectionContext &c) { return new BillingPage(c.session, c.feed); };
    s.channels = {channels::invoices, channels::orders};
    return s;
}

} // namespace mp
