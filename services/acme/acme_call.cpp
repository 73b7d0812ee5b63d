#include "acme/acme_call.h"

#include "acme/acme_errors.h"
#include "acme/acme_problem.h"
#include "core/clock.h"
#include "core/json_log.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QSslConfiguration>

namespace mp {

namespace {

const TransportCodes kTransportCodes{errors::AcmeNetwork, errors::AcmeTimeout, errors::AcmeTls,
                                     errors::AcmeAborted};

bool repeatable(const QByteArray &method)
{
    return method == "GET" || method == "HEAD";
}

// Link: <url>;rel="alternate", <url>;rel="up" -> the URLs with rel `rel`.
QList<QUrl> links(const QByteArray &header, const QByteArray &rel)
{
    QList<QUrl> out;
    for (const QByteArray &part : header.split(',')) {
        const int open = part.indexOf('<');
        const int close = part.indexOf('>');
        if (open < 0 || close < open)
            continue;
        const QByteArray params = part.mid(close + 1).replace(' ', "").replace('"', "");
        if (params.contains("rel=" + rel))
            out << QUrl(QString::fromUtf8(part.mid(open + 1, close - open - 1)));
    }
    return out;
}

} // namespace

qint64 parseRetryAfterMs(const QByteArray &header, const QDateTime &now)
{
    const QByteArray text = header.trimmed();
    if (text.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : seconds * 1000;
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date);
    if (!at.isValid())
        return -1;
    return qMax<qint64>(0, now.msecsTo(at));
}

AcmeCall::AcmeCall(QNetworkAccessManager *network, const AcmeSettings &settings, Request request,
                   QObject *parent)
    : ProviderCall(network, settings.callSettings(),
                   Exchange{request.method, request.method == "POST" ? request.body : QByteArray(),
                            repeatable(request.method)},
                   parent),
      m_settings(settings), m_request(std::move(request))
{
}

AcmeCall::AcmeCall(const Error &error, QObject *parent) : ProviderCall(parent)
{
    m_result = error;
}

QString AcmeCall::where() const
{
    return QStringLiteral("%1 %2").arg(QString::fromLatin1(m_request.method),
                                       m_request.url.toString(QUrl::RemoveUserInfo));
}

QNetworkRequest AcmeCall::buildRequest()
{
    QNetworkRequest request(m_request.url);
    request.setRawHeader("User-Agent", "mPanel-AcmeClient/1");
    request.setRawHeader("Accept-Language", "en");
    if (m_request.method == "POST")
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/jose+json"));
    if (!m_settings.extraCaCertificates.isEmpty()) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(m_settings.extraCaCertificates);
        request.setSslConfiguration(tls);
    }
    return request;
}

void AcmeCall::attemptEnded(QNetworkReply &reply)
{
    if (reply.hasRawHeader("Replay-Nonce"))
        m_nonce = reply.rawHeader("Replay-Nonce");
    m_retryAfterMs = parseRetryAfterMs(reply.rawHeader("Retry-After"), Clock::current().now());
    JsonLog::write(
        QStringLiteral("acme_request"),
        {{QStringLiteral("method"), QString::fromLatin1(m_request.method)},
         {QStringLiteral("url"), m_request.url.toString(QUrl::RemoveUserInfo)},
         {QStringLiteral("status"), reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()},
         {QStringLiteral("attempt"), attempts()}});
}

ProviderCall::Outcome AcmeCall::interpretAnswer(QNetworkReply &reply)
{
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply.readAll();
    if (status >= 200 && status < 300) {
        AcmeAnswer answer;
        answer.status = status;
        answer.body = body;
        answer.location = QUrl(QString::fromUtf8(reply.rawHeader("Location")));
        answer.alternates = links(reply.rawHeader("Link"), "alternate");
        answer.retryAfterMs = m_retryAfterMs;
        const QByteArray type = reply.header(QNetworkRequest::ContentTypeHeader).toByteArray();
        if (type.startsWith("application/json") && !body.isEmpty()) {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
            if (!doc.isObject()) {
                m_result = makeError(errors::AcmeInvalidResponse,
                                     QStringLiteral("%1 answered HTTP %2 with malformed JSON: %3")
                                         .arg(where())
                                         .arg(status)
                                         .arg(error.errorString()));
                return Outcome::failed();
            }
            answer.json = doc.object();
        }
        m_result = answer;
        return Outcome::succeeded();
    }
    m_result = AcmeProblem::parse(body, status).toError(where());
    const bool transient = status == 503 || status == 502 || status == 504 || status == 429;
    return transient ? Outcome::transient(m_retryAfterMs > 0 ? m_retryAfterMs : 0) : Outcome::failed();
}

ProviderCall::Outcome AcmeCall::interpretFailure(const TransportFailure &failure)
{
    m_result = failure.toError(kTransportCodes, QStringLiteral("%1 (%2)").arg(where(), m_settings.describe()),
                               m_settings.timeoutMs);
    const bool transient =
        failure.kind == TransportFailure::Kind::Network || failure.kind == TransportFailure::Kind::Timeout;
    return transient ? Outcome::transient() : Outcome::failed();
}

void AcmeCall::emitFinished()
{
    if (!m_result)
        m_result =
            makeError(errors::AcmeInvalidResponse, QStringLiteral("%1 ended without a result").arg(where()));
    Q_EMIT finished(*m_result);
}

} // namespace mp
