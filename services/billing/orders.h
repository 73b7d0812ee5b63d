#pragma once

#include "api/keyset_page.h"
#include "core/result.h"
#include "money/money.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::billing {

// An order as a list shows it: its amount is the sum of its items (quantity x price plus the
// setup fees) as copied from the catalog when it was placed.
struct OrderSummary {
    explicit OrderSummary(const Currency &c) : amount(Money::zero(c)) {}
    QString id;
    QString customerId;
    QString customerName;
    QString status; // pending, active, cancelled
    QString placedBy;
    QString description; // the first item's, "(+n more)" is the view's business
    int itemCount = 0;
    Money amount;
    QDateTime createdAt;
};

struct OrderFilter {
    QString status;     // empty: all
    QString customerId; // empty: all
    QDate placedFrom;   // inclusive, by UTC date; invalid: open
    QDate placedTo;
};

struct OrderPage {
    QList<OrderSummary> items;
    QString nextCursor;
};

struct OrderTotal {
    qint64 count = 0;
    Money amount;
};

// The tenant's orders, read-only: checkout writes them, payment activates them.
class Orders {
public:
    static QList<api::SortOrder> sortOrders(); // "created_at" (default "-created_at")
    static Result<OrderPage> list(TenantTransaction &tx, const OrderFilter &filter,
                                  const api::KeysetPage &page);
    static Result<QList<OrderTotal>> totals(TenantTransaction &tx, const OrderFilter &filter);
};

} // namespace mp::billing
