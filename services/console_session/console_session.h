#pragma once

#include "console_session/run_async.h"
#include "console_session/staff_session.h"
#include "core/result.h"
#include "db/connection_settings.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <chrono>
#include <memory>

namespace mp {

// The console's signed-in session, driven from the UI thread without ever blocking it.
//
// All of the session's database work (sign-in, ping, reconnect) runs on one dedicated thread
// that never expires: a QSqlDatabase belongs to the thread that opened it, so the staff
// connection is opened, pinged, reopened and closed there and nowhere else. Results come back
// to the UI thread as signals. Section modules that need data open their own connections with
// staffSettings() on their own worker threads.
//
// A QTimer pings the connection; when a ping fails the session says so, retries with
// exponential backoff, and announces the restored session. If the server refuses the
// credentials on a retry (password changed, account deactivated) the session ends.
class ConsoleSession : public QObject {
    Q_OBJECT
public:
    enum class State { SignedOut, SigningIn, SignedIn, Reconnecting };
    Q_ENUM(State)

    explicit ConsoleSession(QObject *parent = nullptr);
    ~ConsoleSession() override;

    void signIn(const ConnectionSettings &server, const QString &login, const QString &password,
                bool embedded = false);
    void signOut();
    // Pings now instead of waiting for the timer.
    void checkConnection();

    State state() const { return m_state; }
    const SessionInfo &info() const { return m_info; }
    // Where and as whom the signed-in staff member connects (includes the password).
    const ConnectionSettings &staffSettings() const { return m_staffSettings; }

    // Runs `work(StaffSession &)` on the session's thread, where the staff connection lives, and
    // `callback(result)` on `context`'s thread while `context` lives. Section models do all their
    // database work through here: one connection, never the UI thread.
    template<class Work, class Callback> void run(QObject *context, Work work, Callback callback)
    {
        runThenCallback(
            &m_sessionThread, context,
            [session = m_session, work = std::move(work)]() mutable { return work(*session); },
            std::move(callback));
    }

    void setPingInterval(std::chrono::milliseconds interval);
    void setReconnectBackoff(std::chrono::milliseconds first, std::chrono::milliseconds max);
    // The wait before reconnect attempt `attempt` (1-based): first, 2*first, 4*first, ... max.
    std::chrono::milliseconds reconnectDelay(int attempt) const;

Q_SIGNALS:
    void stateChanged(mp::ConsoleSession::State state);
    void signedIn(const mp::SessionInfo &info);
    void signInFailed(const mp::Error &error);
    void signedOut();
    void connectionLost(const mp::Error &error);
    // Reconnect attempt `attempt` starts in `delayMs` milliseconds.
    void reconnecting(int attempt, int delayMs);
    void reconnected(const mp::SessionInfo &info);
    // The server refused the session on reconnect; the person has to sign in again.
    void sessionEnded(const mp::Error &error);

private:
    void setState(State state);
    void scheduleReconnect(int attempt);
    void attemptReconnect(int attempt);
    void closeOnSessionThread();

    QThreadPool m_sessionThread;
    std::shared_ptr<StaffSession> m_session;
    QTimer m_pingTimer;
    QTimer m_reconnectTimer;
    State m_state = State::SignedOut;
    SessionInfo m_info;
    ConnectionSettings m_staffSettings;
    // Bumped on every sign-in and sign-out, so results of an older session are ignored.
    quint64 m_generation = 0;
    bool m_pingInFlight = false;
    int m_nextAttempt = 1;
    std::chrono::milliseconds m_firstDelay{1000};
    std::chrono::milliseconds m_maxDelay{30000};
};

} // namespace mp
