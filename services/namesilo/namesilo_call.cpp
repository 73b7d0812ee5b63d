#include "namesilo/namesilo_call.h"

#include "core/json_log.h"
#include "namesilo/namesilo_errors.h"

#include <QNetworkReply>

namespace mp {

namespace {

const TransportCodes kTransportCodes{errors::NamesiloNetwork, errors::NamesiloTimeout, errors::NamesiloTls,
                                     errors::NamesiloAborted};

} // namespace

NamesiloCall::NamesiloCall(QNetworkAccessManager *network, const NamesiloSettings &settings, Request request,
                           QObject *parent)
    : ProviderCall(network, settings.callSettings(), Exchange{"GET", {}, request.repeatable}, parent),
      m_settings(settings), m_request(std::move(request))
{
}

NamesiloCall::NamesiloCall(const Error &error, QObject *parent) : ProviderCall(parent)
{
    m_result = error;
}

QString NamesiloCall::where() const
{
    return QStringLiteral("%1 on %2").arg(m_request.operation, m_settings.describe());
}

QString NamesiloCall::withoutKey(QString text) const
{
    if (!m_settings.apiKey.isEmpty())
        text.replace(m_settings.apiKey, QStringLiteral("***"));
    return text;
}

QNetworkRequest NamesiloCall::buildRequest()
{
    FormPairs query;
    query.add(QStringLiteral("version"), QStringLiteral("1"));
    query.add(QStringLiteral("type"), QStringLiteral("xml"));
    query.add(QStringLiteral("key"), m_settings.apiKey);
    for (const auto &[key, value] : m_request.params.pairs())
        query.add(key, value);
    QNetworkRequest request(urlFor(m_settings.operationPath(m_request.operation), query.encode()));
    request.setRawHeader("Accept", "application/xml, text/xml");
    request.setRawHeader("User-Agent", "mPanel-NamesiloClient/1");
    return request;
}

void NamesiloCall::attemptEnded(QNetworkReply &reply)
{
    // The operation and the outcome only: the URL carries the key.
    JsonLog::write(
        QStringLiteral("namesilo_request"),
        {{QStringLiteral("operation"), m_request.operation},
         {QStringLiteral("status"), reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()},
         {QStringLiteral("attempt"), attempts()}});
}

ProviderCall::Outcome NamesiloCall::interpretAnswer(QNetworkReply &reply)
{
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply.readAll();
    if (status != 200) {
        m_result = makeError(errors::NamesiloHttpError,
                             QStringLiteral("%1 answered HTTP %2").arg(where()).arg(status));
        const bool transient = status == 429 || status >= 500;
        return transient ? Outcome::transient() : Outcome::failed();
    }
    auto parsed = NamesiloReply::parse(body);
    if (!parsed) {
        m_result = restate(parsed.error(), QStringLiteral("%1: %2").arg(where(), parsed.error().message));
        return Outcome::failed();
    }
    m_replyCode = parsed->code;
    if (parsed->succeeded()) {
        m_result = *parsed;
        return Outcome::succeeded();
    }
    m_result = makeError(errors::NamesiloRejected, QStringLiteral("Namesilo refused %1 (code %2): %3")
                                                       .arg(m_request.operation)
                                                       .arg(parsed->code)
                                                       .arg(withoutKey(parsed->words())));
    return namesiloCodeIsTransient(parsed->code) ? Outcome::transient() : Outcome::failed();
}

ProviderCall::Outcome NamesiloCall::interpretFailure(const TransportFailure &failure)
{
    Error error = failure.toError(kTransportCodes, where(), m_settings.timeoutMs);
    error.message = withoutKey(error.message);
    m_result = error;
    const bool transient =
        failure.kind == TransportFailure::Kind::Network || failure.kind == TransportFailure::Kind::Timeout;
    return transient ? Outcome::transient() : Outcome::failed();
}

void NamesiloCall::emitFinished()
{
    if (!m_result)
        m_result = makeError(errors::NamesiloInvalidResponse,
                             QStringLiteral("%1 ended without a result").arg(where()));
    Q_EMIT finished(*m_result);
}

} // namespace mp
