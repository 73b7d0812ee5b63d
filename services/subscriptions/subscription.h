#pragma once

#include "module/service_lifecycle.h"
#include "subscriptions/subscription_calendar.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace mp::subscriptions {

// One recurring thing a customer pays for, as stored. Status names are the database's:
// pending, active, past_due, suspended, cancelled, expired.
struct Subscription {
    QString id;
    QString customerId;
    QString productId;
    QString productType;
    QString orderItemId;
    QString description;
    Cycle cycle = Cycle::Monthly;
    QString currency;
    qint64 unitPriceMinor = 0;
    int quantity = 1;
    QString status;
    int anchorDay = 1;
    QDateTime startedAt;
    QDateTime currentPeriodStart;
    QDateTime currentPeriodEnd;
    QDate nextDueDate;
    bool cancelAtPeriodEnd = false;
    QDateTime cancelledAt;
    QDateTime pastDueSince;
    QDateTime suspendedAt;
    QDateTime endedAt;
    QDateTime createdAt;
    QDateTime updatedAt;

    provisioning::ServiceRequest serviceRequest() const
    {
        return {id, customerId, productId, productType, orderItemId, quantity};
    }
    bool live() const
    {
        return status == QLatin1String("active") || status == QLatin1String("past_due") ||
               status == QLatin1String("suspended");
    }
};

inline QStringList subscriptionStatuses()
{
    return {QStringLiteral("pending"),   QStringLiteral("active"),    QStringLiteral("past_due"),
            QStringLiteral("suspended"), QStringLiteral("cancelled"), QStringLiteral("expired")};
}

} // namespace mp::subscriptions
