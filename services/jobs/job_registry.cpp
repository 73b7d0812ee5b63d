#include "jobs/job_registry.h"

#include "jobs/builtin_jobs.h"

#include <algorithm>

namespace mp {

JobRegistry &JobRegistry::global()
{
    static JobRegistry *registry = [] {
        auto *r = new JobRegistry; // never destroyed: worker threads may outlive static teardown
        registerBuiltinJobs(*r);
        return r;
    }();
    return *registry;
}

void JobRegistry::add(const QString &kind, JobHandler handler)
{
    QWriteLocker lock(&m_lock);
    m_handlers.insert(kind, std::move(handler));
}

JobHandler JobRegistry::find(const QString &kind) const
{
    QReadLocker lock(&m_lock);
    return m_handlers.value(kind);
}

bool JobRegistry::contains(const QString &kind) const
{
    QReadLocker lock(&m_lock);
    return m_handlers.contains(kind);
}

QStringList JobRegistry::kinds() const
{
    QReadLocker lock(&m_lock);
    QStringList kinds = m_handlers.keys();
    std::sort(kinds.begin(), kinds.end());
    return kinds;
}

bool JobRegistry::addSchedule(const JobSchedule &schedule)
{
    QWriteLocker lock(&m_lock);
    for (const JobSchedule &s : std::as_const(m_schedules)) {
        if (s.name == schedule.name)
            return false;
    }
    m_schedules.append(schedule);
    return true;
}

QList<JobSchedule> JobRegistry::schedules() const
{
    QReadLocker lock(&m_lock);
    return m_schedules;
}

} // namespace mp
