#include "proxmox/proxmox_job.h"

#include "core/json_log.h"
#include "proxmox/proxmox_one_shot_body.h"
#include "proxmox/proxmox_tls.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace mp {

using proxmox::ErrorKind;
using proxmox::ProxmoxError;

ProxmoxJob::ProxmoxJob(QNetworkAccessManager *network, const ProxmoxSettings &settings, Request request,
                       QObject *parent)
    : ProxmoxCall(parent), m_network(network), m_settings(settings), m_request(std::move(request))
{
    m_timeout.setSingleShot(true);
    m_backoff.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &ProxmoxJob::onTimeout);
    connect(&m_backoff, &QTimer::timeout, this, &ProxmoxJob::sendAttempt);
}

ProxmoxJob::ProxmoxJob(const ProxmoxError &error, QObject *parent) : ProxmoxCall(parent), m_presetError(error)
{
    m_request.method = error.method.toLatin1();
    m_request.path = error.path;
}

ProxmoxJob::~ProxmoxJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void ProxmoxJob::start()
{
    if (m_started)
        return;
    m_started = true;
    // Queued, so finished() never fires before the caller has connected to it.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (isFinished())
                return;
            if (m_presetError)
                fail(*m_presetError);
            else
                sendAttempt();
        },
        Qt::QueuedConnection);
}

void ProxmoxJob::abort()
{
    if (isFinished())
        return;
    m_aborted = true;
    m_backoff.stop();
    if (m_reply) {
        m_reply->abort(); // finishes the reply at once; onReplyFinished reports the abort
        return;
    }
    fail(ProxmoxError::transport(ErrorKind::Aborted, QStringLiteral("the call was aborted"),
                                 QString::fromLatin1(m_request.method), m_request.path));
}

void ProxmoxJob::sendAttempt()
{
    if (isFinished())
        return;
    const QString method = QString::fromLatin1(m_request.method);
    if (!m_network) {
        fail(ProxmoxError::transport(ErrorKind::Network, QStringLiteral("the network manager is gone"),
                                     method, m_request.path));
        return;
    }
    ++m_attempt;
    m_timedOut = false;
    m_tlsError.reset();

    QUrl url = m_settings.apiBase;
    QString basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + m_request.path, QUrl::StrictMode);
    const bool hasBody = m_request.method == "POST" || m_request.method == "PUT";
    if (!hasBody && !m_request.params.isEmpty())
        url.setQuery(QString::fromLatin1(m_request.params.encode()), QUrl::StrictMode);

    QNetworkRequest request(url);
    request.setRawHeader("Authorization", m_settings.authorizationHeader());
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "mPanel-ProxmoxClient/1");
    // A redirect would carry the token to wherever it points; the Proxmox API never redirects.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setSslConfiguration(proxmox::sslConfigurationFor(m_settings));

    if (hasBody) {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArray("application/x-www-form-urlencoded"));
        const QByteArray body = m_request.params.encode();
        if (m_request.retrySafe) {
            m_reply = m_network->sendCustomRequest(request, m_request.method, body);
        } else {
            // QNetworkAccessManager silently sends a request again when the connection closes
            // after the request went out and before any answer (tst_proxmox_client
            // createIsNeverRepeated caught a second create that way). A body it cannot rewind
            // and may not buffer makes that resend fail instead (ContentReSendError).
            request.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
            request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
            auto *device = new proxmox::OneShotBody(body);
            m_reply = m_network->sendCustomRequest(request, m_request.method, device);
            device->setParent(m_reply.data());
        }
    } else if (m_request.method == "DELETE") {
        m_reply = m_network->deleteResource(request); // no body: Proxmox answers 501 to one
    } else {
        m_reply = m_network->get(request);
    }
    connect(m_reply.data(), &QNetworkReply::sslErrors, this, &ProxmoxJob::onSslErrors);
    connect(m_reply.data(), &QNetworkReply::finished, this, &ProxmoxJob::onReplyFinished);
    m_timeout.start(m_settings.timeoutMs);
}

void ProxmoxJob::onSslErrors(const QList<QSslError> &errors)
{
    if (!m_reply)
        return;
    // Called during the handshake, before any byte of the request (and its token) is sent.
    const QList<QSslCertificate> chain = m_reply->sslConfiguration().peerCertificateChain();
    auto decision = proxmox::errorsToIgnoreForPin(errors, chain, m_settings.pinnedSha256);
    if (decision) {
        m_reply->ignoreSslErrors(decision.value()); // exactly these, never the blanket overload
        return;
    }
    m_tlsError = decision.error();
}

void ProxmoxJob::onTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort();
}

void ProxmoxJob::onReplyFinished()
{
    QNetworkReply *reply = m_reply.data();
    m_reply = nullptr;
    m_timeout.stop();
    if (!reply)
        return;
    reply->deleteLater();

    const QString method = QString::fromLatin1(m_request.method);
    const QString &path = m_request.path;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    JsonLog::write(QStringLiteral("proxmox_request"), {{QStringLiteral("cluster"), m_settings.clusterName},
                                                       {QStringLiteral("method"), method},
                                                       {QStringLiteral("path"), path},
                                                       {QStringLiteral("status"), status},
                                                       {QStringLiteral("attempt"), m_attempt}});
    if (m_aborted) {
        fail(ProxmoxError::transport(ErrorKind::Aborted, QStringLiteral("the call was aborted"), method,
                                     path));
        return;
    }
    if (m_tlsError) {
        // Never retried: a different certificate will not become the right one by asking again.
        fail(ProxmoxError::transport(
            ErrorKind::Tls,
            QStringLiteral("TLS check of %1 failed: %2").arg(m_settings.describe(), m_tlsError->message),
            method, path));
        return;
    }
    const QString maybeDone =
        m_request.retrySafe ? QString()
                            : QStringLiteral(" (it may have been carried out: look before repeating it)");
    if (m_timedOut) {
        retryOrFail(ProxmoxError::transport(ErrorKind::Timeout,
                                            QStringLiteral("no answer from %1 within %2 ms%3")
                                                .arg(m_settings.describe())
                                                .arg(m_settings.timeoutMs)
                                                .arg(maybeDone),
                                            method, path),
                    true);
        return;
    }
    if (status == 0) {
        const bool tls = reply->error() == QNetworkReply::SslHandshakeFailedError;
        retryOrFail(ProxmoxError::transport(tls ? ErrorKind::Tls : ErrorKind::Network,
                                            QStringLiteral("cannot reach %1: %2%3")
                                                .arg(m_settings.describe(), reply->errorString(), maybeDone),
                                            method, path),
                    !tls);
        return;
    }

    const QByteArray body = reply->readAll();
    if (status >= 200 && status < 300) {
        // Success is {"data": <value>} (proxmox.md section 1); data may be null (a config
        // call that finished at once).
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (!doc.isObject() || !doc.object().contains(QLatin1String("data"))) {
            ProxmoxError e = ProxmoxError::transport(
                ErrorKind::InvalidResponse,
                QStringLiteral("HTTP %1 without the {\"data\": ...} envelope").arg(status), method, path);
            e.httpStatus = status;
            fail(e);
            return;
        }
        succeed(doc.object().value(QLatin1String("data")));
        return;
    }
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const ProxmoxError error = ProxmoxError::fromResponse(status, reason, body, method, path);
    // 595/596: pveproxy could not reach the node it proxies to.
    const bool transient = status == 502 || status == 503 || status == 504 || status == 595 || status == 596;
    retryOrFail(error, transient);
}

void ProxmoxJob::retryOrFail(const ProxmoxError &error, bool retryable)
{
    if (retryable && m_request.retrySafe && m_attempt <= m_settings.maxGetRetries) {
        m_backoff.start(m_settings.retryDelayMs << qMin(m_attempt - 1, 8));
        return;
    }
    ProxmoxError e = error;
    if (m_attempt > 1)
        e.detail += (e.detail.isEmpty() ? QString() : QStringLiteral(" ")) +
                    QStringLiteral("(after %1 attempts)").arg(m_attempt);
    fail(e);
}

} // namespace mp
