#pragma once

#include "core/result.h"
#include "namesilo/namesilo_reply.h"
#include "namesilo/namesilo_settings.h"
#include "provider_call/form_pairs.h"
#include "provider_call/provider_call.h"

#include <optional>

namespace mp {

using NamesiloResult = Result<NamesiloReply>;

// One call to Namesilo's API on ProviderCall: GET <base>/apibatch/<operation>?version=1&type=xml
// &key=...&<parameters>. Namesilo answers HTTP 200 for its own refusals, so the outcome is the
// reply's code: 300, 301 and 302 succeed; any other is namesilo_rejected with Namesilo's words
// (replyCode() keeps the number), retried when it says "try again" (115, 201, 400) and the call
// is safe to repeat. Another HTTP status, or a body that is not the XML envelope, is a transport
// error. The key travels only in the query and appears in no log line and no message.
class NamesiloCall : public ProviderCall {
    Q_OBJECT
public:
    struct Request {
        QString operation; // "registerDomain"
        FormPairs params;  // the operation's own parameters
        bool repeatable = false;
    };

    NamesiloCall(QNetworkAccessManager *network, const NamesiloSettings &settings, Request request,
                 QObject *parent = nullptr);
    // A call that fails with `error` without touching the network (invalid settings).
    NamesiloCall(const Error &error, QObject *parent = nullptr);

    const NamesiloResult &result() const { return *m_result; } // valid once finished
    const Request &request() const { return m_request; }
    // Namesilo's reply code of the last answer; 0 when none was read.
    int replyCode() const { return m_replyCode; }

Q_SIGNALS:
    void finished(const mp::NamesiloResult &result);

protected:
    QNetworkRequest buildRequest() override;
    Outcome interpretAnswer(QNetworkReply &reply) override;
    Outcome interpretFailure(const TransportFailure &failure) override;
    void attemptEnded(QNetworkReply &reply) override;
    void emitFinished() override;

private:
    QString where() const;
    QString withoutKey(QString text) const;

    NamesiloSettings m_settings;
    Request m_request;
    std::optional<NamesiloResult> m_result;
    int m_replyCode = 0;
};

} // namespace mp
