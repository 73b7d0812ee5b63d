#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace mp::monitoring {

// A job kind failing repeatedly: kLimit or more of its jobs failed (waiting to retry) or died
// within the last hour opens a job_failing alert for that kind; a quarter of an hour without a
// failure of that kind clears it. In the tenant's transaction (RLS keeps its own jobs).
class JobFailureAlerts {
public:
    static constexpr int kLimit = 3;
    static constexpr qint64 kQuietMinutes = 15;

    static Status judge(const QSqlDatabase &db, const QString &tenantId, const QDateTime &now);
};

} // namespace mp::monitoring
