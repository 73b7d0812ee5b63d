#include "proxmox/proxmox_job.h"

#include "core/json_log.h"
#include "proxmox/proxmox_tls.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>

namespace mp {

using proxmox::ErrorKind;
using proxmox::ProxmoxError;

namespace {

ProviderCall::Exchange exchangeFor(const ProxmoxJob::Request &request)
{
    const bool hasBody = request.method == "POST" || request.method == "PUT";
    return {request.method, hasBody ? request.params.encode() : QByteArray(), request.retrySafe};
}

} // namespace

ProxmoxJob::ProxmoxJob(QNetworkAccessManager *network, const ProxmoxSettings &settings, Request request,
                       QObject *parent)
    : ProxmoxCall(network, settings.callSettings(), exchangeFor(request), parent), m_settings(settings),
      m_request(std::move(request))
{
}

ProxmoxJob::ProxmoxJob(const ProxmoxError &error, QObject *parent) : ProxmoxCall(parent)
{
    m_request.method = error.method.toLatin1();
    m_request.path = error.path;
    recordFailure(error);
}

QNetworkRequest ProxmoxJob::buildRequest()
{
    m_tlsError.reset();
    QNetworkRequest request(urlFor(
        m_request.path, hasBody() || m_request.params.isEmpty() ? QByteArray() : m_request.params.encode()));
    request.setRawHeader("Authorization", m_settings.authorizationHeader());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "mPanel-ProxmoxClient/1");
    request.setSslConfiguration(proxmox::sslConfigurationFor(m_settings));
    if (hasBody())
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/x-www-form-urlencoded"));
    return request;
}

void ProxmoxJob::handleSslErrors(QNetworkReply &reply, const QList<QSslError> &errors)
{
    // Called during the handshake, before any byte of the request (and its token) is sent.
    const QList<QSslCertificate> chain = reply.sslConfiguration().peerCertificateChain();
    auto decision = proxmox::errorsToIgnoreForPin(errors, chain, m_settings.pinnedSha256);
    if (decision) {
        reply.ignoreSslErrors(decision.value()); // exactly these, never the blanket overload
        return;
    }
    m_tlsError = decision.error();
}

void ProxmoxJob::attemptEnded(QNetworkReply &reply)
{
    JsonLog::write(
        QStringLiteral("proxmox_request"),
        {{QStringLiteral("cluster"), m_settings.clusterName},
         {QStringLiteral("method"), QString::fromLatin1(m_request.method)},
         {QStringLiteral("path"), m_request.path},
         {QStringLiteral("status"), reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()},
         {QStringLiteral("attempt"), attempts()}});
}

void ProxmoxJob::recordCounted(const ProxmoxError &error)
{
    recordFailure(error);
    m_countAttempts = true;
}

void ProxmoxJob::recordFinal(const ProxmoxError &error)
{
    recordFailure(error);
    m_countAttempts = false;
}

ProviderCall::Outcome ProxmoxJob::interpretFailure(const TransportFailure &failure)
{
    const QString method = QString::fromLatin1(m_request.method);
    const QString &path = m_request.path;
    if (failure.kind == TransportFailure::Kind::Aborted) {
        recordFinal(ProxmoxError::transport(ErrorKind::Aborted, QStringLiteral("the call was aborted"),
                                            method, path));
        return Outcome::failed();
    }
    if (!failure.attempted) {
        recordFinal(ProxmoxError::transport(ErrorKind::Network, failure.detail, method, path));
        return Outcome::failed();
    }
    if (m_tlsError) {
        // Never retried: a different certificate will not become the right one by asking again.
        recordFinal(ProxmoxError::transport(
            ErrorKind::Tls,
            QStringLiteral("TLS check of %1 failed: %2").arg(m_settings.describe(), m_tlsError->message),
            method, path));
        return Outcome::failed();
    }
    const QString maybeDone =
        m_request.retrySafe ? QString()
                            : QStringLiteral(" (it may have been carried out: look before repeating it)");
    if (failure.kind == TransportFailure::Kind::Timeout) {
        recordCounted(ProxmoxError::transport(ErrorKind::Timeout,
                                              QStringLiteral("no answer from %1 within %2 ms%3")
                                                  .arg(m_settings.describe())
                                                  .arg(m_settings.timeoutMs)
                                                  .arg(maybeDone),
                                              method, path));
        return Outcome::transient();
    }
    const bool tls = failure.kind == TransportFailure::Kind::Tls;
    recordCounted(ProxmoxError::transport(
        tls ? ErrorKind::Tls : ErrorKind::Network,
        QStringLiteral("cannot reach %1: %2%3").arg(m_settings.describe(), failure.detail, maybeDone), method,
        path));
    return tls ? Outcome::failed() : Outcome::transient();
}

ProviderCall::Outcome ProxmoxJob::interpretAnswer(QNetworkReply &reply)
{
    const QString method = QString::fromLatin1(m_request.method);
    const QString &path = m_request.path;
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply.readAll();
    if (status >= 200 && status < 300) {
        // Success is {"data": <value>} (proxmox.md section 1); data may be null (a config
        // call that finished at once).
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (!doc.isObject() || !doc.object().contains(QLatin1String("data"))) {
            ProxmoxError e = ProxmoxError::transport(
                ErrorKind::InvalidResponse,
                QStringLiteral("HTTP %1 without the {\"data\": ...} envelope").arg(status), method, path);
            e.httpStatus = status;
            recordFinal(e);
            return Outcome::failed();
        }
        recordSuccess(doc.object().value(QLatin1String("data")));
        return Outcome::succeeded();
    }
    const QString reason = reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    recordCounted(ProxmoxError::fromResponse(status, reason, body, method, path));
    // 595/596: pveproxy could not reach the node it proxies to.
    const bool transient = status == 502 || status == 503 || status == 504 || status == 595 || status == 596;
    return transient ? Outcome::transient() : Outcome::failed();
}

void ProxmoxJob::emitFinished()
{
    if (m_countAttempts && attempts() > 1 && !result()) {
        ProxmoxError e = proxmoxError();
        e.detail += (e.detail.isEmpty() ? QString() : QStringLiteral(" ")) +
                    QStringLiteral("(after %1 attempts)").arg(attempts());
        recordFailure(e);
    }
    ProxmoxCall::emitFinished();
}

} // namespace mp
