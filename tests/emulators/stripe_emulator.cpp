// The emulator's plumbing: the HTTP server with fault injection, API-key checks, idempotency
// keys, request ids and event delivery. The Stripe objects themselves live in
// stripe_emulator_api.cpp.
#include "emulators/stripe_emulator.h"

#include "core/clock.h"
#include "emulators/stripe_emulator_errors.h"
#include "emulators/stripe_emulator_replies.h"
#include "http/connection_guard.h"
#include "stripe/stripe_form.h"

#include <QHttpServerRequest>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>

#include <algorithm>

namespace mp::test {

namespace reply = stripe_reply;

// mp::HttpServer plus the faults a real network produces: a connection closed before or after
// the request was carried out, or a server that never answers.
class StripeEmulatorServer : public HttpServer {
public:
    explicit StripeEmulatorServer(StripeEmulator *emulator) : m_emulator(emulator) {}

    std::optional<StripeEmulator::Fault> activeFault;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        const QString path = request.url().path();
        const QString method = request.method() == QHttpServerRequest::Method::Post ? QStringLiteral("POST")
                               : request.method() == QHttpServerRequest::Method::Get
                                   ? QStringLiteral("GET")
                                   : QStringLiteral("OTHER");
        m_emulator->m_requests.append(
            StripeEmulator::RecordedRequest{method, path, request.headers(), request.body()});
        // The request is in: a fault below must not leave the connection guard's 30 s
        // request-arrival timer running, or its 408 races the client's own 30 s timeout.
        if (auto *guard = ConnectionGuard::of(socket))
            guard->requestComplete();

        activeFault.reset();
        if (path.startsWith(QLatin1String("/v1/")) && !m_emulator->m_faults.isEmpty())
            activeFault = m_emulator->m_faults.takeFirst();
        if (activeFault == StripeEmulator::Fault::Hang)
            return true; // the socket stays open and silent until the client gives up
        if (activeFault == StripeEmulator::Fault::Drop) {
            closeLater(socket);
            return true;
        }
        if (activeFault == StripeEmulator::Fault::DropAfterProcessing) {
            // Carry the request out through the router, then hang up without answering: the
            // case an idempotency key exists for.
            HttpRequest req;
            req.method = method;
            req.path = path;
            req.query = request.query();
            req.headers = request.headers();
            req.body = request.body();
            router().dispatch(req);
            closeLater(socket);
            return true;
        }
        return HttpServer::handleRequest(request, socket);
    }

private:
    static void closeLater(QTcpSocket *socket)
    {
        // After QAbstractHttpServer has finished with this request.
        QTimer::singleShot(0, socket, [socket] { socket->abort(); });
    }

    StripeEmulator *m_emulator;
};

QByteArray StripeEmulator::RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

StripeEmulator::StripeEmulator(QObject *parent)
    : QObject(parent), m_server(std::make_unique<StripeEmulatorServer>(this)),
      m_webhooks(new StripeWebhookSender(this))
{
    Router &r = m_server->router();
    const auto api = [this](HttpResponse (StripeEmulator::*handler)(const HttpRequest &)) {
        return [this, handler](const HttpRequest &request) {
            return handleApi(request, [this, handler, &request] { return (this->*handler)(request); });
        };
    };
    r.add(QStringLiteral("POST"), QStringLiteral("/v1/checkout/sessions"),
          api(&StripeEmulator::createSession));
    r.add(QStringLiteral("GET"), QStringLiteral("/v1/checkout/sessions/{id}"),
          api(&StripeEmulator::retrieveSession));
    r.add(QStringLiteral("POST"), QStringLiteral("/v1/refunds"), api(&StripeEmulator::createRefund));
    r.add(QStringLiteral("GET"), QStringLiteral("/v1/payment_intents/{id}"),
          api(&StripeEmulator::retrievePaymentIntent));
    r.add(QStringLiteral("GET"), QStringLiteral("/c/pay/{id}"),
          [this](const HttpRequest &request) { return checkoutPage(request); });
    r.add(QStringLiteral("POST"), QStringLiteral("/c/pay/{id}"),
          [this](const HttpRequest &request) { return checkoutPay(request); });
    addCardRoutes(r);
}

StripeEmulator::~StripeEmulator() = default;

Result<quint16> StripeEmulator::start(const QString &hostPort)
{
    auto parsed = HttpServer::parseHostPort(hostPort);
    if (!parsed)
        return parsed.error();
    if (!parsed->first.isLoopback())
        return makeError(stripe_errors::NotLoopback,
                         QStringLiteral("the Stripe emulator listens on loopback only"));
    auto port = m_server->listenOn(hostPort);
    if (port) {
        m_port = port.value();
        m_host = parsed->first;
    }
    return port;
}

QUrl StripeEmulator::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_host.toString());
    url.setPort(m_port);
    return url;
}

void StripeEmulator::setWebhookEndpoint(const QUrl &url, const QList<QByteArray> &secrets)
{
    m_webhooks->setEndpoint(url, secrets);
    // The endpoint the emulator delivers to, registered for every event.
    addWebhookEndpoint(url.toString(), {QStringLiteral("*")});
}

void StripeEmulator::failNext(Fault fault, int count)
{
    for (int i = 0; i < count; ++i)
        m_faults.append(fault);
}

QString StripeEmulator::newId(const QString &prefix)
{
    static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    QString id = prefix;
    for (int i = 0; i < 24; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(62)]);
    return id;
}

qint64 StripeEmulator::now() const
{
    return Clock::current().now().toSecsSinceEpoch();
}

static QString maskedKey(const QString &key)
{
    // Stripe echoes a rejected key masked, keeping only its prefix and last four characters.
    const qsizetype prefix = key.indexOf(u'_', key.indexOf(u'_') + 1) + 1;
    if (prefix <= 0 || key.size() < prefix + 4)
        return QStringLiteral("****");
    return key.left(prefix) + QStringLiteral("****") + key.right(4);
}

HttpResponse StripeEmulator::handleApi(const HttpRequest &request,
                                       const std::function<HttpResponse()> &handler)
{
    m_currentRequestId = newId(QStringLiteral("req_"));
    m_currentIdempotencyKey.clear();
    const auto finish = [this](HttpResponse response) {
        response.headers.append({"Request-Id", m_currentRequestId.toLatin1()});
        return response;
    };

    const auto fault = m_server->activeFault;
    if (fault == Fault::ServerError)
        return finish(reply::error(500, QStringLiteral("api_error"),
                                   QStringLiteral("An unknown error occurred (injected by the emulator).")));
    if (fault == Fault::RateLimit)
        return finish(reply::error(429, QStringLiteral("invalid_request_error"),
                                   QStringLiteral("Too many requests"), QStringLiteral("rate_limit")));
    if (fault == Fault::Conflict) {
        HttpResponse r =
            reply::error(409, QStringLiteral("invalid_request_error"),
                         QStringLiteral("There is currently another in-progress request using this "
                                        "Idempotent Key. Please try again later."),
                         QStringLiteral("idempotency_key_in_use"));
        r.headers.append(qMakePair(QByteArray("Stripe-Should-Retry"), QByteArray("true")));
        return finish(r);
    }

    const QString key = request.bearerToken();
    if (key.isEmpty())
        return finish(
            reply::error(401, QStringLiteral("invalid_request_error"),
                         QStringLiteral("You did not provide an API key. You need to provide your API key "
                                        "in the Authorization header, using Bearer auth.")));
    const bool accepted = m_apiKey.isEmpty() ? key.startsWith(QLatin1String("sk_test_")) : key == m_apiKey;
    if (!accepted) // a 401 body says invalid_request_error (stripe.md section 5)
        return finish(reply::error(401, QStringLiteral("invalid_request_error"),
                                   QStringLiteral("Invalid API Key provided: %1").arg(maskedKey(key))));

    if (request.method != QLatin1String("POST"))
        return finish(handler());

    // Idempotency (stripe.md section 3): the same key with the same parameters replays the first
    // answer; with other parameters, or on another endpoint, it is a 400 idempotency_error. Only
    // requests that ran are remembered: a validation failure is not (Stripe saves no result for
    // a request rejected before its endpoint started executing).
    const QString idempotencyKey = QString::fromUtf8(request.header("Idempotency-Key"));
    m_currentIdempotencyKey = idempotencyKey;
    if (idempotencyKey.isEmpty())
        return finish(handler());
    const QString endpoint = request.method + u' ' + request.path;
    auto params = stripe::FormParams::decode(request.body).pairs();
    std::sort(params.begin(), params.end());
    const auto seen = m_idempotency.constFind(idempotencyKey);
    if (seen != m_idempotency.constEnd()) {
        if (seen->endpoint != endpoint || seen->params != params)
            return finish(
                reply::error(400, QStringLiteral("idempotency_error"),
                             QStringLiteral("Keys for idempotent requests can only be used with the same "
                                            "parameters they were first used with. Try using a key other "
                                            "than '%1' if you meant to execute a different request.")
                                 .arg(idempotencyKey)));
        HttpResponse replay = seen->response;
        replay.headers.append(qMakePair(QByteArray("Idempotent-Replayed"), QByteArray("true")));
        return finish(replay);
    }
    HttpResponse response = handler();
    if (response.status < 400 || response.status == 402)
        m_idempotency.insert(idempotencyKey, IdempotentReply{endpoint, params, response});
    return finish(response);
}

QJsonObject StripeEmulator::makeEvent(const QString &type, const QJsonObject &object,
                                      const QJsonObject &request, const QJsonObject &previous)
{
    QJsonObject data{{QStringLiteral("object"), object}};
    if (!previous.isEmpty())
        data.insert(QStringLiteral("previous_attributes"), previous);
    QJsonObject event{{QStringLiteral("id"), newId(QStringLiteral("evt_"))},
                      {QStringLiteral("object"), QStringLiteral("event")},
                      {QStringLiteral("api_version"), QStringLiteral("2024-06-20")},
                      {QStringLiteral("created"), now()},
                      {QStringLiteral("data"), data},
                      {QStringLiteral("livemode"), false},
                      {QStringLiteral("pending_webhooks"), 1},
                      {QStringLiteral("request"), request},
                      {QStringLiteral("type"), type}};
    m_events.append(event);
    return event;
}

void StripeEmulator::emitEvents(const QList<QJsonObject> &events)
{
    m_webhooks->send(events);
}

} // namespace mp::test
