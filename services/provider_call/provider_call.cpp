#include "provider_call/provider_call.h"

#include "provider_call/one_shot_body.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

namespace mp {

ProviderCall::ProviderCall(QNetworkAccessManager *network, ProviderCallSettings settings, Exchange exchange,
                           QObject *parent)
    : QObject(parent), m_network(network), m_callSettings(std::move(settings)),
      m_exchange(std::move(exchange)), m_sendsRequest(true)
{
    m_timeout.setSingleShot(true);
    m_backoff.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ProviderCall::onTimeout);
    connect(&m_backoff, &QTimer::timeout, this, &ProviderCall::sendAttempt);
}

ProviderCall::ProviderCall(QObject *parent) : QObject(parent) {}

ProviderCall::~ProviderCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ProviderCall::start()
{
    if (m_started)
        return;
    m_started = true;
    // Queued, so finished() never fires before the caller has had a chance to connect.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_finished) // not aborted before the first attempt
                run();
        },
        Qt::QueuedConnection);
}

void ProviderCall::abort()
{
    if (m_finished)
        return;
    m_aborted = true;
    cancel();
}

void ProviderCall::run()
{
    if (m_sendsRequest)
        sendAttempt();
    else
        finish(); // refused: the subclass recorded why
}

void ProviderCall::cancel()
{
    m_backoff.stop();
    if (m_reply) {
        m_reply->abort(); // finishes the reply at once; onReplyFinished reports the abort
        return;
    }
    interpretFailure({TransportFailure::Kind::Aborted, {}, false, false});
    finish();
}

QNetworkRequest ProviderCall::buildRequest()
{
    return QNetworkRequest(urlFor({}));
}

ProviderCall::Outcome ProviderCall::interpretAnswer(QNetworkReply &reply)
{
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 200 && status < 300)
        return Outcome::succeeded();
    if (status == 408 || status == 425 || status == 429 || status >= 500)
        return Outcome::transient();
    return Outcome::failed();
}

ProviderCall::Outcome ProviderCall::interpretFailure(const TransportFailure &failure)
{
    const bool transient =
        failure.kind == TransportFailure::Kind::Network || failure.kind == TransportFailure::Kind::Timeout;
    return transient ? Outcome::transient() : Outcome::failed();
}

void ProviderCall::handleSslErrors(QNetworkReply &, const QList<QSslError> &) {}

void ProviderCall::attemptEnded(QNetworkReply &) {}

QUrl ProviderCall::urlFor(const QString &path, const QByteArray &query) const
{
    QUrl url = m_callSettings.apiBase;
    QString basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path, QUrl::StrictMode);
    if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

void ProviderCall::sendAttempt()
{
    if (m_finished)
        return;
    if (!m_network) {
        interpretFailure(
            {TransportFailure::Kind::Network, QStringLiteral("the network manager is gone"), false, false});
        finish();
        return;
    }
    if (m_attempt == 0)
        m_elapsed.start();
    ++m_attempt;
    m_timedOut = false;

    QNetworkRequest request = buildRequest();
    // A redirect would carry the credentials to wherever it points; provider APIs do not redirect.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    const QByteArray &method = m_exchange.method;
    const bool hasBody = method == "POST" || method == "PUT" || method == "PATCH";
    // A GET that is not safe to repeat (Namesilo's registerDomain: every call of its API is a
    // GET) goes the same way with an empty body, or QNetworkAccessManager resends it as it
    // resends any idempotent-looking GET.
    if ((hasBody || method == "GET") && !m_exchange.repeatable) {
        // Read once, never rewound, never buffered: QNetworkAccessManager's own resend after a
        // connection that closed before the answer fails (ContentReSendError) instead of
        // carrying out the mutation a second time.
        request.setHeader(QNetworkRequest::ContentLengthHeader, m_exchange.body.size());
        request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        auto *device = new OneShotBody(m_exchange.body);
        m_reply = m_network->sendCustomRequest(request, method, device);
        device->setParent(m_reply.data());
    } else if (method == "POST") {
        m_reply = m_network->post(request, m_exchange.body);
    } else if (hasBody) {
        m_reply = m_network->sendCustomRequest(request, method, m_exchange.body);
    } else if (method == "GET") {
        m_reply = m_network->get(request);
    } else if (method == "DELETE") {
        m_reply = m_network->deleteResource(request);
    } else {
        m_reply = m_network->sendCustomRequest(request, method);
    }
    connect(m_reply.data(), &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        if (m_reply)
            handleSslErrors(*m_reply, errors);
    });
    connect(m_reply.data(), &QNetworkReply::finished, this, &ProviderCall::onReplyFinished);
    m_timeout.start(m_callSettings.timeoutMs);
}

void ProviderCall::onTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

void ProviderCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply.data();
    m_reply = nullptr;
    m_timeout.stop();
    if (!reply)
        return;
    reply->deleteLater();
    attemptEnded(*reply);

    using Kind = TransportFailure::Kind;
    if (m_aborted) {
        interpretFailure({Kind::Aborted, {}, true, false});
        finish();
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_timedOut || status == 0) {
        TransportFailure failure;
        failure.kind = m_timedOut                                                 ? Kind::Timeout
                       : reply->error() == QNetworkReply::SslHandshakeFailedError ? Kind::Tls
                                                                                  : Kind::Network;
        failure.detail = m_timedOut ? QString() : reply->errorString();
        // A failed handshake sent nothing; otherwise the request may have arrived.
        failure.outcomeUnknown = !m_exchange.repeatable && failure.kind != Kind::Tls;
        conclude(interpretFailure(failure));
        return;
    }
    conclude(interpretAnswer(*reply));
}

void ProviderCall::conclude(Outcome outcome)
{
    if (outcome.kind == Outcome::Kind::Transient && m_exchange.repeatable &&
        m_attempt <= m_callSettings.maxRetries) {
        m_backoff.start(backoffMs(outcome.retryAfterMs));
        return;
    }
    finish();
}

int ProviderCall::backoffMs(qint64 retryAfterMs) const
{
    const qint64 base = qint64(m_callSettings.retryBaseDelayMs) << qMin(m_attempt - 1, 16);
    const qint64 capped = qMin<qint64>(base, m_callSettings.retryMaxDelayMs);
    qint64 delay =
        m_callSettings.jitter ? capped / 2 + QRandomGenerator::global()->bounded(capped / 2 + 1) : capped;
    if (retryAfterMs > 0)
        delay = qMax<qint64>(delay, qMin<qint64>(retryAfterMs, m_callSettings.retryMaxDelayMs));
    return int(delay);
}

void ProviderCall::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout.stop();
    m_backoff.stop();
    emitFinished();
    if (m_autoDelete)
        deleteLater();
}

} // namespace mp
