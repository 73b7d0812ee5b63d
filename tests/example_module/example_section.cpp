#include "example_section.h"

#include "console_session/change_feed.h"

namespace mp::example {

ConsoleSection exampleSection()
{
    ConsoleSection s;
    s.entry = {QStringLiteral("example"),
               QStringLiteral("Example"),
               QStringLiteral("Widgets of a module that lives in tests/."),
               {},
               650};
    s.page = [](const SectionContext &c) {
        auto *page = new WidgetsPage;
        page->setObjectName(QStringLiteral("examplePage"));
        QObject::connect(c.feed, &ChangeFeed::changed, page, [page](const QString &channel) {
            if (channel == widgetsChannel())
                ++page->changes;
        });
        return page;
    };
    s.channels = {widgetsChannel()};
    s.commands = {{QStringLiteral("example.show"), [](QWidget *page, const QVariant &text) {
                       static_cast<WidgetsPage *>(page)->setText(text.toString());
                   }}};
    return s;
}

} // namespace mp::example
