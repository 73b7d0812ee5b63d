#include "stripe/stripe_job.h"

#include "core/json_log.h"

#include <QJsonDocument>
#include <QNetworkReply>

namespace mp {

using stripe::ErrorKind;
using stripe::StripeError;

namespace {

ProviderCall::Exchange exchangeFor(const StripeJob::Request &request)
{
    // The Idempotency-Key makes a POST safe to repeat: Stripe answers a repeat with the first
    // answer instead of acting again.
    return {request.method, request.method == "POST" ? request.body : QByteArray(),
            request.method == "GET" || !request.idempotencyKey.isEmpty()};
}

} // namespace

StripeJob::StripeJob(QNetworkAccessManager *network, const StripeSettings &settings, Request request,
                     QObject *parent)
    : ProviderCall(network, settings.callSettings(), exchangeFor(request), parent), m_settings(settings),
      m_request(std::move(request))
{
}

StripeJob::StripeJob(const Error &error, QObject *parent) : ProviderCall(parent), m_result(error) {}

QNetworkRequest StripeJob::buildRequest()
{
    // A GET's parameters ride in the path ("/v1/webhook_endpoints?limit=100").
    const qsizetype query = m_request.path.indexOf(u'?');
    QNetworkRequest request(
        query < 0 ? urlFor(m_request.path)
                  : urlFor(m_request.path.left(query), m_request.path.mid(query + 1).toLatin1()));
    request.setRawHeader("Authorization", "Bearer " + m_settings.requestKey().toUtf8());
    request.setRawHeader("Stripe-Version", m_settings.apiVersion.toLatin1());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "mPanel-StripeClient/1");
    if (m_request.method == "POST") {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/x-www-form-urlencoded"));
        request.setRawHeader("Idempotency-Key", m_request.idempotencyKey.toUtf8());
    }
    return request;
}

void StripeJob::fail(const StripeError &error)
{
    m_stripeError = error;
    m_result = error.toError();
}

ProviderCall::Outcome StripeJob::interpretFailure(const TransportFailure &failure)
{
    const QString host = m_settings.apiBase.host();
    switch (failure.kind) {
    case TransportFailure::Kind::Aborted:
        fail(StripeError::transport(ErrorKind::Aborted, QStringLiteral("the request was aborted")));
        return Outcome::failed();
    case TransportFailure::Kind::Timeout:
        fail(StripeError::transport(ErrorKind::Timeout, QStringLiteral("no answer within %1 ms from %2%3")
                                                            .arg(m_settings.timeoutMs)
                                                            .arg(host, failure.outcomeNote())));
        return Outcome::transient();
    case TransportFailure::Kind::Network:
    case TransportFailure::Kind::Tls:
        break;
    }
    if (!failure.attempted) {
        fail(StripeError::transport(ErrorKind::Network, failure.detail));
        return Outcome::failed();
    }
    fail(StripeError::transport(
        ErrorKind::Network,
        QStringLiteral("cannot reach %1: %2%3").arg(host, failure.detail, failure.outcomeNote())));
    return Outcome::transient();
}

ProviderCall::Outcome StripeJob::interpretAnswer(QNetworkReply &reply)
{
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply.readAll();
    if (status >= 200 && status < 300) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (!doc.isObject()) {
            StripeError error = StripeError::transport(
                ErrorKind::InvalidResponse,
                QStringLiteral("HTTP %1 with a body that is not a JSON object").arg(status));
            error.httpStatus = status;
            fail(error);
            return Outcome::failed();
        }
        m_stripeError = StripeError();
        m_result = doc.object();
        return Outcome::succeeded();
    }

    fail(StripeError::fromResponse(status, body, reply.rawHeader("Request-Id")));
    const QByteArray shouldRetry = reply.rawHeader("Stripe-Should-Retry");
    bool retryable = status == 409 || status == 429 || status >= 500;
    if (shouldRetry == "false")
        retryable = false;
    else if (shouldRetry == "true")
        retryable = true;
    if (!retryable)
        return Outcome::failed();
    return Outcome::transient(qint64(reply.rawHeader("Retry-After").toInt()) * 1000);
}

void StripeJob::emitFinished()
{
    // One line per call, for operators: never the key, the body or Stripe's message (it can
    // quote parameters); ids and codes only.
    if (sendsRequest()) {
        QJsonObject fields{{QStringLiteral("method"), QString::fromLatin1(m_request.method)},
                           {QStringLiteral("path"), m_request.path},
                           {QStringLiteral("attempts"), attempts()},
                           {QStringLiteral("ms"), elapsedMs()}};
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
}

} // namespace mp
