#include "catalog_section.h"

#include "catalog_commands.h"
#include "catalog_page.h"

namespace mp {

ConsoleSection catalogSection()
{
    ConsoleSection s;
    s.entry = navigationEntry(
        QStringLiteral("catalog"), QT_TRANSLATE_NOOP("mp::NavigationModel", "Catalog"),
        QT_TRANSLATE_NOOP("mp::NavigationModel", "The products, plans and prices you sell."), 200);
    s.page = [](const SectionContext &c) { return new CatalogPage(c.session, c.feed); };
    s.channels = {channels::products, channels::cloudPodTemplates};
    return s;
}

} // namespace mp
