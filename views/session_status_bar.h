#pragma once

#include "console_session/staff_session.h"

#include <QStatusBar>

class QLabel;

namespace mp {

// The status bar: where the console is connected, which tenant and which role, whether the
// providers are the sandbox's emulators, test or live, and what the connection is doing
// (starting the database, signing in, reconnecting).
class SessionStatusBar : public QStatusBar {
    Q_OBJECT
public:
    explicit SessionStatusBar(QWidget *parent = nullptr);

    void showActivity(const QString &text);
    void showSignedIn(const SessionInfo &info);
    void showConnectionLost();
    void showReconnecting(int attempt, int delayMs);
    void showSignedOut();
    // The providers' modes ("Stripe: sandbox · Proxmox: sandbox"); `sandbox` marks the label so
    // nobody takes the emulators for real providers. An empty text hides it.
    void showProviders(const QString &text, const QString &toolTip, bool sandbox);

    QString connectionText() const;
    QString tenantText() const;
    QString roleText() const;
    QString providersText() const;
    QString providersToolTip() const;

    static QString roleTitle(StaffRole role);

private:
    QLabel *m_connection;
    QLabel *m_tenant;
    QLabel *m_role;
    QLabel *m_providers;
    SessionInfo m_info;
};

} // namespace mp
