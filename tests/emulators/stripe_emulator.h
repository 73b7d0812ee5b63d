#pragma once

#include "core/result.h"
#include "emulators/stripe_webhook_sender.h"
#include "http/http_server.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

namespace mp::test {

class StripeEmulatorServer;

// An in-process stand-in for api.stripe.com in test mode, speaking Stripe's wire format for the
// calls mPanel makes (stripe.md sections 3 to 6):
//   POST /v1/checkout/sessions        form-encoded, validated like Stripe (400 + param)
//   GET  /v1/checkout/sessions/{id}
//   POST /v1/refunds
//   GET  /v1/payment_intents/{id}
//   GET  /c/pay/{id}, POST /c/pay/{id} (card=4242...): the "hosted checkout page"
// and saved cards (stripe.md section 8, stripe_emulator_cards.cpp):
//   POST /v1/customers, GET/POST /v1/customers/{id}, GET /v1/customers/{id}/payment_methods,
//   GET /v1/payment_methods?customer=, POST /v1/payment_methods/{id}/attach and /detach,
//   POST /v1/payment_intents (off_session=true&confirm=true), GET /v1/webhook_endpoints
// Requests need `Authorization: Bearer sk_test_...` (any test key, or only the one given to
// setApiKey), POSTs honour Idempotency-Key, answers carry a Request-Id, and errors use Stripe's
// {"error": {...}} shape. Paying a session emits the events real Stripe sends, signed, to the
// webhook endpoint. Ids look like Stripe's (cs_test_, pi_, ch_, re_, evt_, req_).
class StripeEmulator : public QObject {
    Q_OBJECT
public:
    // What the next requests to /v1/ run into, to exercise the client's retries.
    enum class Fault {
        ServerError,         // 500 api_error
        RateLimit,           // 429 rate_limit
        Conflict,            // 409: the idempotency key is "in flight"
        Drop,                // the connection closes before any answer, nothing done
        DropAfterProcessing, // the request is carried out, then the connection closes unanswered
        Hang                 // never answers (the client's timeout has to fire)
    };

    struct RecordedRequest {
        QString method;
        QString path;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
    };

    explicit StripeEmulator(QObject *parent = nullptr);
    ~StripeEmulator() override;

    // Listens on 127.0.0.1 at a free port by default. Loopback only: this is a test tool.
    Result<quint16> start(const QString &hostPort = QStringLiteral("127.0.0.1:0"));
    QUrl baseUrl() const; // http://127.0.0.1:PORT

    // Only this key is accepted from now on (default: any sk_test_ key).
    void setApiKey(const QString &key) { m_apiKey = key; }
    void setWebhookEndpoint(const QUrl &url, const QList<QByteArray> &secrets);
    StripeWebhookSender &webhooks() { return *m_webhooks; }

    void failNext(Fault fault, int count = 1);
    void clearFaults() { m_faults.clear(); }
    const QList<RecordedRequest> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

    // How the customer answers a 3D Secure challenge.
    enum class Authentication { Complete, Fail };

    // The customer pays on the hosted page with a test card (stripe.md section 6): 4242...
    // succeeds; ...0002 is a generic decline, ...9995 insufficient funds (both a 402
    // card_error, the session stays open for another try); ...3155 asks for 3D Secure and
    // succeeds or fails as `authentication` says. Returns the session, or the error Stripe
    // would show.
    Result<QJsonObject> pay(const QString &sessionId, const QString &cardNumber,
                            Authentication authentication = Authentication::Complete);
    // Stripe's `checkout.session.expired`: the session closes unpaid.
    Result<QJsonObject> expire(const QString &sessionId);

    // A card the customer adds outside Checkout, as POST /v1/payment_methods/{token}/attach does:
    // `token` is one of Stripe's test PaymentMethods (pm_card_visa, pm_card_chargeCustomerFail,
    // pm_card_authenticationRequired...). Returns the new PaymentMethod.
    Result<QJsonObject> attachTestCard(const QString &customerId, const QString &token);
    // A webhook endpoint as registered in Stripe's dashboard, for GET /v1/webhook_endpoints.
    void addWebhookEndpoint(const QString &url, const QStringList &enabledEvents,
                            const QString &status = QStringLiteral("enabled"));

    QJsonObject customer(const QString &id) const { return m_customers.value(id); }
    QJsonObject paymentMethod(const QString &id) const { return m_paymentMethods.value(id); }
    QList<QJsonObject> paymentIntents() const { return m_paymentIntents.values(); }
    QJsonObject session(const QString &id) const { return m_sessions.value(id); }
    QJsonObject paymentIntent(const QString &id) const { return m_paymentIntents.value(id); }
    QJsonObject charge(const QString &id) const { return m_charges.value(id); }
    int sessionCount() const { return int(m_sessions.size()); }
    int refundCount() const { return int(m_refunds.size()); }
    // Every event generated so far, in generation order (before duplication or shuffling).
    const QList<QJsonObject> &events() const { return m_events; }

    static QString newId(const QString &prefix);

private:
    friend class StripeEmulatorServer;
    struct Outcome;
    struct IdempotentReply {
        QString endpoint;
        QList<QPair<QString, QString>> params;
        HttpResponse response;
    };
    struct SessionExtras {
        QJsonObject paymentIntentMetadata;
        QString setupFutureUsage;
        QString customerCreation;
    };

    HttpResponse handleApi(const HttpRequest &request, const std::function<HttpResponse()> &handler);
    HttpResponse createSession(const HttpRequest &request);
    HttpResponse retrieveSession(const HttpRequest &request);
    HttpResponse createRefund(const HttpRequest &request);
    HttpResponse retrievePaymentIntent(const HttpRequest &request);
    HttpResponse checkoutPage(const HttpRequest &request);
    HttpResponse checkoutPay(const HttpRequest &request);
    HttpResponse createCustomer(const HttpRequest &request);
    HttpResponse retrieveCustomer(const HttpRequest &request);
    HttpResponse updateCustomer(const HttpRequest &request);
    HttpResponse listCustomerPaymentMethods(const HttpRequest &request);
    HttpResponse listPaymentMethods(const HttpRequest &request);
    HttpResponse attachPaymentMethod(const HttpRequest &request);
    HttpResponse detachPaymentMethod(const HttpRequest &request);
    HttpResponse createPaymentIntent(const HttpRequest &request);
    HttpResponse listWebhookEndpoints(const HttpRequest &request);
    void addCardRoutes(Router &router);
    // A card PaymentMethod for test card `last4`, attached to `customerId` (may be empty);
    // `setUp`: set up for off-session use (saved in Checkout with setup_future_usage).
    QJsonObject newCard(const QString &last4, const QString &customerId, bool setUp);
    QString newCustomerObject(const QString &email, const QString &name, const QJsonObject &metadata);
    HttpResponse cardList(const QString &url, const QString &customerId, const QUrlQuery &query);

    QJsonObject makeEvent(const QString &type, const QJsonObject &object, const QJsonObject &request,
                          const QJsonObject &previous = {});
    void emitEvents(const QList<QJsonObject> &events);
    qint64 now() const;

    std::unique_ptr<StripeEmulatorServer> m_server;
    StripeWebhookSender *m_webhooks;
    QHostAddress m_host{QHostAddress::LocalHost};
    quint16 m_port = 0;
    QString m_apiKey;
    QList<Fault> m_faults;
    QList<RecordedRequest> m_requests;
    QHash<QString, IdempotentReply> m_idempotency;
    QHash<QString, QJsonObject> m_sessions;
    QHash<QString, SessionExtras> m_sessionExtras;
    QHash<QString, QJsonObject> m_paymentIntents;
    QHash<QString, QJsonObject> m_charges;
    QHash<QString, QJsonObject> m_refunds;
    QHash<QString, QJsonObject> m_customers;
    QHash<QString, QJsonObject> m_paymentMethods;
    QList<QString> m_paymentMethodOrder; // creation order, for lists
    QSet<QString> m_setUpForOffSession;
    QList<QJsonObject> m_webhookEndpoints;
    QList<QJsonObject> m_events;
    QString m_currentRequestId;
    QString m_currentIdempotencyKey;
};

} // namespace mp::test
