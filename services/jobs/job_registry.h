#pragma once

#include "jobs/job_context.h"
#include "jobs/job_schedule.h"

#include <QHash>
#include <QReadWriteLock>
#include <QStringList>

namespace mp {

// Which handler runs each job kind, and which jobs run on a schedule. The engine's own kinds are
// in from the start (registerBuiltinJobs); modules add theirs when they are initialised
// (ModuleContext::jobKind, ::schedule), so the engine names no module. Tests may add test-only
// kinds or use a private registry. A job whose kind has no handler ends dead with a message.
class JobRegistry {
public:
    static JobRegistry &global();

    void add(const QString &kind, JobHandler handler);
    // A copy, so a handler can run while another thread registers kinds.
    JobHandler find(const QString &kind) const;
    bool contains(const QString &kind) const;
    QStringList kinds() const;

    // A schedule whose name is taken is refused (false): a module initialised twice adds nothing.
    bool addSchedule(const JobSchedule &schedule);
    QList<JobSchedule> schedules() const;

private:
    mutable QReadWriteLock m_lock;
    QHash<QString, JobHandler> m_handlers;
    QList<JobSchedule> m_schedules;
};

} // namespace mp
