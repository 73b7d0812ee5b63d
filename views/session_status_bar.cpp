#include "session_status_bar.h"

#include <QLabel>

namespace mp {

SessionStatusBar::SessionStatusBar(QWidget *parent)
    : QStatusBar(parent), m_connection(new QLabel(this)), m_tenant(new QLabel(this)),
      m_role(new QLabel(this)), m_providers(new QLabel(this))
{
    m_connection->setObjectName(QStringLiteral("connectionStatus"));
    m_tenant->setObjectName(QStringLiteral("tenantStatus"));
    m_role->setObjectName(QStringLiteral("roleStatus"));
    m_providers->setObjectName(QStringLiteral("providerStatus"));
    for (QLabel *label : {m_providers, m_connection, m_tenant, m_role}) {
        label->setContentsMargins(8, 0, 8, 0);
        label->setFrameShape(QFrame::StyledPanel);
        addPermanentWidget(label);
    }
    showSignedOut();
}

QString SessionStatusBar::roleTitle(StaffRole role)
{
    switch (role) {
    case StaffRole::Owner:
        return tr("Owner");
    case StaffRole::Admin:
        return tr("Admin");
    case StaffRole::Billing:
        return tr("Billing");
    case StaffRole::Support:
        return tr("Support");
    case StaffRole::ReadOnly:
        return tr("Read-only");
    }
    return {};
}

void SessionStatusBar::showActivity(const QString &text)
{
    showMessage(text);
}

void SessionStatusBar::showSignedIn(const SessionInfo &info)
{
    m_info = info;
    clearMessage();
    m_connection->setText(info.embedded ? tr("Connected: embedded database")
                                        : tr("Connected: %1").arg(info.serverDescription));
    m_connection->setToolTip(info.serverDescription);
    m_tenant->setText(tr("Tenant: %1").arg(info.tenantName));
    m_tenant->setToolTip(info.tenantId);
    m_role->setText(tr("Role: %1").arg(roleTitle(info.role)));
    m_tenant->show();
    m_role->show();
}

void SessionStatusBar::showConnectionLost()
{
    m_connection->setText(tr("Connection lost"));
}

void SessionStatusBar::showReconnecting(int attempt, int delayMs)
{
    m_connection->setText(tr("Reconnecting…"));
    showMessage(
        tr("Connection lost. Reconnect attempt %1 in %2 s.").arg(attempt).arg((delayMs + 999) / 1000));
}

void SessionStatusBar::showSignedOut()
{
    m_info = SessionInfo{};
    m_connection->setText(tr("Not signed in"));
    m_connection->setToolTip({});
    m_tenant->clear();
    m_role->clear();
    m_tenant->hide();
    m_role->hide();
    showProviders({}, {}, false);
}

void SessionStatusBar::showProviders(const QString &text, const QString &toolTip, bool sandbox)
{
    m_providers->setText(text);
    m_providers->setToolTip(toolTip);
    // Amber, as a warning light: what happens here does not reach real providers.
    m_providers->setStyleSheet(
        sandbox ? QStringLiteral("QLabel { background: #f6d77a; color: #3a2a00; border: 1px solid #b8901c; }")
                : QString());
    m_providers->setVisible(!text.isEmpty());
}

QString SessionStatusBar::providersText() const
{
    return m_providers->text();
}

QString SessionStatusBar::providersToolTip() const
{
    return m_providers->toolTip();
}

QString SessionStatusBar::connectionText() const
{
    return m_connection->text();
}

QString SessionStatusBar::tenantText() const
{
    return m_tenant->text();
}

QString SessionStatusBar::roleText() const
{
    return m_role->text();
}

} // namespace mp
