#pragma once

#include "jobs/job_context.h"

#include <QHash>
#include <QReadWriteLock>
#include <QStringList>

namespace mp {

// Which handler runs each job kind. Modules register their kinds in the global registry
// (registerBuiltinJobs() adds the engine's own); tests may add test-only kinds or use a private
// registry. A job whose kind has no handler ends dead with a message saying so.
class JobRegistry {
public:
    static JobRegistry &global();

    void add(const QString &kind, JobHandler handler);
    // A copy, so a handler can run while another thread registers kinds.
    JobHandler find(const QString &kind) const;
    bool contains(const QString &kind) const;
    QStringList kinds() const;

private:
    mutable QReadWriteLock m_lock;
    QHash<QString, JobHandler> m_handlers;
};

} // namespace mp
