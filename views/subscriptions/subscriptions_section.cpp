#include "subscriptions_section.h"

#include "billing_commands.h"
#include "payment_commands.h"
#include "subscription_commands.h"
#include "subscriptions_page.h"

namespace mp {

ConsoleSection subscriptionsSection()
{
    ConsoleSection s;
    s.entry = navigationEntry(
        QStringLiteral("subscriptions"), QT_TRANSLATE_NOOP("mp::NavigationModel", "Subscriptions"),
        QT_TRANSLATE_NOOP("mp::NavigationModel", "What each customer has subscribed to and when it renews."),
        500);
    s.page = [](const SectionContext &c) { return new SubscriptionsPage(c.session, c.feed); };
    // The detail follows its invoices and payments too.
    s.channels = {channels::subscriptions, channels::invoices, channels::payments};
    s.commands = {{openSubscriptionCommand(), [](QWidget *page, const QVariant &id) {
                       if (auto *subscriptions = qobject_cast<SubscriptionsPage *>(page))
                           subscriptions->showSubscription(id.toString());
                   }}};
    return s;
}

} // namespace mp
