#include "console_session/change_feed.h"

#include "console_session/change_listener.h"

namespace mp {

ChangeFeed::ChangeFeed(QObject *parent) : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("mpanel-change-feed"));
}

ChangeFeed::~ChangeFeed()
{
    stop();
}

void ChangeFeed::start(const ConnectionSettings &staff, const QString &tenantId, const QStringList &channels)
{
    stop();
    auto *listener = new ChangeListener(staff, tenantId, channels);
    listener->moveToThread(&m_thread);
    // The listener's signals cross threads: queued onto this object's (the UI) thread.
    connect(listener, &ChangeListener::changed, this, &ChangeFeed::changed);
    connect(listener, &ChangeListener::listening, this, &ChangeFeed::listening);
    connect(listener, &ChangeListener::failed, this, &ChangeFeed::failed);
    connect(&m_thread, &QThread::finished, listener, &QObject::deleteLater);
    m_listener = listener;
    m_thread.start();
    QMetaObject::invokeMethod(listener, &ChangeListener::open, Qt::QueuedConnection);
}

void ChangeFeed::stop()
{
    if (!m_thread.isRunning())
        return;
    if (m_listener) {
        // The connection belongs to the feed's thread: close it there before the loop ends.
        QMetaObject::invokeMethod(m_listener, &ChangeListener::close, Qt::BlockingQueuedConnection);
    }
    m_thread.quit();
    m_thread.wait();
    m_listener = nullptr;
}

} // namespace mp
