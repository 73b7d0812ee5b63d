#pragma once

#include "lazy_table_model.h"
#include "subscriptions/subscriptions.h"

namespace mp {

// The tenant's subscriptions, newest first (or by next due date), filtered by status, product,
// customer and "due within N days" in SQL through the services' keyset list.
class SubscriptionTableModel : public LazyTableModel<subscriptions::Subscription> {
    Q_OBJECT
public:
    enum Column { Description, Status, Cycle, Price, PeriodEnd, NextDue, Started, ColumnCount };
    Q_ENUM(Column)

    explicit SubscriptionTableModel(ConsoleSession *session, QObject *parent = nullptr);

    void setFilter(const subscriptions::SubscriptionFilter &filter);
    const subscriptions::SubscriptionFilter &filter() const { return m_filter; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusTitle(const QString &status);
    static QString cycleTitle(subscriptions::Cycle cycle);

protected:
    QString sortName(int column) const override;
    Fetch fetcher() const override;

private:
    subscriptions::SubscriptionFilter m_filter;
};

} // namespace mp
