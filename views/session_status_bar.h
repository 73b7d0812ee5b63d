#pragma once

#include "console_session/staff_session.h"

#include <QStatusBar>

class QLabel;

namespace mp {

// The status bar: where the console is connected, which tenant and which role, and what the
// connection is doing (starting the database, signing in, reconnecting).
class SessionStatusBar : public QStatusBar {
    Q_OBJECT
public:
    explicit SessionStatusBar(QWidget *parent = nullptr);

    void showActivity(const QString &text);
    void showSignedIn(const SessionInfo &info);
    void showConnectionLost();
    void showReconnecting(int attempt, int delayMs);
    void showSignedOut();

    QString connectionText() const;
    QString tenantText() const;
    QString roleText() const;

    static QString roleTitle(StaffRole role);

private:
    QLabel *m_connection;
    QLabel *m_tenant;
    QLabel *m_role;
    SessionInfo m_info;
};

} // namespace mp
