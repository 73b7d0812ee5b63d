#include "payments/payments.h"

#include "api/responses.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "money/currency.h"
#include "money/money.h"

#include <QSqlQuery>
#include <QUuid>

namespace mp::payments {

namespace {

const auto kColumns = QStringLiteral(
    "id, invoice_id, customer_id, payment_intent, checkout_session, charge_id, amount_minor, currency, "
    "status, "
    "succeeded, refunded_minor, decline_code, decline_message, review_state, review_reason, dispute_id, "
    "dispute_status, invoice_applied, created_at, succeeded_at");

const auto kList =
    QStringLiteral("SELECT %1 FROM payments WHERE (?::uuid IS NULL OR customer_id = ?::uuid) "
                   "AND (?::uuid IS NULL OR invoice_id = ?::uuid) ORDER BY created_at DESC, id LIMIT ?");
const auto kFind = QStringLiteral("SELECT %1 FROM payments WHERE id = ?::uuid");
const auto kLockPaid = QStringLiteral("SELECT %1 FROM payments WHERE invoice_id = ?::uuid AND "
                                      "invoice_applied ORDER BY created_at LIMIT 1 FOR UPDATE");

Payment fromRow(const QSqlQuery &q)
{
    Payment p;
    p.id = q.value(0).toString();
    p.invoiceId = q.value(1).toString();
    p.customerId = q.value(2).toString();
    p.paymentIntent = q.value(3).toString();
    p.checkoutSession = q.value(4).toString();
    p.chargeId = q.value(5).toString();
    p.amountMinor = q.value(6).toLongLong();
    p.currency = q.value(7).toString();
    p.status = q.value(8).toString();
    p.succeeded = q.value(9).toBool();
    p.refundedMinor = q.value(10).toLongLong();
    p.declineCode = q.value(11).toString();
    p.declineMessage = q.value(12).toString();
    p.reviewState = q.value(13).toString();
    p.reviewReason = q.value(14).toString();
    p.disputeId = q.value(15).toString();
    p.disputeStatus = q.value(16).toString();
    p.invoiceApplied = q.value(17).toBool();
    p.createdAt = q.value(18).toDateTime();
    p.succeededAt = q.value(19).toDateTime();
    return p;
}

QVariant uuidOrNull(const QString &id)
{
    return id.isEmpty() ? QVariant() : QVariant(id);
}

Result<QList<Payment>> collect(Result<QSqlQuery> q)
{
    if (!q)
        return q.error();
    QList<Payment> out;
    while (q->next())
        out.append(fromRow(*q));
    return out;
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

void putMoney(QJsonObject &o, const QString &key, qint64 minor, const QString &currency)
{
    const auto c = Currency::fromCode(currency);
    o.insert(key, c ? QJsonValue(Money(minor, *c).toDecimalString()) : QJsonValue());
    o.insert(key + QStringLiteral("_minor"), minor);
}

} // namespace

QJsonObject Payment::toJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("provider"), QStringLiteral("stripe")},
        {QStringLiteral("method"), QStringLiteral("stripe")},
        {QStringLiteral("invoice_id"), textOrNull(invoiceId)},
        {QStringLiteral("customer_id"), textOrNull(customerId)},
        {QStringLiteral("payment_intent"), paymentIntent},
        {QStringLiteral("checkout_session"), textOrNull(checkoutSession)},
        {QStringLiteral("charge"), textOrNull(chargeId)},
        {QStringLiteral("currency"), currency},
        {QStringLiteral("status"), status},
        {QStringLiteral("decline_code"), textOrNull(declineCode)},
        {QStringLiteral("decline_message"), textOrNull(declineMessage)},
        {QStringLiteral("review_state"), textOrNull(reviewState)},
        {QStringLiteral("review_reason"), textOrNull(reviewReason)},
        {QStringLiteral("dispute_status"), textOrNull(disputeStatus)},
        {QStringLiteral("created_at"), api::timestamp(createdAt)},
        {QStringLiteral("succeeded_at"), succeededAt.isValid() ? api::timestamp(succeededAt) : QJsonValue()}};
    putMoney(o, QStringLiteral("amount"), amountMinor, currency);
    putMoney(o, QStringLiteral("refunded"), refundedMinor, currency);
    return o;
}

Result<QList<Payment>> Payments::list(TenantTransaction &tx, const PaymentFilter &filter)
{
    const QVariant customer = uuidOrNull(filter.customerId);
    const QVariant invoice = uuidOrNull(filter.invoiceId);
    return collect(sql::exec(tx.db(), kList.arg(kColumns),
                             {customer, customer, invoice, invoice, qBound(1, filter.limit, 500)}));
}

QList<api::SortOrder> Payments::sortOrders()
{
    return {{QStringLiteral("created_at"), {QStringLiteral("p.created_at")}, {QStringLiteral("timestamptz")}},
            {QStringLiteral("amount"), {QStringLiteral("p.amount_minor")}, {QStringLiteral("bigint")}}};
}

QStringList Payments::listStatuses()
{
    return {QStringLiteral("pending"),  QStringLiteral("succeeded"),          QStringLiteral("failed"),
            QStringLiteral("refunded"), QStringLiteral("partially_refunded"), QStringLiteral("disputed"),
            QStringLiteral("held")};
}

Result<PaymentPage> Payments::page(TenantTransaction &tx, const PaymentListFilter &filter,
                                   const api::KeysetPage &page)
{
    QStringList where{QStringLiteral("true")};
    QVariantList binds;
    if (!filter.customerId.isEmpty()) {
        where << QStringLiteral("p.customer_id = ?::uuid");
        binds << filter.customerId;
    }
    if (!filter.invoiceId.isEmpty()) {
        where << QStringLiteral("p.invoice_id = ?::uuid");
        binds << filter.invoiceId;
    }
    if (filter.status == QLatin1String("held")) {
        where << QStringLiteral("p.review_state = 'held'");
    } else if (!filter.status.isEmpty()) {
        where << QStringLiteral("p.status = ?");
        binds << filter.status;
    }
    const QString after = page.afterCondition(QStringLiteral("p.id"));
    if (!after.isEmpty()) {
        where << after;
        binds << page.afterBinds();
    }
    const QString text = QStringLiteral("SELECT %1, %2 FROM payments p WHERE %3 ORDER BY %4 LIMIT %5")
                             .arg(kColumns, page.keySelect(), where.join(QStringLiteral(" AND ")),
                                  page.orderBy(QStringLiteral("p.id")))
                             .arg(page.limit() + 1);
    auto q = sql::exec(tx.db(), text, binds);
    if (!q)
        return q.error();
    constexpr int kColumnCount = 20;
    return api::readPage<PaymentPage>(*q, page, kColumnCount, fromRow);
}

Result<QList<Payment>> Payments::forInvoice(TenantTransaction &tx, const QString &invoiceId)
{
    return list(tx, PaymentFilter{QString(), invoiceId, 500});
}

Result<QList<Payment>> Payments::forCustomer(TenantTransaction &tx, const QString &customerId)
{
    return list(tx, PaymentFilter{customerId, QString(), 500});
}

Result<Payment> Payments::find(TenantTransaction &tx, const QString &id)
{
    const Error notFound =
        makeError(errors::NotFound, QStringLiteral("no such payment"), QStringLiteral("id"));
    if (!isUuid(id))
        return notFound;
    auto q = sql::exec(tx.db(), kFind.arg(kColumns), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound;
    return fromRow(*q);
}

Result<Payment> Payments::lockPaidPaymentOfInvoice(TenantTransaction &tx, const QString &invoiceId)
{
    auto q = sql::exec(tx.db(), kLockPaid.arg(kColumns), {invoiceId});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::Conflict, QStringLiteral("this invoice was not paid through Stripe"),
                         QStringLiteral("id"));
    return fromRow(*q);
}

} // namespace mp::payments
