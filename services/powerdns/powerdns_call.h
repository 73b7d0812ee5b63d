#pragma once

#include "core/result.h"
#include "powerdns/powerdns_settings.h"
#include "provider_call/provider_call.h"

#include <QByteArray>
#include <QJsonDocument>

#include <optional>

namespace mp {

// What a PowerDNS call answered: the HTTP status, the raw body (a zone export is text), and the
// body as JSON when it is JSON (empty for 204).
struct PowerDnsAnswer {
    int status = 0;
    QByteArray body;
    QJsonDocument json;
};
using PowerDnsResult = Result<PowerDnsAnswer>;

// One call to PowerDNS's HTTP API on ProviderCall: the X-API-Key header, JSON bodies, and its
// error shapes turned into codes: 422 carries JSON {"error": "..."} (powerdns_rejected with
// PowerDNS's words), 400/401/404/409 plain text (powerdns_bad_request, _authentication,
// _not_found, _conflict), 5xx powerdns_server_error (retried when the call is safe to repeat).
// A GET, and a PATCH of REPLACE/DELETE record sets (which lands on the same state when sent
// twice), are safe to repeat; creating a zone is not: its lost answer is reported as unknown
// and the caller looks (GET) before creating again.
class PowerDnsCall : public ProviderCall {
    Q_OBJECT
public:
    struct Request {
        QByteArray method; // GET, POST, PUT, PATCH, DELETE
        QString path;      // below the server's path: "/zones/example.test."
        QByteArray body;   // JSON, for POST, PUT and PATCH
        bool repeatable = false;
    };

    PowerDnsCall(QNetworkAccessManager *network, const PowerDnsSettings &settings, Request request,
                 QObject *parent = nullptr);
    // A call that fails with `error` without touching the network (invalid settings).
    PowerDnsCall(const Error &error, QObject *parent = nullptr);

    const PowerDnsResult &result() const { return *m_result; } // valid once finished
    const Request &request() const { return m_request; }

Q_SIGNALS:
    void finished(const mp::PowerDnsResult &result);

protected:
    QNetworkRequest buildRequest() override;
    Outcome interpretAnswer(QNetworkReply &reply) override;
    Outcome interpretFailure(const TransportFailure &failure) override;
    void attemptEnded(QNetworkReply &reply) override;
    void emitFinished() override;

private:
    QString where() const;

    PowerDnsSettings m_settings;
    Request m_request;
    std::optional<PowerDnsResult> m_result;
};

} // namespace mp
