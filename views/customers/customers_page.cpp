#include "customers_page.h"

#include "billing/invoice_detail_dialog.h"
#include "common/lazy_table_view.h"
#include "console_session/change_feed.h"
#include "customer_commands.h"
#include "customer_detail_page.h"
#include "customer_dialog.h"
#include "customer_table_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace mp {

CustomersPage::CustomersPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_session(session), m_feed(feed), m_customers(new CustomerTableModel(session, this)),
      m_view(new LazyTableView(m_customers, this)), m_detail(new CustomerDetailPage(session, feed, this)),
      m_stack(new QStackedWidget(this)), m_search(new QLineEdit(this)), m_status(new QComboBox(this))
{
    setObjectName(QStringLiteral("customersPage"));
    m_customers->setChangeFeed(feed, {channels::customers});
    m_search->setPlaceholderText(tr("Search name, e-mail or company…"));
    m_search->setClearButtonEnabled(true);
    m_status->addItem(tr("Any status"), QString());
    for (const QString &s : {QStringLiteral("active"), QStringLiteral("suspended"), QStringLiteral("closed")})
        m_status->addItem(CustomerTableModel::statusTitle(s), s);
    auto *add = new QPushButton(tr("&New customer…"), this);
    auto *open = new QPushButton(tr("&Open"), this);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_status);
    filters->addWidget(add);
    filters->addWidget(open);
    QHeaderView *header = m_view->table()->horizontalHeader();
    header->resizeSection(CustomerTableModel::Name, 180);
    header->resizeSection(CustomerTableModel::Email, 220);
    header->resizeSection(CustomerTableModel::Company, 160);
    header->resizeSection(CustomerTableModel::Country, 70);

    auto *list = new QWidget(this);
    auto *listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(new QLabel(tr("<h2>Customers</h2>"), list));
    listLayout->addLayout(filters);
    listLayout->addWidget(m_view, 1);
    m_stack->addWidget(list);
    m_stack->addWidget(m_detail);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    auto *typing = new QTimer(this);
    typing->setSingleShot(true);
    typing->setInterval(200);
    connect(typing, &QTimer::timeout, this, &CustomersPage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, typing, qOverload<>(&QTimer::start));
    connect(m_status, &QComboBox::currentIndexChanged, this, &CustomersPage::applyFilter);
    connect(add, &QPushButton::clicked, this, &CustomersPage::newCustomer);
    connect(open, &QPushButton::clicked, this, [this] {
        if (const QString id = m_view->currentId(); !id.isEmpty())
            showCustomer(id);
    });
    connect(m_view, &LazyTableView::activated, this, &CustomersPage::showCustomer);
    connect(m_detail, &CustomerDetailPage::backRequested, this, &CustomersPage::showList);
    connect(m_detail, &CustomerDetailPage::editRequested, this, &CustomersPage::editCustomer);
    connect(m_detail, &CustomerDetailPage::invoiceActivated, this, [this](const QString &invoiceId) {
        auto *dialog = new InvoiceDetailDialog(m_session, invoiceId, this);
        dialog->followChanges(m_feed);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        Q_EMIT invoiceActivated(invoiceId);
    });
    m_customers->refresh();
}

void CustomersPage::applyFilter()
{
    customers::CustomerFilter filter;
    filter.search = m_search->text().trimmed();
    filter.status = m_status->currentData().toString();
    m_customers->setFilter(filter);
}

void CustomersPage::showCustomer(const QString &id)
{
    m_detail->showCustomer(id);
    m_stack->setCurrentWidget(m_detail);
}

void CustomersPage::showList()
{
    m_stack->setCurrentIndex(0);
}

void CustomersPage::newCustomer()
{
    editCustomer({});
}

void CustomersPage::editCustomer(const QString &id)
{
    auto *dialog = new CustomerDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CustomerDialog::saveRequested, this,
            [this, dialog](const QString &customerId, const customers::CustomerDraft &draft) {
                commands::saveCustomer(m_session, dialog, customerId, draft,
                                       [dialog](const Result<customers::Customer> &saved) {
                                           if (!saved)
                                               return dialog->showError(saved.error());
                                           dialog->accept();
                                       });
            });
    if (id.isEmpty()) {
        dialog->open();
        return;
    }
    commands::loadCustomer(m_session, dialog, id, [dialog](const Result<customers::Customer> &c) {
        if (!c)
            dialog->showError(c.error());
        else
            dialog->setCustomer(*c);
        dialog->open();
    });
}

} // namespace mp
