#pragma once

#include "subscriptions/subscription.h"

#include <QSqlQuery>

namespace mp::subscriptions {

// The column list every subscription SELECT uses (table alias `s`), and its reader.
QString subscriptionColumns();
inline constexpr int kSubscriptionColumnCount = 23;
Subscription subscriptionFromRow(const QSqlQuery &q, int offset = 0);

} // namespace mp::subscriptions
