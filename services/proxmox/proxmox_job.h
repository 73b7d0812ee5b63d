#pragma once

#include "proxmox/proxmox_call.h"
#include "proxmox/proxmox_params.h"
#include "proxmox/proxmox_settings.h"

#include <QByteArray>
#include <QList>
#include <QPointer>
#include <QSslError>
#include <QTimer>

#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace mp {

// One Proxmox REST call. Sends the token header, checks the server's certificate against the
// cluster's CA or pinned fingerprint (the header never reaches a server that fails the check),
// unwraps {"data": ...}, and turns errors into a ProxmoxError naming node, call and Proxmox's
// words.
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
    ~ProxmoxJob() override;

    void start() override;
    void abort() override;

    const Request &request() const { return m_request; }
    int attempts() const { return m_attempt; }

private:
    void sendAttempt();
    void onSslErrors(const QList<QSslError> &errors);
    void onReplyFinished();
    void onTimeout();
    void retryOrFail(const proxmox::ProxmoxError &error, bool retryable);

    QPointer<QNetworkAccessManager> m_network;
    ProxmoxSettings m_settings;
    Request m_request;
    std::optional<proxmox::ProxmoxError> m_presetError;
    std::optional<Error> m_tlsError;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timeout;
    QTimer m_backoff;
    int m_attempt = 0;
    bool m_started = false;
    bool m_timedOut = false;
    bool m_aborted = false;
};

} // namespace mp
