#pragma once

// Stripe event bodies shaped like the contract fixtures, for invoices mPanel created, and the
// signature headers that make the webhook accept them.

#include "core/clock.h"
#include "stripe/stripe_signature.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QUuid>

namespace mp::test {

inline const QByteArray kWebhookSecret = "whsec_test_secret";
inline const QByteArray kOldWebhookSecret = "whsec_old_secret";

// Stripe event bodies shaped like the contract fixtures, for invoices mPanel created.
namespace events {

inline QJsonObject envelope(const QString &type, const QJsonObject &object, const QString &id = {})
{
    return QJsonObject{
        {QStringLiteral("id"),
         id.isEmpty() ? QStringLiteral("evt_") + QUuid::createUuid().toString(QUuid::Id128) : id},
        {QStringLiteral("object"), QStringLiteral("event")},
        {QStringLiteral("api_version"), QStringLiteral("2024-06-20")},
        {QStringLiteral("created"), Clock::current().now().toSecsSinceEpoch()},
        {QStringLiteral("livemode"), false},
        {QStringLiteral("pending_webhooks"), 1},
        {QStringLiteral("request"), QJsonObject{{QStringLiteral("id"), QJsonValue()},
                                                {QStringLiteral("idempotency_key"), QJsonValue()}}},
        {QStringLiteral("type"), type},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("object"), object}}}};
}

inline QJsonObject metadata(const QString &invoiceId)
{
    return QJsonObject{{QStringLiteral("mpanel_invoice"), invoiceId}};
}

inline QJsonObject sessionCompleted(const QString &invoiceId, const QString &pi, qint64 amount,
                                    const QString &currency = QStringLiteral("usd"),
                                    const QString &eventId = {})
{
    return envelope(QStringLiteral("checkout.session.completed"),
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("cs_test_") + pi.mid(3)},
                                {QStringLiteral("object"), QStringLiteral("checkout.session")},
                                {QStringLiteral("amount_total"), amount},
                                {QStringLiteral("client_reference_id"), invoiceId},
                                {QStringLiteral("currency"), currency},
                                {QStringLiteral("metadata"), metadata(invoiceId)},
                                {QStringLiteral("mode"), QStringLiteral("payment")},
                                {QStringLiteral("payment_intent"), pi},
                                {QStringLiteral("payment_status"), QStringLiteral("paid")},
                                {QStringLiteral("status"), QStringLiteral("complete")}},
                    eventId);
}

inline QJsonObject intentSucceeded(const QString &invoiceId, const QString &pi, qint64 amount,
                                   const QString &currency = QStringLiteral("usd"))
{
    return envelope(QStringLiteral("payment_intent.succeeded"),
                    QJsonObject{{QStringLiteral("id"), pi},
                                {QStringLiteral("object"), QStringLiteral("payment_intent")},
                                {QStringLiteral("amount"), amount},
                                {QStringLiteral("amount_received"), amount},
                                {QStringLiteral("currency"), currency},
                                {QStringLiteral("latest_charge"), QStringLiteral("ch_") + pi.mid(3)},
                                {QStringLiteral("metadata"), metadata(invoiceId)},
                                {QStringLiteral("status"), QStringLiteral("succeeded")}});
}

inline QJsonObject intentFailed(const QString &invoiceId, const QString &pi, qint64 amount,
                                const QString &declineCode)
{
    return envelope(
        QStringLiteral("payment_intent.payment_failed"),
        QJsonObject{{QStringLiteral("id"), pi},
                    {QStringLiteral("object"), QStringLiteral("payment_intent")},
                    {QStringLiteral("amount"), amount},
                    {QStringLiteral("amount_received"), 0},
                    {QStringLiteral("currency"), QStringLiteral("usd")},
                    {QStringLiteral("metadata"), metadata(invoiceId)},
                    {QStringLiteral("status"), QStringLiteral("requires_payment_method")},
                    {QStringLiteral("last_payment_error"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("card_error")},
                                 {QStringLiteral("code"), QStringLiteral("card_declined")},
                                 {QStringLiteral("decline_code"), declineCode},
                                 {QStringLiteral("message"), QStringLiteral("Your card was declined.")}}}});
}

inline QJsonObject chargeRefunded(const QString &invoiceId, const QString &pi, qint64 amount, qint64 refunded)
{
    return envelope(QStringLiteral("charge.refunded"),
                    QJsonObject{{QStringLiteral("id"), QStringLiteral("ch_") + pi.mid(3)},
                                {QStringLiteral("object"), QStringLiteral("charge")},
                                {QStringLiteral("amount"), amount},
                                {QStringLiteral("amount_refunded"), refunded},
                                {QStringLiteral("currency"), QStringLiteral("usd")},
                                {QStringLiteral("metadata"), metadata(invoiceId)},
                                {QStringLiteral("paid"), true},
                                {QStringLiteral("payment_intent"), pi},
                                {QStringLiteral("refunded"), refunded == amount},
                                {QStringLiteral("status"), QStringLiteral("succeeded")}});
}

inline QByteArray body(const QJsonObject &event)
{
    return QJsonDocument(event).toJson(QJsonDocument::Compact);
}

inline QList<QPair<QByteArray, QByteArray>> signedHeaders(const QByteArray &body,
                                                          const QList<QByteArray> &secrets = {kWebhookSecret},
                                                          qint64 ageSeconds = 0)
{
    const qint64 t = Clock::current().now().toSecsSinceEpoch() - ageSeconds;
    return {{"Stripe-Signature", stripe::signatureHeader(secrets, t, body)}};
}

} // namespace events

} // namespace mp::test
