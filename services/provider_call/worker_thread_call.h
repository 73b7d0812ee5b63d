#pragma once

#include "core/result.h"
#include "provider_call/provider_call.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <functional>
#include <optional>
#include <type_traits>

namespace mp {

// Makes one provider call from a job-engine worker (a plain thread whose handler returns a
// Status) and waits for it. `Client` is built on the calling thread with `settings`, and that
// thread's only event loop runs until the job finishes. `Job` is a provider's ProviderCall
// (setAutoDelete(), isFinished(), abort()) with its typed finished(ResultT) and result().
//
// Refused with `<provider>_blocking_not_allowed` on the application's main thread and on any
// thread already inside an event loop: there it would be a nested event loop. `stopRequested`,
// polled every 100 ms, aborts the call (a job's cancel or the service's shutdown). `inspect`
// sees the finished job before it is destroyed, to copy provider-specific error details.
template<class Client, class Job, class Settings>
requires std::is_base_of_v<ProviderCall, Job>
auto runOnWorkerThread(const QString &provider, const QString &providerName, const Settings &settings,
                       const std::function<Job *(Client &)> &call, const std::function<bool()> &stopRequested,
                       const QString &noCallCode, const std::function<void(const Job &)> &inspect)
    -> std::decay_t<decltype(std::declval<Job &>().result())>
{
    QThread *thread = QThread::currentThread();
    const QCoreApplication *app = QCoreApplication::instance();
    if ((app && app->thread() == thread) || thread->loopLevel() > 0)
        return makeError(provider + QStringLiteral("_blocking_not_allowed"),
                         QStringLiteral("a blocking %1 call needs a worker thread outside any event loop")
                             .arg(providerName));

    QEventLoop loop; // first, so this thread has an event dispatcher before any object needs one
    Client client(settings);
    Job *job = call(client);
    if (!job)
        return makeError(noCallCode, QStringLiteral("no %1 call was made").arg(providerName));
    job->setAutoDelete(false);

    using ResultT = std::decay_t<decltype(job->result())>;
    std::optional<ResultT> result;
    QObject::connect(job, &Job::finished, &loop, [&](const ResultT &r) {
        result = r;
        loop.quit();
    });
    QTimer poll;
    if (stopRequested) {
        QObject::connect(&poll, &QTimer::timeout, job, [&] {
            if (stopRequested())
                job->abort();
        });
        poll.start(100);
    }
    if (!job->isFinished())
        loop.exec();
    if (!result)
        result = job->result();
    if (inspect)
        inspect(*job);
    return *result;
}

} // namespace mp
