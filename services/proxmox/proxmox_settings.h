#pragma once

#include "core/result.h"
#include "provider_call/provider_call_settings.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QUrl>

namespace mp {

// How mPanel reaches one Proxmox VE cluster (staff may configure several). The secret is kept
// here only for the calls; it is never logged and never part of an error message.
//
// TLS trust, one of (proxmox.md section 1: Proxmox ships self-signed certificates):
//   - caCertificates: the cluster's CA (pve-root-ca.pem) replaces the system CAs for this
//     cluster; the certificate chain and host name are verified normally;
//   - pinnedSha256: the SHA-256 digest of the node's leaf certificate, as `pvenode cert info`
//     prints it; a self-signed/unknown-issuer/host-name error is then accepted for exactly that
//     certificate and nothing else;
//   - neither: the system CAs (a cluster behind a publicly trusted certificate).
struct ProxmoxSettings {
    QString clusterName; // for messages: "cluster 'fra1'"
    QUrl apiBase;        // https://host:8006/api2/json
    QString tokenId;     // USER@REALM!TOKENID, e.g. mpanel@pve!prov
    QString tokenSecret; // the token's UUID; never logged
    QList<QSslCertificate> caCertificates;
    QByteArray pinnedSha256;       // 32 raw bytes, or empty
    int timeoutMs = 30000;         // per HTTP attempt
    int maxGetRetries = 2;         // GETs only: after the first attempt, on no answer or 502/503/504
    int retryDelayMs = 1000;       // doubled per retry
    int taskPollIntervalMs = 1000; // between GET .../tasks/{upid}/status
    int taskTimeoutMs = 600000;    // a task still running after this is reported as timed out
    // Sandbox for the provider emulator (registered so, on loopback), else Live: Proxmox has no
    // test mode (cloudpods/cluster_mode.h).
    ProviderMode mode = ProviderMode::Live;

    // The header value: "PVEAPIToken=USER@REALM!TOKENID=SECRET" (proxmox.md section 2).
    QByteArray authorizationHeader() const;
    // "cluster 'fra1' (pve1.example.net:8006)": how errors name where they happened.
    QString describe() const;
    // What every call needs: the API base, the mode, the timeout and the retry schedule (GETs
    // only; the delay doubles up to eight times, without jitter).
    ProviderCallSettings callSettings() const;

    // Checks everything a call needs: an https base under /api2/json, a token id of the form
    // user@realm!tokenid, a secret, sane timeouts. The message never contains the secret.
    Status validate() const;

    // "AB:CD:..." (colons optional, any case) -> 32 raw bytes.
    static Result<QByteArray> parseFingerprint(const QString &text);
    static QString formatFingerprint(const QByteArray &sha256); // "AB:CD:..."
    // PEM text with one or more certificates.
    static Result<QList<QSslCertificate>> parseCaCertificates(const QByteArray &pem);
};

} // namespace mp
