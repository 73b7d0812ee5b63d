#include "customer_mail_part.h"

#include "common/lazy_table_view.h"
#include "mail_channels.h"
#include "mail_domain_table_model.h"

#include <QGroupBox>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

CustomerMailPart::CustomerMailPart(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : DetailPart(parent), m_domains(new MailDomainTableModel(session, this)),
      m_view(new LazyTableView(m_domains, this))
{
    m_domains->setChangeFeed(feed, {channels::mail});
    // The page is the customer's: their name in every row says nothing.
    m_view->table()->setColumnHidden(MailDomainTableModel::Customer, true);
    m_view->table()->setColumnHidden(MailDomainTableModel::Dkim, true);
    auto *box = new QGroupBox(tr("Email"), this);
    (new QVBoxLayout(box))->addWidget(m_view);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);
}

void CustomerMailPart::showRecord(const QString &customerId)
{
    m_domains->setCustomer(customerId);
}

} // namespace mp
