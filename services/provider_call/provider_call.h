#pragma once

#include "provider_call/provider_call_settings.h"
#include "provider_call/transport_failure.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace mp {

// One call to a provider's REST API as one QObject job (after ownCloud's AbstractNetworkJob).
// The base owns what is the same for every provider:
//
//   - Lifecycle. start() once; the first attempt, and a failure known before it, happen in the
//     event loop, so finished() never fires from inside start() and a caller may connect after
//     a client handed the call out. finished() fires exactly once (abort() included), then the
//     call deletes itself unless setAutoDelete(false). A call lives in the thread of the
//     QNetworkAccessManager it uses.
//   - A timeout per attempt (settings.timeoutMs): the reply is aborted and judged a Timeout.
//   - Retries with exponential backoff (and jitter, and a server's Retry-After as a floor) for
//     a call that is safe to repeat (Exchange::repeatable: a GET, or a mutation the provider
//     deduplicates, such as a Stripe POST with its Idempotency-Key), on what the client judges
//     transient, at most settings.maxRetries times.
//   - Exactly once for a call that is not safe to repeat: its body goes out as a one-shot
//     device, so QNetworkAccessManager cannot quietly send it again on a new connection, and a
//     lost answer (timeout, broken connection) ends the call with a failure marked
//     TransportFailure::outcomeUnknown: the caller must look before repeating it.
//   - Transport failures classified the same way for every provider (TransportFailure); no
//     redirect is followed (it would carry the credentials wherever it points); the provider's
//     mode (sandbox, test, live) travels in the settings.
//
// A provider's client supplies only:
//   - settings: a ProviderCallSettings built from its own (its callSettings());
//   - parameters: the Exchange (method, body, whether it is safe to repeat) passed to the
//     constructor, and buildRequest(): the URL (urlFor(path, query)), the credentials, the
//     content type; FormPairs encodes a form body or a query string;
//   - error mapping: interpretAnswer() turns an HTTP answer into the client's result or its
//     error type and says Succeeded, Failed or Transient; interpretFailure() does the same for
//     a TransportFailure (TransportFailure::toError() is the wording for a client without its
//     own);
//   - its typed result: a finished(Result) signal, emitted from emitFinished().
// Optional hooks: handleSslErrors() (certificate pinning), attemptEnded() (a log line per
// request). PowerDNS, Namesilo or ACME are a subclass of this with those few functions; see
// StripeJob and ProxmoxJob for two complete ones. A job-engine worker, which has no event loop
// of its own, makes a call with runOnWorkerThread() (worker_thread_call.h).
//
// A call made of other calls (ProxmoxTaskWatcher: a mutation, then polls) uses the lifecycle
// only: it is constructed without an Exchange and overrides run() and cancel().
class ProviderCall : public QObject {
    Q_OBJECT
public:
    // What a call sends, apart from what buildRequest() puts into the QNetworkRequest.
    struct Exchange {
        QByteArray method; // GET, POST, PUT, PATCH, DELETE
        QByteArray body;   // sent with POST, PUT and PATCH, also when empty
        // Sending it twice does no harm. Only such a call is ever retried or buffered for
        // QNetworkAccessManager's own resend.
        bool repeatable = false;
    };

    ~ProviderCall() override;

    void start();
    // Stops the call: a request in flight is aborted, finished() reports the abort (through
    // interpretFailure(), kind Aborted) at once. Whether a mutation was already carried out is
    // then unknown.
    void abort();
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    bool isFinished() const { return m_finished; }
    int attempts() const { return m_attempt; }
    const ProviderCallSettings &callSettings() const { return m_callSettings; }
    const Exchange &exchange() const { return m_exchange; }

protected:
    // A client's judgement of one attempt.
    struct Outcome {
        enum class Kind {
            Succeeded, // the result is recorded
            Failed,    // the error is recorded; asking again would not help
            Transient  // the error is recorded; another attempt may succeed
        };
        Kind kind = Kind::Failed;
        qint64 retryAfterMs = 0; // the server's Retry-After: the next attempt waits at least this

        static Outcome succeeded() { return {Kind::Succeeded, 0}; }
        static Outcome failed() { return {Kind::Failed, 0}; }
        static Outcome transient(qint64 retryAfterMs = 0) { return {Kind::Transient, retryAfterMs}; }
    };

    // A call that sends `exchange` through `network`.
    ProviderCall(QNetworkAccessManager *network, ProviderCallSettings settings, Exchange exchange,
                 QObject *parent);
    // A call that sends nothing: refused before sending (the subclass records why in its
    // constructor and the call finishes with it once started), or made of other calls.
    explicit ProviderCall(QObject *parent);

    // --- what a client supplies ---------------------------------------------------------
    // The request of one attempt (called again for each): URL, credentials, headers.
    virtual QNetworkRequest buildRequest();
    // An HTTP answer arrived, whatever its status. Record the result or the error. The default
    // records nothing and judges by status: 2xx succeeded; 408, 425, 429 and 5xx transient.
    virtual Outcome interpretAnswer(QNetworkReply &reply);
    // No answer to judge. Record the error. Every kind ends here, Aborted and a missing network
    // manager included (their outcome is ignored: they are never retried). The default judges
    // Network and Timeout transient.
    virtual Outcome interpretFailure(const TransportFailure &failure);
    // The call is over and its result recorded: emit the subclass's finished(result).
    virtual void emitFinished() = 0;

    // --- optional hooks -------------------------------------------------------------------
    // During the handshake, before any byte of the request is sent. The default ignores
    // nothing, so the handshake fails (TransportFailure::Kind::Tls).
    virtual void handleSslErrors(QNetworkReply &reply, const QList<QSslError> &errors);
    // Each reply, before it is judged (a log line per request).
    virtual void attemptEnded(QNetworkReply &reply);
    // A call made of other calls overrides both; the default sends the Exchange, or finishes
    // at once when there is none, and cancels the request in flight.
    virtual void run();
    virtual void cancel();

    // Ends the call: emitFinished(), then deleteLater() unless auto-delete is off. Once only.
    void finish();
    // The API base's path + `path` (segments already percent-encoded) and `query` (encoded).
    QUrl urlFor(const QString &path, const QByteArray &query = {}) const;
    bool sendsRequest() const { return m_sendsRequest; }
    double elapsedMs() const { return m_elapsed.isValid() ? double(m_elapsed.elapsed()) : 0.0; }

private:
    void sendAttempt();
    void onReplyFinished();
    void onTimeout();
    void conclude(Outcome outcome);
    int backoffMs(qint64 retryAfterMs) const;

    QPointer<QNetworkAccessManager> m_network;
    ProviderCallSettings m_callSettings;
    Exchange m_exchange;
    bool m_sendsRequest = false;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QTimer m_backoff;
    QElapsedTimer m_elapsed;
    int m_attempt = 0;
    bool m_started = false;
    bool m_timedOut = false;
    bool m_aborted = false;
    bool m_finished = false;
    bool m_autoDelete = true;
};

} // namespace mp
