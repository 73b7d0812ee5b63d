#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QStringList>

namespace mp {
class JobContext;
}

namespace mp::guardian {

namespace kinds {
inline const QString syncFirewall = QStringLiteral("guardian.sync_firewall");
}

struct BlockElement {
    QString address; // an address or an IPv6 /64
    qint64 remainingS = 0;
};

// The nftables script that makes a host's firewall hold exactly the tenant's blocks in force:
// its own table, one set per address family (with timeouts, so an element leaves on time even
// if no job runs), and a base chain that drops what the sets hold. `nft -f` applies it as one
// transaction, and running it again changes nothing.
QString nftScript(const QString &tenantId, const QList<BlockElement> &blocks);

// Queues the firewall job of every host of the tenant (one pending per host).
Status queueFirewallSyncs(const QSqlDatabase &db, const QString &tenantId, const QDateTime &now);

// The firewall job (payload: host): renders the script from the blocks in force and, in the
// tenant's `nft` mode, runs `nft -f -` (in `record` mode it only records it); either way the
// exact script goes into guardian_firewall_runs.
Status syncFirewallJob(JobContext &ctx);

} // namespace mp::guardian
