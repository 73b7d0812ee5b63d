#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QStackedWidget;

namespace mp {

class ChangeFeed;
class ConsoleSession;
class DomainTableModel;
class LazyTableView;

// The Domains section: the tenant's domains with status, expiry, registrar, name servers and
// linked zone, live through the change feed; "Expiring within 30 days" narrows the list. The
// status cell's tooltip gives the registrar's words of a failure. Empty states say what fills it.
class DomainsPage : public QWidget {
    Q_OBJECT
public:
    DomainsPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    DomainTableModel *domains() const { return m_domains; }
    QCheckBox *expiringFilter() const { return m_expiring; }
    bool showsEmptyState() const;

private:
    void updateEmptyState();

    DomainTableModel *m_domains;
    LazyTableView *m_view;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QCheckBox *m_expiring;
};

} // namespace mp
