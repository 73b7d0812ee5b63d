#include "guardian_section.h"

#include "guardian_commands.h"
#include "guardian_page.h"

namespace mp {

ConsoleSection guardianSection()
{
    ConsoleSection s;
    s.entry =
        navigationEntry(QStringLiteral("guardian"), QT_TRANSLATE_NOOP("mp::NavigationModel", "Guardian"),
                        QT_TRANSLATE_NOOP("mp::NavigationModel",
                                          "Security scans of mail, web, DNS and SSH logs, and remediation."),
                        1100);
    s.page = [](const SectionContext &c) { return new GuardianPage(c.session, c.feed); };
    s.channels = {channels::guardian};
    return s;
}

} // namespace mp
