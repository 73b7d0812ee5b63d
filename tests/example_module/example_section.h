#pragma once

#include "console_section.h"

#include <QLabel>

namespace mp::example {

// The example module's console side: a "Widgets" row in the navigation whose page counts the
// changes of the module's table that reach it through the change feed, and a command the rest
// of the console can run by id ("example.show").
class WidgetsPage : public QLabel {
    Q_OBJECT

public:
    int changes = 0;
};

inline QString widgetsChannel()
{
    return QStringLiteral("mpanel_changed_example_widgets");
}

ConsoleSection exampleSection();

} // namespace mp::example
