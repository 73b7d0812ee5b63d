#pragma once

#include "console_section.h"

#include <QList>

namespace mp {

// The sections a console shows, in the order they were added: what MainWindow puts in its
// navigation and pages, and what its ChangeFeed listens on. Like Qt Creator's plugin manager
// it knows no section by name; sections add themselves (see consoleSections()).
class ConsoleSections {
public:
    // Section ids and command ids are unique: adding a second of either is a programming error.
    void add(ConsoleSection section);

    const QList<ConsoleSection> &all() const { return m_sections; }
    const ConsoleSection *find(const QString &id) const;
    // The section that offers command `commandId`, or null.
    const ConsoleSection *offering(const QString &commandId) const;
    // The rows of the sections that have one, for NavigationModel.
    QList<NavigationEntry> navigation() const;
    // Every channel some section listens on, each once, in the order they were declared.
    QStringList channels() const;
    // Every section's parts for detail page `page`, in the order the sections were added.
    QList<DetailPartDeclaration> detailParts(const QString &page) const;

private:
    QList<ConsoleSection> m_sections;
};

} // namespace mp
