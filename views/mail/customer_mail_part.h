#pragma once

#include "console_section.h"

namespace mp {

class ChangeFeed;
class ConsoleSession;
class LazyTableView;
class MailDomainTableModel;

// The customer detail's Email box: the customer's mail domains with their host, status,
// mailboxes against the plan and DNS health, live through the change feed.
class CustomerMailPart : public DetailPart {
    Q_OBJECT
public:
    CustomerMailPart(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    void showRecord(const QString &customerId) override;
    MailDomainTableModel *domains() const { return m_domains; }

private:
    MailDomainTableModel *m_domains;
    LazyTableView *m_view;
};

} // namespace mp
