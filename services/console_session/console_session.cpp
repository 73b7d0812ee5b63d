#include "console_session/console_session.h"

#include "console_session/run_async.h"
#include "console_session/session_errors.h"

#include <algorithm>

namespace mp {

ConsoleSession::ConsoleSession(QObject *parent) : QObject(parent), m_session(std::make_shared<StaffSession>())
{
    // One thread that never expires: the staff connection must stay on the thread that opened it.
    m_sessionThread.setMaxThreadCount(1);
    m_sessionThread.setExpiryTimeout(-1);
    m_sessionThread.setObjectName(QStringLiteral("mpanel-session"));

    m_pingTimer.setInterval(std::chrono::seconds(15));
    connect(&m_pingTimer, &QTimer::timeout, this, &ConsoleSession::checkConnection);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] { attemptReconnect(m_nextAttempt); });
}

ConsoleSession::~ConsoleSession()
{
    // Close on the connection's own thread, then wait: at most one connect timeout if the
    // server is unreachable while the console quits.
    closeOnSessionThread();
    m_sessionThread.waitForDone();
}

void ConsoleSession::closeOnSessionThread()
{
    m_sessionThread.start([session = m_session] { session->close(); });
}

void ConsoleSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void ConsoleSession::signIn(const ConnectionSettings &server, const QString &login, const QString &password,
                            bool embedded)
{
    const quint64 generation = ++m_generation;
    m_pingTimer.stop();
    m_reconnectTimer.stop();
    m_info = SessionInfo{};
    m_staffSettings = {};
    setState(State::SigningIn);
    runThenCallback(
        &m_sessionThread, this,
        [session = m_session, server, login, password, embedded] {
            return session->signIn(server, login, password, embedded);
        },
        [this, generation, server, login, password](const Result<SessionInfo> &result) {
            if (generation != m_generation)
                return;
            if (!result) {
                setState(State::SignedOut);
                Q_EMIT signInFailed(result.error());
                return;
            }
            m_info = result.value();
            m_staffSettings = server.withLogin(login, password);
            setState(State::SignedIn);
            m_pingTimer.start();
            Q_EMIT signedIn(m_info);
        });
}

void ConsoleSession::signOut()
{
    ++m_generation;
    m_pingTimer.stop();
    m_reconnectTimer.stop();
    m_pingInFlight = false;
    const bool wasSignedOut = m_state == State::SignedOut;
    m_info = SessionInfo{};
    m_staffSettings = {};
    closeOnSessionThread();
    setState(State::SignedOut);
    if (!wasSignedOut)
        Q_EMIT signedOut();
}

void ConsoleSession::checkConnection()
{
    if (m_state != State::SignedIn || m_pingInFlight)
        return;
    m_pingInFlight = true;
    const quint64 generation = m_generation;
    runThenCallback(
        &m_sessionThread, this, [session = m_session] { return session->ping(); },
        [this, generation](const Status &status) {
            if (generation != m_generation)
                return;
            m_pingInFlight = false;
            if (status || m_state != State::SignedIn)
                return;
            m_pingTimer.stop();
            setState(State::Reconnecting);
            Q_EMIT connectionLost(status.error());
            scheduleReconnect(1);
        });
}

std::chrono::milliseconds ConsoleSession::reconnectDelay(int attempt) const
{
    auto delay = m_firstDelay;
    for (int i = 1; i < attempt && delay < m_maxDelay; ++i)
        delay *= 2;
    return std::min(delay, m_maxDelay);
}

void ConsoleSession::scheduleReconnect(int attempt)
{
    m_nextAttempt = attempt;
    const auto delay = reconnectDelay(attempt);
    m_reconnectTimer.start(delay);
    Q_EMIT reconnecting(attempt, int(delay.count()));
}

void ConsoleSession::attemptReconnect(int attempt)
{
    const quint64 generation = m_generation;
    runThenCallback(
        &m_sessionThread, this, [session = m_session] { return session->reconnect(); },
        [this, generation, attempt](const Result<SessionInfo> &result) {
            if (generation != m_generation || m_state != State::Reconnecting)
                return;
            if (result) {
                m_info = result.value();
                setState(State::SignedIn);
                m_pingTimer.start();
                Q_EMIT reconnected(m_info);
                return;
            }
            const QString code = result.error().code;
            if (code == errors::AuthenticationFailed || code == errors::NotStaff) {
                ++m_generation;
                m_info = SessionInfo{};
                m_staffSettings = {};
                closeOnSessionThread();
                setState(State::SignedOut);
                Q_EMIT sessionEnded(result.error());
                return;
            }
            scheduleReconnect(attempt + 1);
        });
}

void ConsoleSession::setPingInterval(std::chrono::milliseconds interval)
{
    m_pingTimer.setInterval(interval);
}

void ConsoleSession::setReconnectBackoff(std::chrono::milliseconds first, std::chrono::milliseconds max)
{
    m_firstDelay = first;
    m_maxDelay = std::max(first, max);
}

} // namespace mp
