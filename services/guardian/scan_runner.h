#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

namespace mp {
class JobContext;
class TenantTransaction;
} // namespace mp

namespace mp::guardian {

namespace kinds {
inline const QString scan = QStringLiteral("guardian.scan");
inline const QString schedule = QStringLiteral("guardian.schedule");
} // namespace kinds

struct ScanRequest {
    QString host;          // only this host's sources (with no source ids: all of them)
    QStringList sourceIds; // empty: every enabled source (of `host`, if given)
    QDateTime from, to;    // both or neither: read the sources whole, keep events inside
    QString origin = QStringLiteral("requested");
    QString requestedBy;
};

class Scans {
public:
    // Records the scan and queues its job, in the caller's transaction.
    static Result<QJsonObject> queue(const QSqlDatabase &db, const QString &tenantId,
                                     const ScanRequest &request, const QDateTime &now);
    static Result<QJsonArray> list(const QSqlDatabase &db, int limit);
    static Result<QJsonObject> find(const QSqlDatabase &db, const QString &id);
    // Runs a queued scan to `completed` or `failed` (with a reason); a scan that has run already
    // is left as it is.
    static Status run(TenantTransaction &tx, const QString &scanId, const QDateTime &now);
};

// guardian.scan (payload: scan_id).
Status scanJob(JobContext &ctx);
// guardian.schedule, every minute per tenant: lifts expired blocks (and refreshes the hosts'
// firewalls when one was), then reads what every enabled source gained since the last read.
Status scheduleJob(JobContext &ctx);

} // namespace mp::guardian
