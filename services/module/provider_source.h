#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace mp {

class Config;
class TenantTransaction;

// One provider endpoint mPanel calls, and how real it is: "sandbox" (a provider emulator, no
// account configured), "test" (a provider's test mode), "live", or "off" (not set up at all).
// The decision is the provider's own rule (StripeSettings::fromConfig, a cluster's mode); a
// ProviderSource only reports it, for GET /api/system/providers and the console's status bar.
struct ProviderStatus {
    QString provider; // the source's key: "stripe" | "proxmox" | ...
    QString id;       // a cluster's or server's id; empty for a single account
    QString name;     // "Stripe" or the cluster's name
    QString mode;     // "off" | "sandbox" | "test" | "live"
    QString endpoint; // the API base mPanel calls; empty when off by a configuration error
    bool enabled = true;
    QString detail; // one sentence for people, e.g. "Stripe emulator: no real money moves"

    bool isSandbox() const { return mode == QLatin1String("sandbox"); }
    QJsonObject toJson() const;
};

// A provider a module talks to, declared with ModuleContext::provider. A single account (Stripe)
// has one status; a provider with many endpoints per tenant (Proxmox clusters, PowerDNS servers)
// lists them, and the overview sums them up as one mode.
struct ProviderSource {
    QString key;   // "stripe": the key in the overview's JSON and ProviderStatus::provider
    QString label; // "Stripe", "Proxmox": what the console's status bar writes
    bool single = true;
    QString listKey;  // for a list: the JSON key of its endpoints ("clusters")
    QString itemNoun; // for a list: one endpoint in words ("cluster")
    // Reads the provider's status for the tenant of `tx`, as the service's `config` sets it up.
    std::function<Result<QList<ProviderStatus>>(TenantTransaction &tx, const Config &config)> read;
};

} // namespace mp
