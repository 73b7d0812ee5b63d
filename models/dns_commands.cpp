#include "dns_commands.h"

#include "core/clock.h"

namespace mp::commands {

void changeDnsRecords(ConsoleSession *session, QObject *context, const QString &zoneId,
                      const QList<dns::RecordChange> &changes, Reply<dns::Queued> reply)
{
    runStaffWrite<dns::Queued>(
        session, context, StaffAction::ManageDns,
        [zoneId, changes](TenantTransaction &tx, const SessionInfo &staff) -> Result<dns::Queued> {
            auto zone = dns::DnsZones::findById(tx.db(), zoneId);
            if (!zone)
                return zone.error();
            return dns::DnsZones::change(tx, *zone, changes, staffActor(staff), Clock::current().now());
        },
        std::move(reply));
}

} // namespace mp::commands
