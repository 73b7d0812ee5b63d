#pragma once

#include "core/result.h"
#include "proxmox/proxmox_settings.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>

namespace mp::proxmox {

// The TLS configuration for requests to one cluster: its CA, when one is configured, replaces
// the system CAs.
QSslConfiguration sslConfigurationFor(const ProxmoxSettings &settings);

// The errors a self-signed Proxmox node certificate produces and a pinned fingerprint makes
// harmless: an issuer nobody vouches for, and a name that is not the host mPanel connects to
// (Proxmox issues node certificates for the node name). Expiry, revocation, a bad signature or
// a not-yet-valid certificate are never excused.
bool isPinnableError(QSslError::SslError error);

// Decides about a reply's sslErrors(). `chain` is the chain the server presented, leaf first.
// Returns exactly the errors to pass to QNetworkReply::ignoreSslErrors(const QList<QSslError>&)
// when the leaf's SHA-256 equals `pinnedSha256` and every error is pinnable and about a
// certificate of that chain; otherwise an Error that names the presented fingerprint (so staff
// can compare it with `pvenode cert info`) and what was wrong.
Result<QList<QSslError>> errorsToIgnoreForPin(const QList<QSslError> &errors,
                                              const QList<QSslCertificate> &chain,
                                              const QByteArray &pinnedSha256);

} // namespace mp::proxmox
