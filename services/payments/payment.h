#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace mp::payments {

// One Stripe payment (a PaymentIntent) as mPanel keeps it: every event about it folds into this
// row, whatever order the events came in.
struct Payment {
    QString id;
    QString invoiceId;
    QString customerId;
    QString paymentIntent;
    QString checkoutSession;
    QString chargeId;
    qint64 amountMinor = 0;
    QString currency; // ISO 4217, upper case
    QString status;   // pending | succeeded | failed | refunded | partially_refunded | disputed
    bool succeeded = false;
    qint64 refundedMinor = 0;
    QString declineCode;
    QString declineMessage;
    QString reviewState; // "", held, resolved
    QString reviewReason;
    QString disputeId;
    QString disputeStatus;
    bool invoiceApplied = false;
    QDateTime createdAt;
    QDateTime succeededAt;

    QJsonObject toJson() const;
};

} // namespace mp::payments
