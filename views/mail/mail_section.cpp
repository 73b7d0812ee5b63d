#include "mail_section.h"

#include "customer_mail_part.h"
#include "mail_channels.h"
#include "mail_page.h"

namespace mp {

ConsoleSection mailSection()
{
    ConsoleSection s;
    s.entry = navigationEntry(
        QStringLiteral("email"), QT_TRANSLATE_NOOP("mp::NavigationModel", "Email"),
        QT_TRANSLATE_NOOP("mp::NavigationModel", "Mail domains, mailboxes, aliases and forwarders."), 900);
    s.page = [](const SectionContext &c) { return new MailPage(c.session, c.feed); };
    // A customer's mail domains on the customer detail, live.
    s.detailParts = {{QStringLiteral("customer"), QStringLiteral("email"),
                      [](const SectionContext &c, QWidget *parent) -> DetailPart * {
                          return new CustomerMailPart(c.session, c.feed, parent);
                      }}};
    s.channels = {channels::mail};
    return s;
}

} // namespace mp
