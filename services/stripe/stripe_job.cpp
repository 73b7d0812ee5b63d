#include "stripe/stripe_job.h"

#include "core/json_log.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

namespace mp {

using stripe::ErrorKind;
using stripe::StripeError;

StripeJob::StripeJob(QNetworkAccessManager *network, const StripeSettings &settings, Request request,
                     QObject *parent)
    : QObject(parent), m_network(network), m_settings(settings), m_request(std::move(request))
{
    m_timeout.setSingleShot(true);
    m_backoff.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &StripeJob::onTimeout);
    connect(&m_backoff, &QTimer::timeout, this, &StripeJob::sendAttempt);
}

StripeJob::StripeJob(const Error &error, QObject *parent) : QObject(parent), m_presetError(error) {}

StripeJob::~StripeJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void StripeJob::start()
{
    if (m_started)
        return;
    m_started = true;
    // Queued, so finished() never fires before the caller has had a chance to connect.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_result)
                return; // aborted before the first attempt
            if (m_presetError)
                finish(*m_presetError);
            else
                sendAttempt();
        },
        Qt::QueuedConnection);
}

void StripeJob::abort()
{
    if (m_result)
        return;
    m_aborted = true;
    m_backoff.stop();
    if (m_reply) {
        m_reply->abort(); // finishes the reply synchronously; onReplyFinished reports the abort
        return;
    }
    m_stripeError = StripeError::transport(ErrorKind::Aborted, QStringLiteral("the request was aborted"));
    finish(m_stripeError.toError());
}

void StripeJob::sendAttempt()
{
    if (m_result)
        return;
    if (!m_network) {
        m_stripeError =
            StripeError::transport(ErrorKind::Network, QStringLiteral("the network manager is gone"));
        finish(m_stripeError.toError());
        return;
    }
    if (m_attempt == 0)
        m_elapsed.start();
    ++m_attempt;
    m_timedOut = false;

    QUrl url = m_settings.apiBase;
    QString basePath = url.path();
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + m_request.path);

    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_settings.requestKey().toUtf8());
    request.setRawHeader("Stripe-Version", m_settings.apiVersion.toLatin1());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "mPanel-StripeClient/1");
    // A redirect would carry the secret key to wherever it points: Stripe's API never redirects.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (m_request.method == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/x-www-form-urlencoded"));
        request.setRawHeader("Idempotency-Key", m_request.idempotencyKey.toUtf8());
        m_reply = m_network->post(request, m_request.body);
    } else {
        m_reply = m_network->get(request);
    }
    connect(m_reply.data(), &QNetworkReply::finished, this, &StripeJob::onReplyFinished);
    m_timeout.start(m_settings.timeoutMs);
}

void StripeJob::onTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

void StripeJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply.data();
    m_reply = nullptr;
    m_timeout.stop();
    if (!reply)
        return;
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (m_aborted) {
        m_stripeError = StripeError::transport(ErrorKind::Aborted, QStringLiteral("the request was aborted"));
        finish(m_stripeError.toError());
        return;
    }
    if (m_timedOut) {
        retryOrFail(
            StripeError::transport(ErrorKind::Timeout, QStringLiteral("no answer within %1 ms from %2")
                                                           .arg(m_settings.timeoutMs)
                                                           .arg(m_settings.apiBase.host())),
            true, 0);
        return;
    }
    if (status == 0) {
        retryOrFail(
            StripeError::transport(
                ErrorKind::Network,
                QStringLiteral("cannot reach %1: %2").arg(m_settings.apiBase.host(), reply->errorString())),
            true, 0);
        return;
    }

    const QByteArray body = reply->readAll();
    if (status >= 200 && status < 300) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (!doc.isObject()) {
            m_stripeError = StripeError::transport(
                ErrorKind::InvalidResponse,
                QStringLiteral("HTTP %1 with a body that is not a JSON object").arg(status));
            m_stripeError.httpStatus = status;
            finish(m_stripeError.toError());
            return;
        }
        m_stripeError = StripeError();
        finish(doc.object());
        return;
    }

    const StripeError error = StripeError::fromResponse(status, body, reply->rawHeader("Request-Id"));
    const QByteArray shouldRetry = reply->rawHeader("Stripe-Should-Retry");
    bool retryable = status == 409 || status == 429 || status >= 500;
    if (shouldRetry == "false")
        retryable = false;
    else if (shouldRetry == "true")
        retryable = true;
    retryOrFail(error, retryable, reply->rawHeader("Retry-After").toInt());
}

void StripeJob::retryOrFail(const StripeError &error, bool retryable, int retryAfterSeconds)
{
    m_stripeError = error;
    if (retryable && m_attempt <= m_settings.maxRetries) {
        m_backoff.start(backoffMs(retryAfterSeconds));
        return;
    }
    finish(error.toError());
}

int StripeJob::backoffMs(int retryAfterSeconds) const
{
    // Exponential from the base, capped, with jitter in [50 %, 100 %] so clients that failed
    // together do not retry together (stripe-node does the same).
    const qint64 base = qint64(m_settings.retryBaseDelayMs) << qMin(m_attempt - 1, 16);
    const qint64 capped = qMin<qint64>(base, m_settings.retryMaxDelayMs);
    qint64 delay = capped / 2 + QRandomGenerator::global()->bounded(capped / 2 + 1);
    if (retryAfterSeconds > 0)
        delay =
            qMax<qint64>(delay, qMin<qint64>(qint64(retryAfterSeconds) * 1000, m_settings.retryMaxDelayMs));
    return int(delay);
}

void StripeJob::finish(StripeResult result)
{
    if (m_result)
        return;
    m_timeout.stop();
    m_backoff.stop();
    m_result = std::move(result);
    // One line per call, for operators: never the key, the body or Stripe's message (it can
    // quote parameters); ids and codes only.
    if (!m_presetError) {
        QJsonObject fields{{QStringLiteral("method"), QString::fromLatin1(m_request.method)},
                           {QStringLiteral("path"), m_request.path},
                           {QStringLiteral("attempts"), m_attempt},
                           {QStringLiteral("ms"), m_elapsed.isValid() ? double(m_elapsed.elapsed()) : 0.0}};
        if (!m_result->ok()) {
            fields.insert(QStringLiteral("error"), m_result->error().code);
            if (m_stripeError.httpStatus)
                fields.insert(QStringLiteral("status"), m_stripeError.httpStatus);
            if (!m_stripeError.code.isEmpty())
                fields.insert(QStringLiteral("stripe_code"), m_stripeError.code);
            if (!m_stripeError.requestId.isEmpty())
                fields.insert(QStringLiteral("request_id"), m_stripeError.requestId);
        }
        JsonLog::write(QStringLiteral("stripe_call"), fields);
    }
    Q_EMIT finished(*m_result);
    if (m_autoDelete)
        deleteLater();
}

} // namespace mp
