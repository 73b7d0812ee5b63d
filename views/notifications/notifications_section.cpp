#include "notifications_section.h"

#include "notification_commands.h"
#include "notifications_page.h"

namespace mp {

ConsoleSection notificationsSection()
{
    ConsoleSection s;
    s.entry = navigationEntry(
        QStringLiteral("notifications"), QT_TRANSLATE_NOOP("mp::NavigationModel", "Notifications"),
        QT_TRANSLATE_NOOP("mp::NavigationModel",
                          "Mail to your customers: invoices, receipts, reminders; the relay."),
        450);
    s.page = [](const SectionContext &c) { return new NotificationsPage(c.session, c.feed); };
    s.channels = {channels::emailOutbox};
    return s;
}

} // namespace mp
