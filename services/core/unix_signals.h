#pragma once

#include <QObject>

class QSocketNotifier;

namespace mp {

// Turns SIGTERM / SIGINT into a queued Qt signal (self-pipe), so shutdown runs on the event
// loop between requests instead of inside an async-signal context.
class UnixSignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace mp
