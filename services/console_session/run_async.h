#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace mp {

// Runs `work` on `pool` and then `callback(result)` on `context`'s thread, but only while
// `context` lives: the watcher is its child, so a result arriving after the owner is gone is
// dropped instead of calling into a dead object (after KeePassXC's AsyncTask::runThenCallback and
// Qt Creator's onResultReady). `work` must not capture `context`: it may outlive it.
template<class Work, class Callback>
void runThenCallback(QThreadPool *pool, QObject *context, Work work, Callback callback)
{
    using R = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<R>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, callback = std::move(callback)]() mutable {
                         if constexpr (std::is_void_v<R>)
                             callback();
                         else
                             callback(watcher->result());
                         watcher->deleteLater();
                     });
    watcher->setFuture(QtConcurrent::run(pool, std::move(work)));
}

} // namespace mp
