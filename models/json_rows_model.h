#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QStringList>

namespace mp {

// A read-only table over rows the services return as JSON objects, one column per key. Guardian's
// lists are short (at most a few hundred rows, most severe first), so they are shown whole.
class JsonRowsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    struct Column {
        QString key;
        QString title;
    };
    enum Role { RowRole = Qt::UserRole + 1 }; // the whole row as a QJsonObject

    explicit JsonRowsModel(QList<Column> columns, QObject *parent = nullptr);

    void setRows(const QJsonArray &rows);
    QJsonObject row(int r) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Column> m_columns;
    QJsonArray m_rows;
};

} // namespace mp
