#pragma once

#include <QAbstractTableModel>
#include <QJsonArray>

namespace mp {

// Monitoring alerts, newest first, as MonitoringStore::alerts answers them: what raised each
// (a check or node down, a full disk, a slow statement, a failing job kind), what was seen, and
// whether it is still open.
class AlertTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Opened, State, Kind, Subject, Message, Cleared, ColumnCount };
    Q_ENUM(Column)

    using QAbstractTableModel::QAbstractTableModel;

    void setAlerts(const QJsonArray &alerts);
    int openCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Check down", "Disk full"... for an alert kind.
    static QString kindTitle(const QString &kind);

private:
    QJsonArray m_alerts;
};

} // namespace mp
