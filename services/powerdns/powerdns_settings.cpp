#include "powerdns/powerdns_settings.h"

#include "powerdns/powerdns_errors.h"

#include <QRegularExpression>

namespace mp {

PowerDnsSettings PowerDnsSettings::withEnvironment(PowerDnsSettings settings)
{
    bool ok = false;
    const int timeout = qEnvironmentVariableIntValue("MPANEL_POWERDNS_TIMEOUT_MS", &ok);
    if (ok && timeout > 0)
        settings.timeoutMs = timeout;
    const int delay = qEnvironmentVariableIntValue("MPANEL_POWERDNS_RETRY_DELAY_MS", &ok);
    if (ok && delay >= 0)
        settings.retryBaseDelayMs = delay;
    return settings;
}

Status PowerDnsSettings::validate() const
{
    const QString scheme = apiBase.scheme();
    if (!apiBase.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        apiBase.host().isEmpty())
        return makeError(errors::PowerdnsInvalidSettings,
                         QStringLiteral("the API base must be an http:// or https:// URL"),
                         QStringLiteral("api_base"));
    if (apiKey.isEmpty())
        return makeError(errors::PowerdnsInvalidSettings, QStringLiteral("the API key is empty"),
                         QStringLiteral("api_key"));
    static const QRegularExpression serverPattern(QStringLiteral("^[A-Za-z0-9_.-]{1,63}$"));
    if (!serverPattern.match(serverId).hasMatch())
        return makeError(errors::PowerdnsInvalidSettings,
                         QStringLiteral("the server id is 1 to 63 letters, digits, _ . -"),
                         QStringLiteral("server_id"));
    return {};
}

ProviderCallSettings PowerDnsSettings::callSettings() const
{
    ProviderCallSettings s;
    s.apiBase = apiBase;
    s.mode = mode;
    s.timeoutMs = timeoutMs;
    s.maxRetries = maxRetries;
    s.retryBaseDelayMs = retryBaseDelayMs;
    return s;
}

QString PowerDnsSettings::describe() const
{
    return QStringLiteral("PowerDNS server '%1' (%2)").arg(name, apiBase.toString());
}

QString PowerDnsSettings::serverPath() const
{
    return QStringLiteral("/api/v1/servers/") + serverId;
}

} // namespace mp
