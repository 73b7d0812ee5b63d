#pragma once

#include "core/result.h"
#include "stripe/stripe_settings.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::providers {

// One provider mPanel calls, and how real it is: "sandbox" (a provider emulator, no account
// configured), "test" (a provider's test mode), "live", or "off" (not set up at all). The
// decision is the provider's own rule (StripeSettings::fromConfig, cloudpods::cluster_mode);
// this only gathers the answers for the API and the console.
struct ProviderStatus {
    QString provider; // "stripe" | "proxmox"
    QString id;       // a cluster's id; empty for Stripe
    QString name;     // "Stripe" or the cluster's name
    QString mode;     // "off" | "sandbox" | "test" | "live"
    QString endpoint; // the API base mPanel calls; empty when off by a configuration error
    bool enabled = true;
    QString detail; // one sentence for people, e.g. "Stripe emulator: no real money moves"

    bool isSandbox() const { return mode == QLatin1String("sandbox"); }
    QJsonObject toJson() const;
};

struct ProviderOverview {
    ProviderStatus stripe;
    QList<ProviderStatus> proxmox; // every cluster of the tenant, by name

    // The enabled clusters' mode when they agree, "mixed" when they do not, "none" without any.
    QString proxmoxMode() const;
    QJsonObject toJson() const;
};

class Providers {
public:
    // Stripe as `settings` configure it; a configuration error is "off" with the error as detail.
    static ProviderStatus stripe(const Result<StripeSettings> &settings);
    // Stripe and the tenant's Proxmox clusters.
    static Result<ProviderOverview> overview(TenantTransaction &tx, const Result<StripeSettings> &stripe);
};

} // namespace mp::providers
