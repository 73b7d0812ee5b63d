#include "settings_section.h"

#include "settings_page.h"

namespace mp {

ConsoleSection settingsSection()
{
    ConsoleSection s;
    s.entry = navigationEntry(
        QStringLiteral("settings"), QT_TRANSLATE_NOOP("mp::NavigationModel", "Settings"),
        QT_TRANSLATE_NOOP("mp::NavigationModel",
                          "Your company on invoices: address, VAT ID, bank, logo, numbering and tax rates."),
        1300);
    s.page = [](const SectionContext &c) { return new SettingsPage(c.session); };
    return s;
}

} // namespace mp
