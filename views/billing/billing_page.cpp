#include "billing_page.h"

#include "billing/invoice_status.h"
#include "billing_commands.h"
#include "common/lazy_table_view.h"
#include "console_session/change_feed.h"
#include "invoice_detail_dialog.h"
#include "invoice_table_model.h"
#include "model_roles.h"
#include "money_text.h"
#include "order_table_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

namespace {

template<class Total> QString totalsText(const QList<Total> &totals, const QString &one, const QString &many)
{
    if (totals.isEmpty())
        return QObject::tr("No %1").arg(many);
    qint64 count = 0;
    QStringList sums;
    for (const Total &t : totals) {
        count += t.count;
        // Invoices per status (paid, unpaid, overdue, refunded...): their sum would mean nothing.
        if constexpr (std::is_same_v<Total, billing::InvoiceTotal>)
            sums << QObject::tr("%1 %2: %3")
                        .arg(InvoiceTableModel::stateTitle(t.status).toLower(), QLocale().toString(t.count),
                             moneyText(t.total));
        else
            sums << moneyText(t.amount);
    }
    if constexpr (std::is_same_v<Total, billing::InvoiceTotal>)
        return QObject::tr("%1 %2 · %3")
            .arg(QLocale().toString(count), count == 1 ? one : many, sums.join(QStringLiteral(" · ")));
    return QObject::tr("%1 %2 · total %3")
        .arg(QLocale().toString(count), count == 1 ? one : many, sums.join(QStringLiteral(" · ")));
}

} // namespace

BillingPage::BillingPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_session(session), m_feed(feed), m_invoices(new InvoiceTableModel(session, this)),
      m_orders(new OrderTableModel(session, this)), m_invoicesView(new LazyTableView(m_invoices, this)),
      m_ordersView(new LazyTableView(m_orders, this)), m_tabs(new QTabWidget(this)),
      m_invoiceStatus(new QComboBox(this)), m_orderStatus(new QComboBox(this)),
      m_overdue(new QCheckBox(tr("&Overdue only"), this)), m_fromEnabled(new QCheckBox(tr("&From"), this)),
      m_toEnabled(new QCheckBox(tr("&To"), this)), m_from(new QDateEdit(this)), m_to(new QDateEdit(this)),
      m_customerLabel(new QLabel(this)), m_clearCustomer(new QPushButton(tr("All customers"), this))
{
    setObjectName(QStringLiteral("billingPage"));
    m_invoices->setChangeFeed(feed, {channels::invoices});
    m_orders->setChangeFeed(feed, {channels::orders, channels::invoices});

    m_invoiceStatus->addItem(tr("Any status"), QString());
    for (const QString &s : billing::InvoiceStatuses::all())
        m_invoiceStatus->addItem(InvoiceTableModel::statusTitle(*billing::InvoiceStatuses::fromString(s)), s);
    m_orderStatus->addItem(tr("Any status"), QString());
    m_orderStatus->addItem(tr("Pending"), QStringLiteral("pending"));
    m_orderStatus->addItem(tr("Active"), QStringLiteral("active"));
    m_orderStatus->addItem(tr("Cancelled"), QStringLiteral("cancelled"));
    const QDate today = QDate::currentDate();
    m_from->setDate(today.addMonths(-1));
    m_to->setDate(today);
    for (QDateEdit *d : {m_from, m_to}) {
        d->setCalendarPopup(true);
        d->setEnabled(false);
    }
    m_clearCustomer->hide();

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Invoices:"), this));
    filters->addWidget(m_invoiceStatus);
    filters->addWidget(m_overdue);
    filters->addSpacing(12);
    filters->addWidget(new QLabel(tr("Orders:"), this));
    filters->addWidget(m_orderStatus);
    filters->addSpacing(12);
    filters->addWidget(m_fromEnabled);
    filters->addWidget(m_from);
    filters->addWidget(m_toEnabled);
    filters->addWidget(m_to);
    filters->addStretch();
    auto *customerRow = new QHBoxLayout;
    customerRow->addWidget(m_customerLabel);
    customerRow->addWidget(m_clearCustomer);
    auto *onlyCustomer = new QPushButton(tr("Only this &customer"), this);
    auto *open = new QPushButton(tr("&Open invoice…"), this);
    customerRow->addStretch();
    customerRow->addWidget(onlyCustomer);
    customerRow->addWidget(open);

    m_tabs->setObjectName(QStringLiteral("billingTabs"));
    m_tabs->addTab(m_invoicesView, tr("Invoices"));
    m_tabs->addTab(m_ordersView, tr("Orders"));
    QHeaderView *header = m_invoicesView->table()->horizontalHeader();
    header->resizeSection(InvoiceTableModel::Number, 140);
    header->resizeSection(InvoiceTableModel::Customer, 150);
    header->resizeSection(InvoiceTableModel::Status, 120);
    m_ordersView->table()->horizontalHeader()->resizeSection(OrderTableModel::Placed, 130);
    m_ordersView->table()->horizontalHeader()->resizeSection(OrderTableModel::Items, 220);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Billing</h2>"), this));
    layout->addLayout(filters);
    layout->addLayout(customerRow);
    layout->addWidget(m_tabs, 1);

    connect(m_invoiceStatus, &QComboBox::currentIndexChanged, this, &BillingPage::applyFilters);
    connect(m_orderStatus, &QComboBox::currentIndexChanged, this, &BillingPage::applyFilters);
    connect(m_overdue, &QCheckBox::toggled, this, &BillingPage::applyFilters);
    connect(m_fromEnabled, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toEnabled, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    for (QCheckBox *c : {m_fromEnabled, m_toEnabled})
        connect(c, &QCheckBox::toggled, this, &BillingPage::applyFilters);
    for (QDateEdit *d : {m_from, m_to})
        connect(d, &QDateEdit::dateChanged, this, &BillingPage::applyFilters);
    connect(m_clearCustomer, &QPushButton::clicked, this, [this] { setCustomer({}, {}); });
    connect(onlyCustomer, &QPushButton::clicked, this, [this] {
        const bool invoices = m_tabs->currentWidget() == m_invoicesView;
        const QModelIndex current =
            invoices ? m_invoicesView->table()->currentIndex() : m_ordersView->table()->currentIndex();
        if (!current.isValid())
            return;
        if (invoices) {
            const billing::Invoice &inv = m_invoices->rowAt(current.row()).invoice;
            setCustomer(inv.customerId, inv.buyer.value(QStringLiteral("name")).toString());
        } else {
            const billing::OrderSummary &o = m_orders->rowAt(current.row());
            setCustomer(o.customerId, o.customerName);
        }
    });
    connect(open, &QPushButton::clicked, this, [this] {
        if (const QString id = m_invoicesView->currentId(); !id.isEmpty())
            openInvoice(id);
    });
    connect(m_invoicesView, &LazyTableView::activated, this, &BillingPage::openInvoice);
    // Live updates change the sums too.
    connect(m_invoices, &LazyTableModelBase::rowsLoaded, this, &BillingPage::updateTotals);
    connect(m_orders, &LazyTableModelBase::rowsLoaded, this, &BillingPage::updateTotals);
    applyFilters();
}

void BillingPage::setCustomer(const QString &id, const QString &name)
{
    m_customerId = id;
    m_customerLabel->setText(id.isEmpty() ? QString() : tr("Customer: <b>%1</b>").arg(name.toHtmlEscaped()));
    m_clearCustomer->setVisible(!id.isEmpty());
    applyFilters();
}

void BillingPage::setInvoiceStatus(const QString &status)
{
    m_invoiceStatus->setCurrentIndex(m_invoiceStatus->findData(status));
}

void BillingPage::setOverdueOnly(bool overdue)
{
    m_overdue->setChecked(overdue);
}

void BillingPage::showInvoices()
{
    m_tabs->setCurrentWidget(m_invoicesView);
}

void BillingPage::applyFilters()
{
    billing::InvoiceFilter invoices;
    invoices.status = m_invoiceStatus->currentData().toString();
    invoices.customerId = m_customerId;
    if (m_overdue->isChecked())
        invoices.overdue = true;
    if (m_fromEnabled->isChecked())
        invoices.issuedFrom = m_from->date();
    if (m_toEnabled->isChecked())
        invoices.issuedTo = m_to->date();
    m_invoices->setFilter(invoices);

    billing::OrderFilter orders;
    orders.status = m_orderStatus->currentData().toString();
    orders.customerId = m_customerId;
    orders.placedFrom = invoices.issuedFrom;
    orders.placedTo = invoices.issuedTo;
    m_orders->setFilter(orders);
}

void BillingPage::updateTotals()
{
    // Only the newest answer is shown: an older filter's sums would be wrong.
    const quint64 generation = ++m_totalsGeneration;
    commands::invoiceTotals(
        m_session, this, m_invoices->filter(),
        [this, generation](const Result<QList<billing::InvoiceTotal>> &totals) {
            if (generation != m_totalsGeneration)
                return;
            m_invoicesView->setFooter(totals ? totalsText(*totals, tr("invoice"), tr("invoices"))
                                             : totals.error().message);
            commands::orderTotals(m_session, this, m_orders->filter(),
                                  [this, generation](const Result<QList<billing::OrderTotal>> &totals) {
                                      if (generation != m_totalsGeneration)
                                          return;
                                      m_ordersView->setFooter(
                                          totals ? totalsText(*totals, tr("order"), tr("orders"))
                                                 : totals.error().message);
                                      Q_EMIT totalsUpdated();
                                  });
        });
}

InvoiceDetailDialog *BillingPage::openInvoice(const QString &id)
{
    auto *dialog = new InvoiceDetailDialog(m_session, id, this);
    dialog->followChanges(m_feed);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace mp
