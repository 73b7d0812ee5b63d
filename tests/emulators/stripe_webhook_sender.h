#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace mp::test {

// Delivers Stripe events to one webhook endpoint the way Stripe does (stripe.md section 1):
// POST with the Event object as JSON, `Stripe-Signature` with a fresh `t` on every attempt and
// one v1 per active secret, at-least-once: a non-2xx answer or no answer is retried with
// backoff. Switches make it send each event several times and shuffle the order, since real
// deliveries duplicate and reorder. Deliveries go one at a time, so tests can predict them.
class StripeWebhookSender : public QObject {
    Q_OBJECT
public:
    struct Options {
        int copies = 1;        // every event delivered this many times
        bool shuffle = false;  // deliver each batch in random order
        int maxAttempts = 4;   // per delivery, including the first
        int retryDelayMs = 50; // doubled per retry (Stripe waits far longer; tests cannot)
        int timeoutMs = 5000;  // a slow answer counts as a failure, as at Stripe
    };
    struct Attempt {
        QString eventId;
        QString type;
        int attempt = 0; // 1 for the first try of a delivery
        int status = 0;  // 0: no answer
    };

    explicit StripeWebhookSender(QObject *parent = nullptr);

    // Events are dropped while no endpoint is set, as for an account without one.
    void setEndpoint(const QUrl &url, const QList<QByteArray> &secrets);
    void setOptions(const Options &options) { m_options = options; }
    const Options &options() const { return m_options; }

    void send(const QList<QJsonObject> &events);

    bool isIdle() const { return m_queue.isEmpty() && !m_busy && m_waitingRetries == 0; }
    const QList<Attempt> &attempts() const { return m_attempts; }
    int deliveredCount() const { return m_delivered; } // deliveries answered 2xx
    int abandonedCount() const { return m_abandoned; } // deliveries that ran out of attempts

Q_SIGNALS:
    void idle();

private:
    struct Delivery {
        QJsonObject event;
        QByteArray body; // serialised once: every attempt sends the same bytes
        int attempt = 0;
    };
    void pump();
    void deliver(Delivery delivery);
    void settle(Delivery delivery, int status);

    QNetworkAccessManager *m_network;
    QUrl m_url;
    QList<QByteArray> m_secrets;
    Options m_options;
    QList<Delivery> m_queue;
    bool m_busy = false;
    int m_waitingRetries = 0;
    QList<Attempt> m_attempts;
    int m_delivered = 0;
    int m_abandoned = 0;
};

} // namespace mp::test
