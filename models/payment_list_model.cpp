#include "payment_list_model.h"

#include "model_roles.h"
#include "money_text.h"
#include "status_tone.h"

#include <QColor>
#include <QLocale>

namespace mp {

using payments::Payment;

void PaymentListModel::setPayments(const QList<Payment> &payments)
{
    beginResetModel();
    m_payments = payments;
    endResetModel();
}

int PaymentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_payments.size());
}

int PaymentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PaymentListModel::statusTitle(const QString &status)
{
    if (status == QLatin1String("pending"))
        return tr("Pending");
    if (status == QLatin1String("succeeded"))
        return tr("Succeeded");
    if (status == QLatin1String("failed"))
        return tr("Declined");
    if (status == QLatin1String("refunded"))
        return tr("Refunded");
    if (status == QLatin1String("partially_refunded"))
        return tr("Partially refunded");
    if (status == QLatin1String("disputed"))
        return tr("Disputed");
    return status;
}

QVariant PaymentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Payment &p = m_payments.at(index.row());
    if (role == IdRole)
        return p.id;
    if (role == Qt::ForegroundRole && index.column() == Status)
        return statusForeground(p.reviewState == QLatin1String("held") ? p.reviewState : p.status);
    if (role == Qt::TextAlignmentRole && (index.column() == Amount || index.column() == Refunded))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Status && !p.reviewReason.isEmpty())
        return p.reviewReason;
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Created:
        return QLocale().toString(p.createdAt.toLocalTime(), QLocale::ShortFormat);
    case Status:
        return p.reviewState == QLatin1String("held") ? tr("%1, held for review").arg(statusTitle(p.status))
                                                      : statusTitle(p.status);
    case Amount:
        return moneyText(p.amountMinor, p.currency);
    case Refunded:
        return p.refundedMinor > 0 ? moneyText(p.refundedMinor, p.currency) : QString();
    case Decline:
        if (p.declineMessage.isEmpty())
            return p.declineCode;
        return p.declineCode.isEmpty() ? p.declineMessage
                                       : QStringLiteral("%1 (%2)").arg(p.declineMessage, p.declineCode);
    case Dispute:
        return p.disputeId.isEmpty() ? QString() : tr("%1 (%2)").arg(p.disputeStatus, p.disputeId);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant PaymentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Created:
        return tr("Created");
    case Status:
        return tr("Status");
    case Amount:
        return tr("Amount");
    case Refunded:
        return tr("Refunded");
    case Decline:
        return tr("Decline reason");
    case Dispute:
        return tr("Dispute");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mp
