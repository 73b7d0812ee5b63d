#include "json_rows_model.h"

#include <QJsonObject>

namespace mp {

JsonRowsModel::JsonRowsModel(QList<Column> columns, QObject *parent)
    : QAbstractTableModel(parent), m_columns(std::move(columns))
{
}

void JsonRowsModel::setRows(const QJsonArray &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QJsonObject JsonRowsModel::row(int r) const
{
    return r >= 0 && r < m_rows.size() ? m_rows.at(r).toObject() : QJsonObject();
}

int JsonRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int JsonRowsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant JsonRowsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= m_columns.size())
        return {};
    const QJsonObject row = m_rows.at(index.row()).toObject();
    if (role == RowRole)
        return row;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QJsonValue v = row.value(m_columns.at(index.column()).key);
    if (v.isBool())
        return v.toBool() ? tr("yes") : tr("no");
    if (v.isDouble())
        return QString::number(v.toDouble(), 'f', 0);
    return v.toString();
}

QVariant JsonRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= m_columns.size())
        return {};
    return m_columns.at(section).title;
}

} // namespace mp
