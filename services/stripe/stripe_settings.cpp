#include "stripe/stripe_settings.h"

#include "stripe/stripe_signature.h"

namespace mp {

ProviderCallSettings StripeSettings::callSettings() const
{
    return {apiBase, mode, timeoutMs, maxRetries, retryBaseDelayMs, retryMaxDelayMs, true};
}

QString StripeSettings::requestKey() const
{
    return secretKey.isEmpty() && isSandbox() ? kSandboxKey : secretKey;
}

bool StripeSettings::isStripeHost(const QUrl &url)
{
    const QString host = url.host().toLower();
    return host == QLatin1String("stripe.com") || host.endsWith(QLatin1String(".stripe.com"));
}

Result<StripeSettings> StripeSettings::fromConfig(const Config &config)
{
    StripeSettings s;
    const QString keyName = QStringLiteral("MPANEL_STRIPE_SECRET_KEY");
    const QString baseName = QStringLiteral("MPANEL_STRIPE_API_BASE");
    s.secretKey = config.value(keyName).trimmed();
    if (s.secretKey.isEmpty())
        s.mode = Mode::Off; // Sandbox once the API base is known to be an emulator, below
    else if (s.secretKey.startsWith(QLatin1String("sk_live_")) ||
             s.secretKey.startsWith(QLatin1String("rk_live_")))
        s.mode = Mode::Live;
    else if (s.secretKey.startsWith(QLatin1String("sk_test_")) ||
             s.secretKey.startsWith(QLatin1String("rk_test_")))
        s.mode = Mode::Test;
    else // the message must not echo the value: it is a secret
        return makeError(
            QStringLiteral("config_invalid"),
            QStringLiteral("%1 must be a Stripe secret key (sk_live_..., sk_test_..., rk_...)").arg(keyName),
            keyName);

    const QString base = config.value(baseName).trimmed();
    if (!base.isEmpty()) {
        const QUrl url(base, QUrl::StrictMode);
        const bool web = url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http");
        if (!url.isValid() || !web || url.host().isEmpty() || url.hasQuery())
            return makeError(
                QStringLiteral("config_invalid"),
                QStringLiteral("%1 must be an http(s) URL such as https://api.stripe.com, got '%2'")
                    .arg(baseName, base),
                baseName);
        s.apiBase = url;
    }
    if (s.secretKey.isEmpty() && !isStripeHost(s.apiBase))
        s.mode = Mode::Sandbox;
    if (s.mode == Mode::Live && s.apiBase.scheme() != QLatin1String("https"))
        return makeError(QStringLiteral("config_invalid"),
                         QStringLiteral("a live Stripe key is only sent over https; %1 is %2")
                             .arg(baseName, s.apiBase.toString()),
                         baseName);
    s.webhookSecrets =
        stripe::parseWebhookSecrets(config.value(QStringLiteral("MPANEL_STRIPE_WEBHOOK_SECRET")));
    return s;
}

} // namespace mp
