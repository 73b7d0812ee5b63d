#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace mp::monitoring {

// What an alert is about: a check or a node that is down (checkId / nodeId), or, with `kind` set,
// something else keyed by `key`: disk_full (the node id), slow_query (the queryid), job_failing
// (the job kind).
struct AlertSubject {
    QString checkId; // one of checkId / nodeId, unless kind is set
    QString nodeId;
    QString kind;
    QString key;
    QString customerId;
    QString name;
    QString target;
    QString message;
};

// The alert history (monitoring_alerts) and the domain events staff are told through. Flapping
// is damped twice: a check changes state only after its thresholds (check_state.h), and a check
// that opened kFlapLimit alerts within the last hour opens the next one marked flapping, without
// an event, until it settles.
class Alerts {
public:
    static constexpr int kFlapLimit = 3;

    // Opens the check's (or node's) alert unless one is open; announces monitoring.check_down
    // in the same transaction unless it is flapping.
    static Status open(const QSqlDatabase &db, const QString &tenantId, const AlertSubject &subject,
                       const QDateTime &now);
    // Closes the open alert, if any, and announces monitoring.check_up for it (not for a
    // flapping one).
    static Status close(const QSqlDatabase &db, const QString &tenantId, const AlertSubject &subject,
                        const QDateTime &now);
};

} // namespace mp::monitoring
