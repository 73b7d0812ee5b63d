#pragma once

#include "core/result.h"
#include "provider_call/provider_call_settings.h"

#include <QList>
#include <QSslCertificate>
#include <QUrl>

namespace mp {

class Config;

// Which ACME CA mPanel asks, and how: the directory URL (Let's Encrypt's production directory
// unless MPANEL_ACME_DIRECTORY_URL says otherwise), extra CA certificates to trust for the CA's
// own HTTPS (MPANEL_ACME_CA_CERTIFICATES, a PEM file: a test CA such as Pebble's), and timings.
// The mode follows from the URL: a CA on loopback is the sandbox (never anything else), Let's
// Encrypt's staging directory is test, anything else is live.
struct AcmeSettings {
    QUrl directoryUrl;
    QList<QSslCertificate> extraCaCertificates;
    ProviderMode mode = ProviderMode::Live;
    int timeoutMs = 30000;
    int retryBaseDelayMs = 500;
    // How often an authorization or order is polled when the CA names no Retry-After, and how
    // long the whole wait may take.
    int pollIntervalMs = 1000;
    int pollTimeoutMs = 120000;
    // badNonce answers retried with the fresh nonce they carry (RFC 8555 section 6.5).
    int badNonceRetries = 3;
    // New orders one account may place per window (Let's Encrypt: 300 per 3 hours); issuance is
    // paced to stay inside it.
    int ordersPerWindow = 300;
    int orderWindowSeconds = 3 * 3600;

    static const QUrl &letsEncryptProduction();
    // MPANEL_ACME_DIRECTORY_URL, MPANEL_ACME_CA_CERTIFICATES, MPANEL_ACME_TIMEOUT_MS,
    // MPANEL_ACME_POLL_MS, MPANEL_ACME_ORDERS_PER_WINDOW, MPANEL_ACME_ORDER_WINDOW_S; the
    // environment when `config` lacks one.
    static Result<AcmeSettings> fromConfig(const Config &config);
    static ProviderMode modeFor(const QUrl &directoryUrl);

    Status validate() const;
    ProviderCallSettings callSettings() const;
    QString describe() const; // "ACME CA https://127.0.0.1:14000/dir (sandbox)"
};

} // namespace mp
