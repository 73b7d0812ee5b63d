#pragma once

#include "acme/acme_call.h"
#include "acme/acme_key.h"
#include "acme/acme_settings.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

namespace mp {

// The CA's directory (RFC 8555 section 7.1.1); renewalInfo only where the CA offers ARI (RFC 9773).
struct AcmeDirectory {
    QUrl newNonce, newAccount, newOrder, revokeCert, keyChange, renewalInfo;
    QString termsOfService;

    static Result<AcmeDirectory> fromJson(const QJsonObject &json);
};

// One account's conversation with a CA, for a job-engine worker (a plain thread without an event
// loop): each request is made with runOnWorkerThread and waited for. The session signs every
// POST with the account key, keeps the freshest Replay-Nonce of every answer (errors included)
// for the next request, and signs a request again with the new nonce when the CA answers
// badNonce (RFC 8555 section 6.5: such a request was not processed), at most
// settings.badNonceRetries times. `stopRequested` (a job's cancel or the service's shutdown)
// aborts a request in flight and cuts a wait short.
class AcmeSession {
public:
    AcmeSession(AcmeSettings settings, AcmeKey accountKey, std::function<bool()> stopRequested = {});

    const AcmeSettings &settings() const { return m_settings; }
    const AcmeKey &accountKey() const { return m_key; }

    Result<AcmeDirectory> directory(); // fetched once per session
    // newAccount with the contacts (e-mail addresses) and the CA's terms agreed to. A CA answers
    // the existing account for a key it knows, so this is safe to repeat; the account's URL
    // signs every later request.
    Result<QUrl> account(const QStringList &emails);
    void setAccountUrl(const QUrl &url) { m_accountUrl = url; }
    // Account key rollover (RFC 8555 section 7.3.5): the account's key becomes `newKey`; the
    // inner JWS, signed by the new key, names the account and the old key. From here on the
    // session signs with the new key. A key the CA already knows for another account is refused.
    Status changeKey(const AcmeKey &newKey);
    const QUrl &accountUrl() const { return m_accountUrl; }

    AcmeResult get(const QUrl &url);
    // A signed POST with `payload`; none: POST-as-GET. `withJwk`: the key in the header instead
    // of the account's URL (newAccount).
    AcmeResult post(const QUrl &url, const std::optional<QJsonObject> &payload, bool withJwk = false);
    AcmeResult postAsGet(const QUrl &url) { return post(url, std::nullopt); }

    // token "." thumbprint(account key): what HTTP-01 serves and DNS-01 hashes.
    QString keyAuthorization(const QString &token) const;
    // Sleeps in short steps; false when a stop was requested meanwhile.
    bool wait(qint64 ms) const;
    bool stopRequested() const { return m_stop && m_stop(); }
    // The unspent nonce the last answer carried, for a caller that keeps it between sessions;
    // setPendingNonce() hands one back (a stale one is answered badNonce and signed again).
    QByteArray pendingNonce() const { return m_nonce; }
    void setPendingNonce(const QByteArray &nonce) { m_nonce = nonce; }
    // The last answer's Retry-After in ms (-1: none), e.g. of a rateLimited refusal.
    qint64 lastRetryAfterMs() const { return m_lastRetryAfterMs; }
    // How many badNonce answers this session signed its request again for.
    int badNoncesRetried() const { return m_badNoncesRetried; }

private:
    AcmeResult run(const std::function<AcmeCall *(class AcmeClient &)> &make);
    Result<QByteArray> freshNonce();

    AcmeSettings m_settings;
    AcmeKey m_key;
    std::function<bool()> m_stop;
    std::optional<AcmeDirectory> m_directory;
    QUrl m_accountUrl;
    QByteArray m_nonce;
    qint64 m_lastRetryAfterMs = -1;
    int m_badNoncesRetried = 0;
};

} // namespace mp
