#pragma once

#include "lazy_table_model.h"
#include "notifications/outbox.h"

namespace mp {

// The tenant's notification mail, newest first, filtered by status; live through the change
// feed. IdRole answers the message id.
class OutboxTableModel : public LazyTableModel<notifications::OutboxEntry> {
    Q_OBJECT
public:
    enum Column { Created, To, Template, Subject, Status, Attempts, NextAttempt, LastError, ColumnCount };
    Q_ENUM(Column)

    explicit OutboxTableModel(ConsoleSession *session, QObject *parent = nullptr);

    void setStatusFilter(const QString &status); // "" for all
    const QString &statusFilter() const { return m_status; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusTitle(const QString &status);

protected:
    Fetch fetcher() const override;

private:
    QString m_status;
};

} // namespace mp
