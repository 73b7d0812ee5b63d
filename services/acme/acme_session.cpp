#include "acme/acme_session.h"

#include "acme/acme_client.h"
#include "acme/acme_errors.h"
#include "acme/acme_jws.h"
#include "provider_call/worker_thread_call.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <utility>

namespace mp {

Result<AcmeDirectory> AcmeDirectory::fromJson(const QJsonObject &json)
{
    const auto url = [&json](const char *key) { return QUrl(json.value(QLatin1String(key)).toString()); };
    AcmeDirectory d{url("newNonce"),
                    url("newAccount"),
                    url("newOrder"),
                    url("revokeCert"),
                    url("keyChange"),
                    url("renewalInfo"),
                    {}};
    d.termsOfService =
        json.value(QLatin1String("meta")).toObject().value(QLatin1String("termsOfService")).toString();
    if (!d.newNonce.isValid() || !d.newAccount.isValid() || !d.newOrder.isValid())
        return makeError(errors::AcmeInvalidResponse,
                         QStringLiteral("the ACME directory names no newNonce, newAccount or newOrder"));
    return d;
}

AcmeSession::AcmeSession(AcmeSettings settings, AcmeKey accountKey, std::function<bool()> stopRequested)
    : m_settings(std::move(settings)), m_key(std::move(accountKey)), m_stop(std::move(stopRequested))
{
}

AcmeResult AcmeSession::run(const std::function<AcmeCall *(AcmeClient &)> &make)
{
    QByteArray nonce;
    qint64 retryAfter = -1;
    AcmeResult result = runOnWorkerThread<AcmeClient, AcmeCall>(
        errors::AcmeBlockingNotAllowed, QStringLiteral("ACME"), m_settings, make, m_stop,
        errors::AcmeInvalidSettings, [&](const AcmeCall &call) {
            nonce = call.replayNonce();
            retryAfter = call.retryAfterMs();
        });
    // Every answer carries a fresh nonce, an error's too: the next POST spends it.
    if (!nonce.isEmpty())
        m_nonce = nonce;
    m_lastRetryAfterMs = retryAfter;
    return result;
}

Result<AcmeDirectory> AcmeSession::directory()
{
    if (m_directory)
        return *m_directory;
    const QUrl url = m_settings.directoryUrl;
    auto answer = run([url](AcmeClient &c) { return c.get(url); });
    if (!answer)
        return answer.error();
    auto directory = AcmeDirectory::fromJson(answer->json);
    if (directory)
        m_directory = *directory;
    return directory;
}

Result<QByteArray> AcmeSession::freshNonce()
{
    if (!m_nonce.isEmpty())
        return std::exchange(m_nonce, QByteArray());
    auto dir = directory();
    if (!dir)
        return dir.error();
    const QUrl url = dir->newNonce;
    auto answer = run([url](AcmeClient &c) { return c.head(url); });
    if (!answer)
        return answer.error();
    if (m_nonce.isEmpty())
        return makeError(errors::AcmeInvalidResponse,
                         QStringLiteral("the CA's newNonce answered without a Replay-Nonce"));
    return std::exchange(m_nonce, QByteArray());
}

AcmeResult AcmeSession::post(const QUrl &url, const std::optional<QJsonObject> &payload, bool withJwk)
{
    if (!withJwk && m_accountUrl.isEmpty())
        return makeError(errors::AcmeNoAccount, QStringLiteral("no ACME account to sign the request with"));
    for (int attempt = 0;; ++attempt) {
        auto nonce = freshNonce();
        if (!nonce)
            return nonce.error();
        AcmeJws jws;
        jws.kid = withJwk ? QString() : m_accountUrl.toString(QUrl::FullyEncoded);
        jws.nonce = QString::fromLatin1(*nonce);
        jws.url = url;
        jws.payload = payload;
        auto body = jws.sign(m_key);
        if (!body)
            return body.error();
        const QByteArray signedBody = *body;
        AcmeResult answer = run([url, signedBody](AcmeClient &c) { return c.post(url, signedBody); });
        if (answer || answer.error().code != errors::AcmeBadNonce || attempt >= m_settings.badNonceRetries)
            return answer;
        ++m_badNoncesRetried;
    }
}

AcmeResult AcmeSession::get(const QUrl &url)
{
    return run([url](AcmeClient &c) { return c.get(url); });
}

Result<QUrl> AcmeSession::account(const QStringList &emails)
{
    auto dir = directory();
    if (!dir)
        return dir.error();
    QJsonArray contact;
    for (const QString &email : emails)
        contact.append(QStringLiteral("mailto:") + email);
    QJsonObject payload{{QStringLiteral("termsOfServiceAgreed"), true}};
    if (!contact.isEmpty())
        payload.insert(QStringLiteral("contact"), contact);
    auto answer = post(dir->newAccount, payload, true);
    if (!answer)
        return answer.error();
    if (!answer->location.isValid() || answer->location.isEmpty())
        return makeError(errors::AcmeInvalidResponse,
                         QStringLiteral("the CA created the account without telling its URL (Location)"));
    const QString status = answer->json.value(QLatin1String("status")).toString();
    if (!status.isEmpty() && status != QLatin1String("valid"))
        return makeError(errors::AcmeUnauthorized, QStringLiteral("the ACME account is %1").arg(status));
    m_accountUrl = answer->location;
    return m_accountUrl;
}

Status AcmeSession::changeKey(const AcmeKey &newKey)
{
    auto dir = directory();
    if (!dir)
        return dir.error();
    if (dir->keyChange.isEmpty())
        return makeError(errors::AcmeInvalidResponse, QStringLiteral("the CA offers no keyChange"));
    if (m_accountUrl.isEmpty())
        return makeError(errors::AcmeNoAccount, QStringLiteral("no ACME account to change the key of"));
    AcmeJws inner; // no nonce, the new key as jwk
    inner.url = dir->keyChange;
    inner.payload = QJsonObject{{QStringLiteral("account"), m_accountUrl.toString(QUrl::FullyEncoded)},
                                {QStringLiteral("oldKey"), m_key.jwk()}};
    auto innerJws = inner.sign(newKey);
    if (!innerJws)
        return innerJws.error();
    auto answer = post(dir->keyChange, QJsonDocument::fromJson(*innerJws).object());
    if (!answer)
        return answer.error();
    m_key = newKey;
    return {};
}

QString AcmeSession::keyAuthorization(const QString &token) const
{
    return token + u'.' + QString::fromLatin1(m_key.thumbprint());
}

bool AcmeSession::wait(qint64 ms) const
{
    for (qint64 left = ms; left > 0; left -= 50) {
        if (stopRequested())
            return false;
        QThread::msleep(quint64(qMin<qint64>(left, 50)));
    }
    return !stopRequested();
}

} // namespace mp
