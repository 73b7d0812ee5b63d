#pragma once

#include "api/keyset_page.h"
#include "core/result.h"
#include "subscriptions/subscription.h"

#include <QDate>
#include <QJsonArray>
#include <QList>

#include <optional>

namespace mp {
class TenantTransaction;
}

namespace mp::subscriptions {

struct SubscriptionFilter {
    QString status;     // empty: all
    QString productId;  // empty: all
    QString customerId; // empty: all (a customer caller always has its own here)
    std::optional<int> dueWithinDays;
};

struct SubscriptionPage {
    QList<Subscription> items;
    QString nextCursor;
};

// What the detail view adds to a subscription.
struct SubscriptionLinks {
    QJsonObject product;  // id, name, type
    QJsonObject customer; // id, name, email
    QJsonArray invoices;  // per period: invoice id, number, status, total, period, paid_at, payment
    QJsonArray history;   // the audit trail, oldest first
};

// Reading subscriptions, inside the caller's tenant transaction.
class Subscriptions {
public:
    static QList<api::SortOrder> sortOrders(); // "created_at" (default "-created_at"), "next_due_date"
    static Result<Subscription> find(TenantTransaction &tx, const QString &id);
    static Result<SubscriptionLinks> links(TenantTransaction &tx, const Subscription &subscription);
    static Result<SubscriptionPage> list(TenantTransaction &tx, const SubscriptionFilter &filter,
                                         const api::KeysetPage &page, QDate today);
};

} // namespace mp::subscriptions
