#include "catalog_section.h"

#include "catalog_commands.h"
#include "catalog_page.h"

#include <QCoreApplication>

namespace mp {

ConsoleSection catalogSection()
{
    ConsoleSection s;
    s.entry = {QStringLiteral("catalog"),
               QCoreApplication::translate("mp::NavigationModel", "Catalog"),
               QCoreApplication::translate("mp::NavigationModel", "The products, plans and prices you sell."),
               {},
               200};
    s.page = [](const SectionContext &c) { return new CatalogPage(c.session, c.feed); };
    s.channels = {channels::products(), channels::cloudPodTemplates()};
    return s;
}

} // namespace mp
