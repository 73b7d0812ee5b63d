#include "proxmox/proxmox_blocking.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <optional>

namespace mp {

ProxmoxResult runProxmoxCall(const ProxmoxSettings &settings,
                             const std::function<ProxmoxCall *(ProxmoxClient &)> &call,
                             const std::function<bool()> &stopRequested, proxmox::ProxmoxError *details)
{
    QThread *thread = QThread::currentThread();
    const QCoreApplication *app = QCoreApplication::instance();
    if ((app && app->thread() == thread) || thread->loopLevel() > 0)
        return makeError(
            QStringLiteral("proxmox_blocking_not_allowed"),
            QStringLiteral("a blocking Proxmox call needs a worker thread outside any event loop"));

    QEventLoop loop; // first, so this thread has an event dispatcher before any object needs one
    ProxmoxClient client(settings);
    ProxmoxCall *job = call(client);
    if (!job)
        return makeError(QStringLiteral("proxmox_invalid_request"),
                         QStringLiteral("no Proxmox call was made"));
    job->setAutoDelete(false);

    std::optional<ProxmoxResult> result;
    QObject::connect(job, &ProxmoxCall::finished, &loop, [&](const ProxmoxResult &r) {
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
    if (details)
        *details = job->proxmoxError();
    return *result;
}

} // namespace mp
