#include "console_section_registry.h"

namespace mp {

void ConsoleSections::add(ConsoleSection section)
{
    Q_ASSERT_X(!section.entry.id.isEmpty() && !find(section.entry.id), "ConsoleSections::add",
               qPrintable(section.entry.id));
    for (const SectionCommand &command : std::as_const(section.commands))
        Q_ASSERT_X(!offering(command.id), "ConsoleSections::add", qPrintable(command.id));
    m_sections.append(std::move(section));
}

const ConsoleSection *ConsoleSections::find(const QString &id) const
{
    for (const ConsoleSection &section : m_sections)
        if (section.entry.id == id)
            return &section;
    return nullptr;
}

const ConsoleSection *ConsoleSections::offering(const QString &commandId) const
{
    for (const ConsoleSection &section : m_sections)
        for (const SectionCommand &command : section.commands)
            if (command.id == commandId)
                return &section;
    return nullptr;
}

QList<NavigationEntry> ConsoleSections::navigation() const
{
    QList<NavigationEntry> entries;
    for (const ConsoleSection &section : m_sections)
        if (section.host.isEmpty())
            entries.append(section.entry);
    return entries;
}

QStringList ConsoleSections::channels() const
{
    QStringList all;
    for (const ConsoleSection &section : m_sections)
        for (const QString &channel : section.channels)
            if (!all.contains(channel))
                all.append(channel);
    return all;
}

QList<DetailPartDeclaration> ConsoleSections::detailParts(const QString &page) const
{
    QList<DetailPartDeclaration> parts;
    for (const ConsoleSection &section : m_sections)
        for (const DetailPartDeclaration &part : section.detailParts)
            if (part.page == page)
                parts.append(part);
    return parts;
}

} // namespace mp
