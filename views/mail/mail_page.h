#pragma once

#include <QWidget>

class QLabel;
class QStackedWidget;

namespace mp {

class ChangeFeed;
class ConsoleSession;
class LazyTableView;
class MailboxTableModel;
class MailDomainTableModel;

// The Email section: the tenant's mail domains (host, status, mailboxes against the plan, DKIM
// selector) and the mailboxes of the selected domain, both live through the change feed. Empty
// states say what fills them.
class MailPage : public QWidget {
    Q_OBJECT
public:
    MailPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    MailDomainTableModel *domains() const { return m_domains; }
    MailboxTableModel *mailboxes() const { return m_mailboxes; }
    bool showsEmptyState() const;

private:
    void updateEmptyStates();
    void showDomain();

    MailDomainTableModel *m_domains;
    MailboxTableModel *m_mailboxes;
    LazyTableView *m_domainView;
    LazyTableView *m_mailboxView;
    QStackedWidget *m_domainStack;
    QStackedWidget *m_mailboxStack;
    QLabel *m_domainEmpty;
    QLabel *m_mailboxEmpty;
    QLabel *m_domainTitle;
};

} // namespace mp
