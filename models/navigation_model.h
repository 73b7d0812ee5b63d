#pragma once

#include <QAbstractListModel>
#include <QIcon>

namespace mp {

// One row of the console's navigation, as a section declares it: a stable id (what code, tests
// and `--section` name it by), its title and the sentence its empty state shows (both already
// translated), an optional icon, and its place in the list (lower first).
struct NavigationEntry {
    QString id;
    QString title;
    QString summary;
    QIcon icon;
    int order = 0;
    QString englishTitle = {}; // the untranslated title, so scripts can name a section in any locale
};

// The console's sections in navigation order: one row per entry it is given. It names no
// section itself; the console's list of sections (views/console_sections.cpp) supplies them.
class NavigationModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        SectionRole = Qt::UserRole + 1, // the section's id
        SummaryRole,                    // what the section holds, or will
    };

    // Sorted by order; entries of equal order keep the order they are given in.
    explicit NavigationModel(QList<NavigationEntry> entries = {}, QObject *parent = nullptr);

    const QList<NavigationEntry> &entries() const { return m_entries; }
    // The id of the section `name` names: its id ("billing"), its English title ("Billing")
    // under any locale, or its title as shown ("Abrechnung"); case does not matter. Empty when
    // none does.
    QString sectionFor(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Invalid for an id no entry has.
    QModelIndex indexOf(const QString &id) const;
    // Empty for an invalid index.
    QString sectionAt(const QModelIndex &index) const;

private:
    QList<NavigationEntry> m_entries;
};

} // namespace mp
