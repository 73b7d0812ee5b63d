#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace mp {

class ChangeFeed;
class ConsoleSession;
class LazyTableView;
class MailSettingsForm;
class OutboxTableModel;

// The Notifications section: the outbox (every customer mail with its status, attempts and the
// relay's last error; Retry for one that failed) and, for owners and admins, the mail settings.
class NotificationsPage : public QWidget {
    Q_OBJECT
public:
    NotificationsPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    OutboxTableModel *model() const { return m_model; }
    LazyTableView *view() const { return m_view; }
    MailSettingsForm *settingsForm() const { return m_form; }
    QTabWidget *tabs() const { return m_tabs; }
    void setStatusFilter(const QString &status);

Q_SIGNALS:
    void retried(bool ok);

private:
    void retrySelected();
    void updateButtons();

    ConsoleSession *m_session;
    OutboxTableModel *m_model;
    LazyTableView *m_view;
    QComboBox *m_status;
    QPushButton *m_retry;
    QLabel *m_message;
    MailSettingsForm *m_form;
    QTabWidget *m_tabs;
};

} // namespace mp
