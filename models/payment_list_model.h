#pragma once

#include "payments/payment.h"

#include <QAbstractTableModel>
#include <QList>

namespace mp {

// The Stripe payments of one invoice or one customer (a short list the services read in one
// query, so no paging): status, amount, what was refunded, why a card was declined, a dispute.
class PaymentListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Created, Status, Amount, Refunded, Decline, Dispute, ColumnCount };
    Q_ENUM(Column)

    using QAbstractTableModel::QAbstractTableModel;

    void setPayments(const QList<payments::Payment> &payments);
    const QList<payments::Payment> &payments() const { return m_payments; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusTitle(const QString &status);

private:
    QList<payments::Payment> m_payments;
};

} // namespace mp
