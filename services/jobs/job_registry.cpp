#include "jobs/job_registry.h"

#include "jobs/builtin_jobs.h"
#include "subscriptions/subscription_jobs.h"

#include <algorithm>

namespace mp {

JobRegistry &JobRegistry::global()
{
    static JobRegistry *registry = [] {
        auto *r = new JobRegistry; // never destroyed: worker threads may outlive static teardown
        registerBuiltinJobs(*r);
        subscriptions::registerSubscriptionJobs(*r);
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

} // namespace mp
