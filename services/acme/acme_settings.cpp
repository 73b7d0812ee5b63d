#include "acme/acme_settings.h"

#include "acme/acme_errors.h"
#include "core/config.h"

#include <QFile>
#include <QHostAddress>
#include <QProcessEnvironment>

namespace mp {

namespace {

QString setting(const Config &config, const QString &name)
{
    return config.contains(name) ? config.value(name) : QProcessEnvironment::systemEnvironment().value(name);
}

bool onLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

} // namespace

const QUrl &AcmeSettings::letsEncryptProduction()
{
    static const QUrl url(QStringLiteral("https://acme-v02.api.letsencrypt.org/directory"));
    return url;
}

ProviderMode AcmeSettings::modeFor(const QUrl &directoryUrl)
{
    if (onLoopback(directoryUrl))
        return ProviderMode::Sandbox;
    if (directoryUrl.host() == QLatin1String("acme-staging-v02.api.letsencrypt.org"))
        return ProviderMode::Test;
    return ProviderMode::Live;
}

Result<AcmeSettings> AcmeSettings::fromConfig(const Config &config)
{
    AcmeSettings s;
    const QString url = setting(config, QStringLiteral("MPANEL_ACME_DIRECTORY_URL"));
    s.directoryUrl = url.isEmpty() ? letsEncryptProduction() : QUrl(url, QUrl::StrictMode);
    s.mode = modeFor(s.directoryUrl);
    const QString caFile = setting(config, QStringLiteral("MPANEL_ACME_CA_CERTIFICATES"));
    if (!caFile.isEmpty()) {
        QFile file(caFile);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(errors::AcmeInvalidSettings,
                             QStringLiteral("MPANEL_ACME_CA_CERTIFICATES: cannot read %1").arg(caFile));
        s.extraCaCertificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (s.extraCaCertificates.isEmpty())
            return makeError(
                errors::AcmeInvalidSettings,
                QStringLiteral("MPANEL_ACME_CA_CERTIFICATES: no PEM certificate in %1").arg(caFile));
    }
    bool ok = false;
    if (const int v = setting(config, QStringLiteral("MPANEL_ACME_TIMEOUT_MS")).toInt(&ok); ok && v > 0)
        s.timeoutMs = v;
    if (const int v = setting(config, QStringLiteral("MPANEL_ACME_POLL_MS")).toInt(&ok); ok && v > 0)
        s.pollIntervalMs = v;
    if (const int v = setting(config, QStringLiteral("MPANEL_ACME_ORDERS_PER_WINDOW")).toInt(&ok);
        ok && v > 0)
        s.ordersPerWindow = v;
    if (const int v = setting(config, QStringLiteral("MPANEL_ACME_ORDER_WINDOW_S")).toInt(&ok); ok && v > 0)
        s.orderWindowSeconds = v;
    if (auto valid = s.validate(); !valid)
        return valid.error();
    return s;
}

Status AcmeSettings::validate() const
{
    if (!directoryUrl.isValid() || directoryUrl.host().isEmpty())
        return makeError(
            errors::AcmeInvalidSettings,
            QStringLiteral("the ACME directory URL '%1' is not a URL").arg(directoryUrl.toString()));
    // A CA is only ever spoken to over TLS; plain HTTP is for a stand-in on this machine.
    if (directoryUrl.scheme() != QLatin1String("https") &&
        !(directoryUrl.scheme() == QLatin1String("http") && onLoopback(directoryUrl)))
        return makeError(
            errors::AcmeInvalidSettings,
            QStringLiteral("the ACME directory URL must be https: %1").arg(directoryUrl.toString()));
    if (mode == ProviderMode::Sandbox && !onLoopback(directoryUrl))
        return makeError(errors::AcmeInvalidSettings,
                         QStringLiteral("the ACME sandbox is only a CA on this machine (loopback)"));
    return {};
}

ProviderCallSettings AcmeSettings::callSettings() const
{
    ProviderCallSettings s;
    s.apiBase = directoryUrl;
    s.mode = mode;
    s.timeoutMs = timeoutMs;
    s.maxRetries = 2;
    s.retryBaseDelayMs = retryBaseDelayMs;
    return s;
}

QString AcmeSettings::describe() const
{
    return QStringLiteral("ACME CA %1 (%2)")
        .arg(directoryUrl.toString(QUrl::RemoveUserInfo), providerModeName(mode));
}

} // namespace mp
