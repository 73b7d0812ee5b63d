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
    // The Dashboard's invoice tiles: {status, overdue}; what the argument leaves out is cleared.
    s.commands = {{QStringLiteral("billing.invoices"), [](QWidget *page, const QVariant &argument) {
                       auto *billing = qobject_cast<BillingPage *>(page);
                       if (!billing)
                           return;
                       const QVariantMap filter = argument.toMap();
                       billing->setInvoiceStatus(filter.value(QStringLiteral("status")).toString());
                       billing->setOverdueOnly(filter.value(QStringLiteral("overdue")).toBool());
                       billing->showInvoices();
                   }}};
    return s;
}

} // namespace mp
