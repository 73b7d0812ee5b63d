#pragma once

#include <QWidget>

class QJsonObject;
class QLabel;
class QPushButton;
class QStackedWidget;

namespace mp {

class ChangeFeed;
class ConsoleSession;
class LazyTableView;
class MailAliasTableModel;
class MailboxTableModel;
class MailDomainTableModel;

// The Email section: the tenant's mail domains (host, status, mailboxes against the plan, DKIM
// selector, DNS health) and the mailboxes and aliases of the selected domain, live through the
// change feed. Empty states say what fills them. Its actions (check DNS; create, disable or
// enable, change the password of, delete a mailbox; create and delete aliases) run the REST
// API's service functions through commands (mail_commands.h); what they did, or why not, shows
// in the message line.
class MailPage : public QWidget {
    Q_OBJECT
public:
    MailPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    MailDomainTableModel *domains() const { return m_domains; }
    MailboxTableModel *mailboxes() const { return m_mailboxes; }
    MailAliasTableModel *aliases() const { return m_aliases; }
    bool showsEmptyState() const;
    QString message() const;
    QString dnsHealthText() const;

    // The actions, on the selected domain / mailbox / alias (tests call them directly; the
    // buttons ask for their input first).
    void checkDns();
    void createMailbox(const QString &localPart, const QString &password);
    void setMailboxEnabled(bool enabled);
    void changePassword(const QString &password);
    void deleteMailbox();
    void createAlias(const QString &localPart, const QStringList &destinations);
    void deleteAlias();

    // How a stored DNS health (MailDnsHealth) reads to staff.
    static QString describeHealth(const QJsonObject &health);

Q_SIGNALS:
    void actionFinished(const QString &message);

private:
    void updateEmptyStates();
    void showDomain();
    QWidget *buildActions();
    QString selectedId(LazyTableView *view) const;
    void report(const QString &message);
    void askNewMailbox();
    void askPassword();
    void askNewAlias();

    MailDomainTableModel *m_domains;
    MailboxTableModel *m_mailboxes;
    MailAliasTableModel *m_aliases;
    LazyTableView *m_domainView;
    LazyTableView *m_mailboxView;
    LazyTableView *m_aliasView;
    QStackedWidget *m_domainStack;
    QStackedWidget *m_mailboxStack;
    QLabel *m_domainEmpty;
    QLabel *m_mailboxEmpty;
    QLabel *m_domainTitle;
    QLabel *m_health;
    QLabel *m_message;
    ConsoleSession *m_session;
};

} // namespace mp
