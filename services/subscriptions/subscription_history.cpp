#include "subscriptions/subscription_history.h"

#include "db/sql.h"
#include "db/tenant_transaction.h"

#include <QJsonDocument>

namespace mp::subscriptions {

namespace {

const auto kInsert = QStringLiteral(R"sql(
INSERT INTO subscription_events (tenant_id, subscription_id, at, actor, event, from_status, to_status, details)
VALUES (?::uuid, ?::uuid, ?::timestamptz, ?, ?, nullif(?, ''), nullif(?, ''), ?::jsonb)
)sql");

} // namespace

Status SubscriptionHistory::record(TenantTransaction &tx, const QString &subscriptionId,
                                   const SubscriptionEvent &event, const QDateTime &at)
{
    auto q = sql::exec(tx.db(), kInsert,
                       {tx.tenantId(), subscriptionId, at.toUTC().toString(Qt::ISODateWithMs),
                        event.actor.left(100), event.event, event.fromStatus, event.toStatus,
                        QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact))});
    if (!q)
        return q.error();
    return {};
}

} // namespace mp::subscriptions
