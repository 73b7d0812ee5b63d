#pragma once

#include "proxmox/proxmox_call.h"
#include "proxmox/proxmox_params.h"
#include "proxmox/proxmox_settings.h"

#include <QByteArray>
#include <QList>
#include <QSslError>

#include <optional>

namespace mp {

// One Proxmox REST call. Sends the token header, checks the server's certificate against the
// cluster's CA or pinned fingerprint (the header never reaches a server that fails the check),
// unwraps {"data": ...}, and turns errors into a ProxmoxError naming node, call and Proxmox's
// words. ProviderCall owns the timeout, the retries, abort and the lifecycle.
//
// Retries only where repeating cannot do harm: a GET (or a call marked retrySafe) after no
// answer, a timeout or 502/503/504. A POST or DELETE is sent once: if its answer is lost the
// call fails with proxmox_timeout / proxmox_network and the caller must look (a guest tagged
// with its pod, the VMID) before trying again. That is how a second VM is avoided.
class ProxmoxJob : public ProxmoxCall {
    Q_OBJECT
public:
    struct Request {
        QByteArray method; // GET, POST, DELETE
        QString path;      // below the API base, segments already percent-encoded: "/nodes/pve1/lxc"
        proxmox::Params params;
        bool retrySafe = false; // true for GETs
    };

    ProxmoxJob(QNetworkAccessManager *network, const ProxmoxSettings &settings, Request request,
               QObject *parent = nullptr);
    // A job that fails with `error` without touching the network (invalid settings or input).
    ProxmoxJob(const proxmox::ProxmoxError &error, QObject *parent = nullptr);

    const Request &request() const { return m_request; }

protected:
    QNetworkRequest buildRequest() override;
    void handleSslErrors(QNetworkReply &reply, const QList<QSslError> &errors) override;
    void attemptEnded(QNetworkReply &reply) override;
    Outcome interpretAnswer(QNetworkReply &reply) override;
    Outcome interpretFailure(const TransportFailure &failure) override;
    void emitFinished() override;

private:
    bool hasBody() const { return m_request.method == "POST" || m_request.method == "PUT"; }
    // An error of an answer, or of no answer, that says how many attempts it took.
    void recordCounted(const proxmox::ProxmoxError &error);
    void recordFinal(const proxmox::ProxmoxError &error);

    ProxmoxSettings m_settings;
    Request m_request;
    std::optional<Error> m_tlsError;
    bool m_countAttempts = false;
};

} // namespace mp
