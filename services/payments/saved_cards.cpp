#include "payments/saved_cards.h"

#include "api/responses.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "payments/payment_errors.h"
#include "stripe/stripe_blocking.h"
#include "stripe/stripe_errors.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTimeZone>

namespace mp::payments {

namespace {

const auto kColumns = QStringLiteral(
    "id::text, customer_id::text, payment_method, brand, last4, exp_month, exp_year, is_default, created_at");

const auto kStripeCustomer =
    QStringLiteral("SELECT stripe_customer FROM stripe_customers WHERE customer_id = ?::uuid");
const auto kLink = QStringLiteral(R"sql(
INSERT INTO stripe_customers (tenant_id, customer_id, stripe_customer, created_at)
VALUES (?::uuid, ?::uuid, ?, ?::timestamptz)
ON CONFLICT (tenant_id, customer_id) DO NOTHING
)sql");
const auto kUpsert = QStringLiteral(R"sql(
INSERT INTO payment_cards (tenant_id, customer_id, payment_method, brand, last4, exp_month, exp_year, created_at)
VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?::timestamptz)
ON CONFLICT (tenant_id, payment_method) DO UPDATE SET brand = EXCLUDED.brand, last4 = EXCLUDED.last4,
    exp_month = EXCLUDED.exp_month, exp_year = EXCLUDED.exp_year
)sql");
const auto kDropMissing = QStringLiteral(
    "DELETE FROM payment_cards WHERE customer_id = ?::uuid AND NOT (payment_method = ANY (?::text[]))");
// Makes the newest card the default when the customer has none (a default card removed, the
// first card saved). Serialised per customer by the unique partial index.
const auto kEnsureDefault = QStringLiteral(R"sql(
UPDATE payment_cards SET is_default = true
WHERE id = (SELECT id FROM payment_cards WHERE customer_id = ?::uuid ORDER BY created_at DESC, id LIMIT 1)
  AND NOT EXISTS (SELECT 1 FROM payment_cards WHERE customer_id = ?::uuid AND is_default)
)sql");
const auto kList = QStringLiteral("SELECT %1 FROM payment_cards WHERE customer_id = ?::uuid "
                                  "ORDER BY created_at, id");
const auto kFind = QStringLiteral("SELECT %1 FROM payment_cards WHERE id = ?::uuid "
                                  "AND (?::uuid IS NULL OR customer_id = ?::uuid)");
const auto kClearDefault =
    QStringLiteral("UPDATE payment_cards SET is_default = false WHERE customer_id = ?::uuid AND is_default");
const auto kSetDefault = QStringLiteral("UPDATE payment_cards SET is_default = true WHERE id = ?::uuid");
const auto kForget = QStringLiteral("DELETE FROM payment_cards WHERE id = ?::uuid");
const auto kRenewalCard = QStringLiteral("SELECT %1 FROM payment_cards WHERE customer_id = ?::uuid "
                                         "ORDER BY is_default DESC, created_at DESC, id LIMIT 1");

SavedCard fromRow(const QSqlQuery &q)
{
    SavedCard c;
    c.id = q.value(0).toString();
    c.customerId = q.value(1).toString();
    c.paymentMethod = q.value(2).toString();
    c.brand = q.value(3).toString();
    c.last4 = q.value(4).toString();
    c.expMonth = q.value(5).toInt();
    c.expYear = q.value(6).toInt();
    c.isDefault = q.value(7).toBool();
    c.createdAt = q.value(8).toDateTime();
    return c;
}

Error notFound()
{
    return makeError(errors::NotFound, QStringLiteral("no such card"), QStringLiteral("id"));
}

QVariant intOrNull(int v)
{
    return v > 0 ? QVariant(v) : QVariant(QMetaType::fromType<int>());
}

Error stripeFailure(const Error &error)
{
    return makeError(errors::PaymentProviderError, error.message, error.field);
}

} // namespace

QJsonObject SavedCard::toJson() const
{
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("customer_id"), customerId},
                       {QStringLiteral("payment_method"), paymentMethod},
                       {QStringLiteral("brand"), brand},
                       {QStringLiteral("last4"), last4},
                       {QStringLiteral("exp_month"), expMonth},
                       {QStringLiteral("exp_year"), expYear},
                       {QStringLiteral("default"), isDefault},
                       {QStringLiteral("created_at"), api::timestamp(createdAt)}};
}

Result<QString> SavedCards::stripeCustomer(TenantTransaction &tx, const QString &customerId)
{
    auto q = sql::exec(tx.db(), kStripeCustomer, {customerId});
    if (!q)
        return q.error();
    return q->next() ? q->value(0).toString() : QString();
}

Result<QString> SavedCards::createStripeCustomer(const StripeSettings &settings, const QString &customerId,
                                                 const QString &email, const QString &name)
{
    CustomerParams params;
    params.email = email;
    params.name = name;
    params.metadata = {{QStringLiteral("mpanel_customer_id"), customerId}};
    auto created = runStripeCall(settings, [&](StripeClient &client) {
        return client.createCustomer(params, QStringLiteral("mpanel-customer-%1").arg(customerId));
    });
    if (!created)
        return stripeFailure(created.error());
    const QString id = created->value(QStringLiteral("id")).toString();
    if (!id.startsWith(QLatin1String("cus_")))
        return makeError(errors::PaymentProviderError, QStringLiteral("Stripe answered no Customer id"));
    return id;
}

Result<QString> SavedCards::linkStripeCustomer(TenantTransaction &tx, const QString &customerId,
                                               const QString &stripeCustomer, const QDateTime &now)
{
    if (auto q =
            sql::exec(tx.db(), kLink,
                      {tx.tenantId(), customerId, stripeCustomer, now.toUTC().toString(Qt::ISODateWithMs)});
        !q)
        return q.error();
    return SavedCards::stripeCustomer(tx, customerId);
}

Result<QList<SavedCard>> SavedCards::fetch(const StripeSettings &settings, const QString &stripeCustomer)
{
    auto listed = runStripeCall(
        settings, [&](StripeClient &client) { return client.listCustomerCards(stripeCustomer); });
    if (!listed)
        return stripeFailure(listed.error());
    QList<SavedCard> cards;
    for (const QJsonValue &v : listed->value(QStringLiteral("data")).toArray()) {
        const QJsonObject pm = v.toObject();
        const QJsonObject card = pm.value(QStringLiteral("card")).toObject();
        SavedCard c;
        c.paymentMethod = pm.value(QStringLiteral("id")).toString();
        if (!c.paymentMethod.startsWith(QLatin1String("pm_")) || !stripe::isValidObjectId(c.paymentMethod))
            continue;
        c.brand = card.value(QStringLiteral("brand")).toString().left(40);
        c.last4 = card.value(QStringLiteral("last4")).toString().left(4);
        c.expMonth = card.value(QStringLiteral("exp_month")).toInt();
        c.expYear = card.value(QStringLiteral("exp_year")).toInt();
        c.createdAt =
            QDateTime::fromSecsSinceEpoch(pm.value(QStringLiteral("created")).toInteger(), QTimeZone::utc());
        cards.append(c);
    }
    return cards;
}

Result<QList<SavedCard>> SavedCards::sync(TenantTransaction &tx, const QString &customerId,
                                          const QList<SavedCard> &listed, const QDateTime &now)
{
    QStringList methods;
    for (const SavedCard &c : listed) {
        methods << c.paymentMethod;
        const QDateTime created =
            c.createdAt.isValid() && c.createdAt.toSecsSinceEpoch() > 0 ? c.createdAt : now;
        if (auto q = sql::exec(tx.db(), kUpsert,
                               {tx.tenantId(), customerId, c.paymentMethod, c.brand, c.last4,
                                intOrNull(c.expMonth), intOrNull(c.expYear),
                                created.toUTC().toString(Qt::ISODateWithMs)});
            !q)
            return q.error();
    }
    const QString array = QStringLiteral("{%1}").arg(methods.join(u','));
    if (auto q = sql::exec(tx.db(), kDropMissing, {customerId, array}); !q)
        return q.error();
    if (auto q = sql::exec(tx.db(), kEnsureDefault, {customerId, customerId}); !q)
        return q.error();
    return list(tx, customerId);
}

Result<QList<SavedCard>> SavedCards::list(TenantTransaction &tx, const QString &customerId)
{
    auto q = sql::exec(tx.db(), kList.arg(kColumns), {customerId});
    if (!q)
        return q.error();
    QList<SavedCard> out;
    while (q->next())
        out.append(fromRow(*q));
    return out;
}

Result<SavedCard> SavedCards::find(TenantTransaction &tx, const QString &customerId, const QString &cardId)
{
    if (!isUuid(cardId))
        return notFound();
    const QVariant owner =
        customerId.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(customerId);
    auto q = sql::exec(tx.db(), kFind.arg(kColumns), {cardId, owner, owner});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound();
    return fromRow(*q);
}

Result<SavedCard> SavedCards::setDefault(TenantTransaction &tx, const QString &customerId,
                                         const QString &cardId)
{
    auto card = find(tx, customerId, cardId);
    if (!card)
        return card.error();
    if (auto q = sql::exec(tx.db(), kClearDefault, {card->customerId}); !q)
        return q.error();
    if (auto q = sql::exec(tx.db(), kSetDefault, {card->id}); !q)
        return q.error();
    card->isDefault = true;
    return card;
}

Status SavedCards::detach(const StripeSettings &settings, const SavedCard &card)
{
    stripe::StripeError detail;
    auto detached = runStripeCall(
        settings,
        [&](StripeClient &client) {
            return client.detachPaymentMethod(card.paymentMethod,
                                              QStringLiteral("mpanel-card-%1-detach").arg(card.id));
        },
        {}, &detail);
    // Already gone at Stripe (detached elsewhere): nothing left to charge, so forget it too.
    if (!detached && detail.httpStatus != 404 && detail.code != QLatin1String("resource_missing"))
        return stripeFailure(detached.error());
    return {};
}

Status SavedCards::forget(TenantTransaction &tx, const SavedCard &card)
{
    if (auto q = sql::exec(tx.db(), kForget, {card.id}); !q)
        return q.error();
    if (auto q = sql::exec(tx.db(), kEnsureDefault, {card.customerId, card.customerId}); !q)
        return q.error();
    return {};
}

Result<std::optional<SavedCard>> SavedCards::renewalCard(TenantTransaction &tx, const QString &customerId)
{
    auto q = sql::exec(tx.db(), kRenewalCard.arg(kColumns), {customerId});
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<SavedCard>();
    return std::optional<SavedCard>(fromRow(*q));
}

} // namespace mp::payments
