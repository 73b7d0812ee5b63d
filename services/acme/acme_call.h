#pragma once

#include "acme/acme_settings.h"
#include "core/result.h"
#include "provider_call/provider_call.h"

#include <QByteArray>
#include <QJsonObject>
#include <QUrl>

#include <optional>

namespace mp {

// What an ACME server answered: the status, the body (JSON for resources, PEM for a certificate)
// and the headers the protocol runs on.
struct AcmeAnswer {
    int status = 0;
    QByteArray body;
    QJsonObject json;         // when the body is a JSON object
    QUrl location;            // the account's or order's URL
    QList<QUrl> alternates;   // Link: rel="alternate" (other chains of a certificate)
    qint64 retryAfterMs = -1; // -1: no Retry-After
};
using AcmeResult = Result<AcmeAnswer>;

// One request to an ACME server on ProviderCall. The URL is absolute (the directory names
// every other one). A GET or HEAD is safe to repeat; a signed POST is sent exactly once (its
// nonce is spent either way), and AcmeSession decides whether to sign it again. An error answer
// becomes the CA's problem document as an Error (acme_problem.h); the Replay-Nonce and
// Retry-After of every answer, errors included, are kept for the session.
class AcmeCall : public ProviderCall {
    Q_OBJECT
public:
    struct Request {
        QByteArray method; // GET, HEAD, POST
        QUrl url;
        QByteArray body; // a JWS (application/jose+json) for POST
    };

    AcmeCall(QNetworkAccessManager *network, const AcmeSettings &settings, Request request,
             QObject *parent = nullptr);
    AcmeCall(const Error &error, QObject *parent = nullptr);

    const AcmeResult &result() const { return *m_result; }
    QByteArray replayNonce() const { return m_nonce; }
    qint64 retryAfterMs() const { return m_retryAfterMs; }

Q_SIGNALS:
    void finished(const mp::AcmeResult &result);

protected:
    QNetworkRequest buildRequest() override;
    Outcome interpretAnswer(QNetworkReply &reply) override;
    Outcome interpretFailure(const TransportFailure &failure) override;
    void attemptEnded(QNetworkReply &reply) override;
    void emitFinished() override;

private:
    QString where() const;

    AcmeSettings m_settings;
    Request m_request;
    std::optional<AcmeResult> m_result;
    QByteArray m_nonce;
    qint64 m_retryAfterMs = -1;
};

// Retry-After as milliseconds: delay-seconds or an HTTP date; -1 when absent or unreadable.
qint64 parseRetryAfterMs(const QByteArray &header, const QDateTime &now);

} // namespace mp
