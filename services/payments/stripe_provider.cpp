#include "payments/stripe_provider.h"

namespace mp::payments {

namespace {

QString stripeDetail(StripeSettings::Mode mode)
{
    switch (mode) {
    case StripeSettings::Mode::Off:
        return QStringLiteral("online payment is not set up: no Stripe key and no emulator");
    case StripeSettings::Mode::Sandbox:
        return QStringLiteral("Stripe emulator, no Stripe account: no real money moves");
    case StripeSettings::Mode::Test:
        return QStringLiteral("a Stripe test-mode key: test cards only, no real money moves");
    case StripeSettings::Mode::Live:
        return QStringLiteral("a Stripe live key: real payments");
    }
    return {};
}

} // namespace

ProviderStatus stripeStatus(const Result<StripeSettings> &settings)
{
    ProviderStatus s;
    s.provider = QStringLiteral("stripe");
    s.name = QStringLiteral("Stripe");
    if (!settings) {
        // The message names the setting and never echoes a secret (StripeSettings::fromConfig).
        s.mode = QStringLiteral("off");
        s.enabled = false;
        s.detail = QStringLiteral("online payment is off: %1").arg(settings.error().message);
        return s;
    }
    s.mode = settings->modeName();
    s.enabled = settings->canCall();
    s.endpoint = settings->apiBase.toString();
    s.detail = stripeDetail(settings->mode);
    return s;
}

ProviderSource stripeProviderSource()
{
    ProviderSource source;
    source.key = QStringLiteral("stripe");
    source.label = QStringLiteral("Stripe");
    source.single = true;
    source.read = [](TenantTransaction &, const Config &config) -> Result<QList<ProviderStatus>> {
        return QList<ProviderStatus>{stripeStatus(StripeSettings::fromConfig(config))};
    };
    return source;
}

} // namespace mp::payments
