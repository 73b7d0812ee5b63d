#include "powerdns/powerdns_call.h"

#include "core/json_log.h"
#include "powerdns/powerdns_errors.h"

#include <QJsonObject>
#include <QNetworkReply>

namespace mp {

namespace {

const TransportCodes kTransportCodes{errors::PowerdnsNetwork, errors::PowerdnsTimeout, errors::PowerdnsTls,
                                     errors::PowerdnsAborted};

bool sendsBody(const QByteArray &method)
{
    return method == "POST" || method == "PUT" || method == "PATCH";
}

// PowerDNS's words for a refused call: the "error" of a JSON body, else the body's text (400,
// 401, 404 and 409 are plain text), else the status line.
QString providerWords(int status, const QByteArray &body, const QString &reason)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QString e = doc.object().value(QLatin1String("error")).toString();
        if (!e.isEmpty())
            return e;
    }
    const QString text = QString::fromUtf8(body.left(500)).trimmed();
    if (!text.isEmpty())
        return text;
    return QStringLiteral("HTTP %1 %2").arg(status).arg(reason).trimmed();
}

const ErrorCode &codeForStatus(int status)
{
    switch (status) {
    case 400:
        return errors::PowerdnsBadRequest;
    case 401:
    case 403:
        return errors::PowerdnsAuthentication;
    case 404:
        return errors::PowerdnsNotFound;
    case 409:
        return errors::PowerdnsConflict;
    case 422:
        return errors::PowerdnsRejected;
    default:
        return status >= 500 ? errors::PowerdnsServerError : errors::PowerdnsInvalidResponse;
    }
}

} // namespace

PowerDnsCall::PowerDnsCall(QNetworkAccessManager *network, const PowerDnsSettings &settings, Request request,
                           QObject *parent)
    : ProviderCall(network, settings.callSettings(),
                   Exchange{request.method, sendsBody(request.method) ? request.body : QByteArray(),
                            request.repeatable},
                   parent),
      m_settings(settings), m_request(std::move(request))
{
}

PowerDnsCall::PowerDnsCall(const Error &error, QObject *parent) : ProviderCall(parent)
{
    m_result = error;
}

QString PowerDnsCall::where() const
{
    return QStringLiteral("%1 %2 on %3")
        .arg(QString::fromLatin1(m_request.method), m_request.path, m_settings.describe());
}

QNetworkRequest PowerDnsCall::buildRequest()
{
    QNetworkRequest request(urlFor(m_settings.serverPath() + m_request.path));
    request.setRawHeader("X-API-Key", m_settings.apiKey.toUtf8());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "mPanel-PowerDnsClient/1");
    if (sendsBody(m_request.method))
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    return request;
}

void PowerDnsCall::attemptEnded(QNetworkReply &reply)
{
    JsonLog::write(
        QStringLiteral("powerdns_request"),
        {{QStringLiteral("server"), m_settings.name},
         {QStringLiteral("method"), QString::fromLatin1(m_request.method)},
         {QStringLiteral("path"), m_request.path},
         {QStringLiteral("status"), reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()},
         {QStringLiteral("attempt"), attempts()}});
}

ProviderCall::Outcome PowerDnsCall::interpretAnswer(QNetworkReply &reply)
{
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply.readAll();
    if (status >= 200 && status < 300) {
        PowerDnsAnswer answer{status, body, {}};
        const bool json = reply.header(QNetworkRequest::ContentTypeHeader)
                              .toString()
                              .startsWith(QLatin1String("application/json"));
        if (json && !body.isEmpty()) {
            QJsonParseError error;
            answer.json = QJsonDocument::fromJson(body, &error);
            if (error.error != QJsonParseError::NoError) {
                m_result = makeError(errors::PowerdnsInvalidResponse,
                                     QStringLiteral("%1 answered HTTP %2 with malformed JSON: %3")
                                         .arg(where())
                                         .arg(status)
                                         .arg(error.errorString()));
                return Outcome::failed();
            }
        }
        m_result = answer;
        return Outcome::succeeded();
    }
    const QString reason = reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    m_result = makeError(codeForStatus(status), QStringLiteral("%1 refused (HTTP %2): %3")
                                                    .arg(where())
                                                    .arg(status)
                                                    .arg(providerWords(status, body, reason)));
    // PowerDNS answers 500 when its backend fails (a database it cannot write, a lost
    // connection to its SQL server), which is over when the database is back: worth the retries
    // a call that is safe to repeat gets.
    const bool transient = status == 429 || status >= 500;
    return transient ? Outcome::transient() : Outcome::failed();
}

ProviderCall::Outcome PowerDnsCall::interpretFailure(const TransportFailure &failure)
{
    m_result = failure.toError(kTransportCodes, where(), m_settings.timeoutMs);
    const bool transient =
        failure.kind == TransportFailure::Kind::Network || failure.kind == TransportFailure::Kind::Timeout;
    return transient ? Outcome::transient() : Outcome::failed();
}

void PowerDnsCall::emitFinished()
{
    if (!m_result)
        m_result = makeError(errors::PowerdnsInvalidResponse,
                             QStringLiteral("%1 ended without a result").arg(where()));
    Q_EMIT finished(*m_result);
}

} // namespace mp
