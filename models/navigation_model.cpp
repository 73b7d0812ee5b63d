#include "navigation_model.h"

#include <algorithm>

namespace mp {

QString NavigationModel::sectionFor(const QString &name) const
{
    const QString wanted = name.trimmed();
    if (wanted.isEmpty())
        return {};
    for (const NavigationEntry &e : m_entries) {
        for (const QString &form : {e.id, e.englishTitle, e.title}) {
            if (!form.isEmpty() && QString(form).remove(u'&').compare(wanted, Qt::CaseInsensitive) == 0)
                return e.id;
        }
    }
    return {};
}

NavigationModel::NavigationModel(QList<NavigationEntry> entries, QObject *parent)
    : QAbstractListModel(parent), m_entries(std::move(entries))
{
    std::stable_sort(m_entries.begin(), m_entries.end(),
                     [](const NavigationEntry &a, const NavigationEntry &b) { return a.order < b.order; });
}

int NavigationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant NavigationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NavigationEntry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.title;
    case Qt::DecorationRole:
        return entry.icon.isNull() ? QVariant() : QVariant(entry.icon);
    case Qt::ToolTipRole:
    case SummaryRole:
        return entry.summary;
    case SectionRole:
        return entry.id;
    default:
        return {};
    }
}

QHash<int, QByteArray> NavigationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(SectionRole, "section");
    names.insert(SummaryRole, "summary");
    return names;
}

QModelIndex NavigationModel::indexOf(const QString &id) const
{
    for (qsizetype row = 0; row < m_entries.size(); ++row)
        if (m_entries.at(row).id == id)
            return index(int(row), 0);
    return {};
}

QString NavigationModel::sectionAt(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this ? m_entries.at(index.row()).id : QString();
}

} // namespace mp
