#include "proxmox/proxmox_tls.h"

#include "proxmox/proxmox_error.h"
#include "proxmox/proxmox_errors.h"

#include <QCryptographicHash>
#include <QStringList>

namespace mp::proxmox {

QSslConfiguration sslConfigurationFor(const ProxmoxSettings &settings)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setProtocol(QSsl::TlsV1_2OrLater);
    if (!settings.caCertificates.isEmpty())
        config.setCaCertificates(settings.caCertificates);
    return config;
}

bool isPinnableError(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::HostNameMismatch:
        return true;
    default:
        return false;
    }
}

static QString describe(const QList<QSslError> &errors)
{
    QStringList texts;
    for (const QSslError &error : errors)
        texts.append(error.errorString());
    texts.removeDuplicates();
    return texts.join(QStringLiteral("; "));
}

Result<QList<QSslError>> errorsToIgnoreForPin(const QList<QSslError> &errors,
                                              const QList<QSslCertificate> &chain,
                                              const QByteArray &pinnedSha256)
{
    const auto refuse = [&](const QString &why) {
        return makeError(errors::ProxmoxTls, why, QStringLiteral("fingerprint"));
    };
    if (chain.isEmpty() || chain.first().isNull())
        return refuse(QStringLiteral("the server presented no certificate (%1)").arg(describe(errors)));
    const QByteArray presented = chain.first().digest(QCryptographicHash::Sha256);
    const QString presentedText = ProxmoxSettings::formatFingerprint(presented);
    if (pinnedSha256.isEmpty())
        return refuse(
            QStringLiteral("the server's certificate is not trusted (%1); configure the cluster's CA "
                           "certificate or pin its fingerprint %2 after checking it with "
                           "`pvenode cert info`")
                .arg(describe(errors), presentedText));
    if (presented != pinnedSha256)
        return refuse(
            QStringLiteral("the server's certificate has SHA-256 fingerprint %1, not the pinned %2; "
                           "nothing was sent")
                .arg(presentedText, ProxmoxSettings::formatFingerprint(pinnedSha256)));
    QList<QSslError> toIgnore;
    for (const QSslError &error : errors) {
        if (!isPinnableError(error.error()))
            return refuse(
                QStringLiteral("the pinned certificate cannot be used: %1").arg(error.errorString()));
        if (!error.certificate().isNull() && !chain.contains(error.certificate()))
            return refuse(QStringLiteral("a TLS error concerns a certificate outside the presented chain: %1")
                              .arg(error.errorString()));
        toIgnore.append(error);
    }
    return toIgnore;
}

} // namespace mp::proxmox
