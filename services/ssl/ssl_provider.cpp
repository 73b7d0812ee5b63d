#include "ssl/ssl_provider.h"

#include "acme/acme_settings.h"

namespace mp::ssl {

namespace {

QString detailFor(ProviderMode mode)
{
    switch (mode) {
    case ProviderMode::Sandbox:
        return QStringLiteral("a test CA on this machine (Pebble): certificates no browser trusts");
    case ProviderMode::Test:
        return QStringLiteral("Let's Encrypt staging: test certificates no browser trusts");
    case ProviderMode::Off:
    case ProviderMode::Live:
        break;
    }
    return QStringLiteral("an ACME CA: real certificates");
}

} // namespace

ProviderSource acmeProviderSource()
{
    ProviderSource source;
    source.key = QStringLiteral("acme");
    source.label = QStringLiteral("ACME");
    source.single = true;
    source.read = [](TenantTransaction &, const Config &config) -> Result<QList<ProviderStatus>> {
        ProviderStatus s;
        s.provider = QStringLiteral("acme");
        s.name = QStringLiteral("ACME CA");
        auto settings = AcmeSettings::fromConfig(config);
        if (!settings) {
            s.mode = QStringLiteral("off");
            s.enabled = false;
            s.detail = QStringLiteral("certificates are not issued: %1").arg(settings.error().message);
        } else {
            s.mode = providerModeName(settings->mode);
            s.endpoint = settings->directoryUrl.toString(QUrl::RemoveUserInfo);
            s.detail = detailFor(settings->mode);
        }
        return QList<ProviderStatus>{s};
    };
    return source;
}

} // namespace mp::ssl
