#include "namesilo/namesilo_settings.h"

#include "namesilo/namesilo_errors.h"

namespace mp {

NamesiloSettings NamesiloSettings::withEnvironment(NamesiloSettings settings)
{
    bool ok = false;
    const int timeout = qEnvironmentVariableIntValue("MPANEL_NAMESILO_TIMEOUT_MS", &ok);
    if (ok && timeout > 0)
        settings.timeoutMs = timeout;
    const int delay = qEnvironmentVariableIntValue("MPANEL_NAMESILO_RETRY_DELAY_MS", &ok);
    if (ok && delay >= 0)
        settings.retryBaseDelayMs = delay;
    return settings;
}

Status NamesiloSettings::validate() const
{
    const QString scheme = apiBase.scheme();
    if (!apiBase.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) ||
        apiBase.host().isEmpty())
        return makeError(errors::NamesiloInvalidSettings,
                         QStringLiteral("the API base must be an http:// or https:// URL"),
                         QStringLiteral("api_base"));
    if (apiKey.isEmpty())
        return makeError(errors::NamesiloInvalidSettings, QStringLiteral("the API key is empty"),
                         QStringLiteral("api_key"));
    return {};
}

ProviderCallSettings NamesiloSettings::callSettings() const
{
    ProviderCallSettings s;
    // The operation path replaces the base's: /api/<op> or /apibatch/<op>.
    s.apiBase = apiBase.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
    s.mode = mode;
    s.timeoutMs = timeoutMs;
    s.maxRetries = maxRetries;
    s.retryBaseDelayMs = retryBaseDelayMs;
    return s;
}

QString NamesiloSettings::operationPath(const QString &operation) const
{
    QString base = apiBase.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("/api");
    return base + (batch ? QStringLiteral("batch/") : QStringLiteral("/")) + operation;
}

QString NamesiloSettings::describe() const
{
    return QStringLiteral("Namesilo (%1)").arg(apiBase.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo));
}

} // namespace mp
