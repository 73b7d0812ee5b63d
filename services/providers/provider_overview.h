#pragma once

#include "core/result.h"
#include "module/provider_source.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace mp {
class Config;
class TenantTransaction;
} // namespace mp

namespace mp::providers {

using ProviderStatus = mp::ProviderStatus;

// What one declared provider (ProviderSource) answers for a tenant.
struct ProviderGroup {
    QString key;   // "stripe"
    QString label; // "Stripe"
    bool single = true;
    QString listKey;  // "clusters" for a list
    QString itemNoun; // "cluster"
    QList<ProviderStatus> statuses;

    // A single provider's mode; for a list, the enabled endpoints' mode when they agree, "mixed"
    // when they do not, "none" without any.
    QString mode() const;
    // A single provider: its status. A list: {"mode": ..., "<listKey>": [...]}.
    QJsonValue toJson() const;
};

// Every provider the declared modules call, in declaration order: Stripe from payments, the
// Proxmox clusters from CloudPods, and each new module's provider once it declares one.
struct ProviderOverview {
    QList<ProviderGroup> groups;

    const ProviderGroup *find(const QString &key) const;
    // The single status of `key` (Stripe), or an "off" status naming it when none is declared.
    ProviderStatus single(const QString &key) const;
    QJsonObject toJson() const;
};

class Providers {
public:
    // Asks every declared ProviderSource, for the tenant of `tx`, as `config` sets the process up.
    static Result<ProviderOverview> overview(TenantTransaction &tx, const Config &config);
};

} // namespace mp::providers
