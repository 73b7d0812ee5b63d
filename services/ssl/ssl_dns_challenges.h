#pragma once

#include "acme/acme_order.h"
#include "core/result.h"

#include <QDateTime>
#include <QList>

namespace mp {
class TenantTransaction;
}

namespace mp::ssl {

// DNS-01 through the DNS module: the TXT records at _acme-challenge.<name> go into the zone that
// holds the name (the tenant's, in mPanel) as record sets the certificate owns, so the zone's
// own sync job puts them on PowerDNS; before the CA is asked to look, every authoritative server
// (each enabled DNS server with a DNS address) is asked directly whether it serves them; once the
// order is done or given up, the records go again.
class SslDnsChallenges {
public:
    // Queues the TXT record sets of `tasks` (one set per name: a wildcard and its base name share
    // one). dns_no_zone-like refusals come back as acme_challenge_failed with a readable message.
    static Status publish(TenantTransaction &tx, const QString &certificateId,
                          const QList<AcmeChallengeTask> &tasks, const QDateTime &now);
    // "" when every server answers every value; else which server lacks which name (not yet
    // served, or a server that does not answer).
    static QString notYetServed(TenantTransaction &tx, const QList<AcmeChallengeTask> &tasks);
    // Removes what publish() put in (nothing: fine).
    static Status cleanUp(TenantTransaction &tx, const QString &certificateId, const QDateTime &now);
};

} // namespace mp::ssl
