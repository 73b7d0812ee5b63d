#include "jobs/job_context.h"

#include "core/clock.h"
#include "core/errors.h"
#include "jobs/job_errors.h"

#include <QThread>

namespace mp {

JobContext::JobContext(qint64 id, QString tenantId, QString kind, QJsonObject payload, int attempt,
                       int maxAttempts, Stop stop, ScopeOpener opener)
    : m_id(id), m_tenantId(std::move(tenantId)), m_kind(std::move(kind)), m_payload(std::move(payload)),
      m_attempt(attempt), m_maxAttempts(maxAttempts), m_stop(stop), m_opener(std::move(opener))
{
}

QDateTime JobContext::now() const
{
    return Clock::current().now();
}

void JobContext::log(const QString &line)
{
    LogEntry entry{now(), line};
    if (m_liveLog && m_liveLog(entry))
        return;
    m_log.append(std::move(entry));
}

Result<QSqlDatabase> JobContext::db()
{
    if (m_scopeOpen)
        return m_db;
    if (!m_opener)
        return makeError(errors::Internal, QStringLiteral("this job has no database"));
    auto db = m_opener();
    if (!db)
        return db.error();
    m_db = db.value();
    m_scopeOpen = true;
    return m_db;
}

bool JobContext::sleepFor(int ms) const
{
    // Wall-clock sleeping: a handler waiting on something real, not on the service clock.
    constexpr int step = 20;
    for (int slept = 0; slept < ms; slept += step) {
        if (stopRequested())
            return false;
        QThread::msleep(qMin(step, ms - slept));
    }
    return !stopRequested();
}

Error JobContext::cancelled()
{
    return makeError(errors::JobCancelled, QStringLiteral("stopped on a cancel request"));
}

Error JobContext::interrupted()
{
    return makeError(errors::JobInterrupted, QStringLiteral("interrupted by the service shutting down"));
}

Error JobContext::permanent(const QString &message)
{
    return makeError(errors::JobPermanent, message);
}

JobContext::Ending JobContext::endingOf(const Status &status)
{
    if (status)
        return Ending::Succeeded;
    const QString &code = status.error().code;
    if (code == errors::JobCancelled)
        return Ending::Cancelled;
    if (code == errors::JobInterrupted)
        return Ending::Interrupted;
    if (code == errors::JobPermanent)
        return Ending::Permanent;
    return Ending::RetryLater;
}

} // namespace mp
