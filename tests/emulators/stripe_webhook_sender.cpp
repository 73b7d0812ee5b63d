#include "emulators/stripe_webhook_sender.h"

#include "core/clock.h"
#include "stripe/stripe_signature.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>

#include <algorithm>

namespace mp::test {

StripeWebhookSender::StripeWebhookSender(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{
}

void StripeWebhookSender::setEndpoint(const QUrl &url, const QList<QByteArray> &secrets)
{
    m_url = url;
    m_secrets = secrets;
}

void StripeWebhookSender::send(const QList<QJsonObject> &events)
{
    if (!m_url.isValid() || events.isEmpty())
        return;
    QList<Delivery> batch;
    for (int copy = 0; copy < qMax(1, m_options.copies); ++copy) {
        for (const QJsonObject &event : events)
            batch.append(Delivery{event, QJsonDocument(event).toJson(QJsonDocument::Compact), 0});
    }
    if (m_options.shuffle)
        std::shuffle(batch.begin(), batch.end(), *QRandomGenerator::global());
    m_queue.append(batch);
    pump();
}

void StripeWebhookSender::pump()
{
    if (m_busy)
        return;
    if (m_queue.isEmpty()) {
        if (m_waitingRetries == 0)
            Q_EMIT idle();
        return;
    }
    deliver(m_queue.takeFirst());
}

void StripeWebhookSender::deliver(Delivery delivery)
{
    m_busy = true;
    ++delivery.attempt;
    // A fresh timestamp per attempt, so a retry hours later still passes the 300 s tolerance.
    const qint64 t = Clock::current().now().toSecsSinceEpoch();
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json; charset=utf-8"));
    request.setRawHeader("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
    request.setRawHeader("Stripe-Signature", stripe::signatureHeader(m_secrets, t, delivery.body));
    request.setTransferTimeout(m_options.timeoutMs);
    QNetworkReply *reply = m_network->post(request, delivery.body);
    connect(reply, &QNetworkReply::finished, this, [this, reply, delivery] {
        reply->deleteLater();
        settle(delivery, reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
    });
}

void StripeWebhookSender::settle(Delivery delivery, int status)
{
    m_busy = false;
    m_attempts.append(Attempt{delivery.event.value(QStringLiteral("id")).toString(),
                              delivery.event.value(QStringLiteral("type")).toString(), delivery.attempt,
                              status});
    if (status >= 200 && status < 300) {
        ++m_delivered;
    } else if (delivery.attempt >= m_options.maxAttempts) {
        ++m_abandoned;
    } else {
        ++m_waitingRetries;
        const int delay = m_options.retryDelayMs << qMin(delivery.attempt - 1, 10);
        QTimer::singleShot(delay, this, [this, delivery] {
            --m_waitingRetries;
            m_queue.append(delivery);
            pump();
        });
    }
    pump();
}

} // namespace mp::test
