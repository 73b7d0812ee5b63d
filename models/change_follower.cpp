#include "change_follower.h"

#include "console_session/change_feed.h"

namespace mp {

ChangeFollower::ChangeFollower(ChangeFeed *feed, const QStringList &channels, std::function<void()> reload,
                               QObject *parent)
    : QObject(parent), m_reload(std::move(reload))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, [this] { m_reload(); });
    if (!feed)
        return;
    connect(feed, &ChangeFeed::changed, this, [this, channels](const QString &channel) {
        if (channels.contains(channel) && !m_debounce.isActive())
            m_debounce.start();
    });
    connect(feed, &ChangeFeed::listening, this, [this] { m_debounce.start(); });
}

} // namespace mp
