#include "providers/provider_overview.h"

#include "cloudpods/cluster_mode.h"
#include "cloudpods/proxmox_clusters.h"

#include <QJsonArray>

namespace mp::providers {

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

ProviderStatus clusterStatus(const QJsonObject &cluster)
{
    ProviderStatus s;
    s.provider = QStringLiteral("proxmox");
    s.id = cluster.value(QStringLiteral("id")).toString();
    s.name = cluster.value(QStringLiteral("name")).toString();
    s.mode = cluster.value(QStringLiteral("mode")).toString();
    s.endpoint = cluster.value(QStringLiteral("api_base")).toString();
    s.enabled = cluster.value(QStringLiteral("enabled")).toBool();
    s.detail = s.mode == cloudpods::cluster_mode::sandbox
                   ? QStringLiteral("Proxmox VE emulator: no real machines")
                   : QStringLiteral("a Proxmox VE cluster: real guests");
    return s;
}

} // namespace

QJsonObject ProviderStatus::toJson() const
{
    QJsonObject o{{QStringLiteral("provider"), provider}, {QStringLiteral("name"), name},
                  {QStringLiteral("mode"), mode},         {QStringLiteral("endpoint"), endpoint},
                  {QStringLiteral("enabled"), enabled},   {QStringLiteral("detail"), detail}};
    if (!id.isEmpty())
        o.insert(QStringLiteral("id"), id);
    return o;
}

QString ProviderOverview::proxmoxMode() const
{
    QString mode;
    for (const ProviderStatus &cluster : proxmox) {
        if (!cluster.enabled)
            continue;
        if (mode.isEmpty())
            mode = cluster.mode;
        else if (mode != cluster.mode)
            return QStringLiteral("mixed");
    }
    return mode.isEmpty() ? QStringLiteral("none") : mode;
}

QJsonObject ProviderOverview::toJson() const
{
    QJsonArray clusters;
    for (const ProviderStatus &cluster : proxmox)
        clusters.append(cluster.toJson());
    return {{QStringLiteral("stripe"), stripe.toJson()},
            {QStringLiteral("proxmox"),
             QJsonObject{{QStringLiteral("mode"), proxmoxMode()}, {QStringLiteral("clusters"), clusters}}}};
}

ProviderStatus Providers::stripe(const Result<StripeSettings> &settings)
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

Result<ProviderOverview> Providers::overview(TenantTransaction &tx,
                                             const Result<StripeSettings> &stripeSettings)
{
    auto clusters = cloudpods::ProxmoxClusters::list(tx);
    if (!clusters)
        return clusters.error();
    ProviderOverview overview;
    overview.stripe = stripe(stripeSettings);
    for (const QJsonObject &cluster : std::as_const(*clusters))
        overview.proxmox.append(clusterStatus(cluster));
    return overview;
}

} // namespace mp::providers
