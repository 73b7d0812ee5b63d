#pragma once

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace mp {

class ChangeFeed;

// Keeps something that shows one record (a detail dialog, a detail pane) as fresh as the tables
// beside it: `reload` runs once, 250 ms after a burst of changes on any of `channels`, and
// again whenever the feed listens anew (changes may have been missed meanwhile). Lives as long
// as its parent, so a closed dialog stops following.
class ChangeFollower : public QObject {
    Q_OBJECT
public:
    ChangeFollower(ChangeFeed *feed, const QStringList &channels, std::function<void()> reload,
                   QObject *parent);

    void setDelay(int milliseconds) { m_debounce.setInterval(milliseconds); }

private:
    QTimer m_debounce;
    std::function<void()> m_reload;
};

} // namespace mp
