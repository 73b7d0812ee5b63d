#pragma once

#include "dns/dns_record_rules.h"
#include "dns/dns_zones.h"
#include "staff_command.h"

namespace mp::commands {

// The DNS section's inline record edit: the same checks and queued sync as
// PATCH /api/dns/zones/{name}/records (contract in staff_command.h), as manage_dns.
void changeDnsRecords(ConsoleSession *session, QObject *context, const QString &zoneId,
                      const QList<dns::RecordChange> &changes, Reply<dns::Queued> reply);

} // namespace mp::commands
