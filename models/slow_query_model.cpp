#include "slow_query_model.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLocale>

namespace mp {

namespace {

QString shortTime(const QJsonValue &iso)
{
    const QDateTime at = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

void SlowQueryModel::setQueries(const QJsonArray &queries)
{
    beginResetModel();
    m_queries = queries;
    endResetModel();
}

int SlowQueryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_queries.size());
}

int SlowQueryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SlowQueryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_queries.size())
        return {};
    const QJsonObject q = m_queries.at(index.row()).toObject();
    if (role == Qt::TextAlignmentRole && index.column() >= Calls && index.column() <= Max)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Query: {
        const QString text = q.value(QStringLiteral("query")).toString();
        return role == Qt::ToolTipRole ? text : text.simplified();
    }
    case Calls:
        return QLocale().toString(q.value(QStringLiteral("calls")).toInteger());
    case Mean:
        return tr("%1 ms").arg(QLocale().toString(q.value(QStringLiteral("mean_ms")).toDouble(), 'f', 1));
    case Max:
        return tr("%1 ms").arg(QLocale().toString(q.value(QStringLiteral("max_ms")).toDouble(), 'f', 1));
    case FirstSeen:
        return shortTime(q.value(QStringLiteral("first_seen")));
    case LastSeen:
        return shortTime(q.value(QStringLiteral("last_seen")));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SlowQueryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Query:
        return tr("Statement");
    case Calls:
        return tr("Calls");
    case Mean:
        return tr("Mean");
    case Max:
        return tr("Max");
    case FirstSeen:
        return tr("First seen");
    case LastSeen:
        return tr("Last seen");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mp
