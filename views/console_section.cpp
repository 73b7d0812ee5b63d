#include "console_section.h"

#include <QCoreApplication>

namespace mp {

NavigationEntry navigationEntry(const QString &id, const char *title, const char *summary, int order)
{
    return {id,
            QCoreApplication::translate("mp::NavigationModel", title),
            QCoreApplication::translate("mp::NavigationModel", summary),
            {},
            order,
            QString::fromUtf8(title)};
}

} // namespace mp
