#include "customer_detail_page.h"

#include "billing_commands.h"
#include "common/lazy_table_view.h"
#include "console_session/change_feed.h"
#include "customer_commands.h"
#include "customer_table_model.h"
#include "invoice_table_model.h"
#include "payment_commands.h"
#include "payment_list_model.h"
#include "subscription_commands.h"
#include "subscription_table_model.h"

#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

CustomerDetailPage::CustomerDetailPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_session(session), m_title(new QLabel(this)), m_profile(new QLabel(this)),
      m_cards(new QLabel(this)), m_invoices(new InvoiceTableModel(session, this)),
      m_invoicesView(new LazyTableView(m_invoices, this)),
      m_subscriptions(new SubscriptionTableModel(session, this)),
      m_subscriptionsView(new LazyTableView(m_subscriptions, this)), m_payments(new PaymentListModel(this)),
      m_paymentsView(new QTableView(this))
{
    setObjectName(QStringLiteral("customerDetailPage"));
    m_invoices->setChangeFeed(feed, {channels::invoices});
    connect(feed, &ChangeFeed::changed, this, [this](const QString &channel) {
        if (channel == channels::customers && !m_id.isEmpty())
            showCustomer(m_id);
        if (channel == channels::payments && !m_id.isEmpty())
            loadPayments();
    });
    m_subscriptions->setChangeFeed(feed, {channels::subscriptions});
    connect(m_subscriptionsView, &LazyTableView::activated, this, &CustomerDetailPage::subscriptionActivated);
    m_paymentsView->setObjectName(QStringLiteral("customerPayments"));
    m_paymentsView->setModel(m_payments);
    m_paymentsView->verticalHeader()->hide();
    m_paymentsView->horizontalHeader()->setStretchLastSection(true);
    m_paymentsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_paymentsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *back = new QPushButton(tr("← All customers"), this);
    auto *edit = new QPushButton(tr("&Edit…"), this);
    connect(back, &QPushButton::clicked, this, &CustomerDetailPage::backRequested);
    connect(edit, &QPushButton::clicked, this, [this] { Q_EMIT editRequested(m_id); });
    connect(m_invoicesView, &LazyTableView::activated, this, &CustomerDetailPage::invoiceActivated);
    auto *top = new QHBoxLayout;
    top->addWidget(back);
    top->addWidget(m_title, 1);
    top->addWidget(edit);

    m_profile->setTextFormat(Qt::RichText);
    m_profile->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_profile->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *profileBox = new QGroupBox(tr("Profile"), this);
    auto *profileLayout = new QVBoxLayout(profileBox);
    profileLayout->addWidget(m_profile);
    m_cards->setObjectName(QStringLiteral("savedCards"));
    m_cards->setTextInteractionFlags(Qt::TextSelectableByMouse);
    profileLayout->addWidget(m_cards);
    auto *invoicesBox = new QGroupBox(tr("Invoices"), this);
    (new QVBoxLayout(invoicesBox))->addWidget(m_invoicesView);

    auto *grid = new QGridLayout;
    grid->addWidget(profileBox, 0, 0);
    grid->addWidget(invoicesBox, 0, 1);
    auto *subscriptionsBox = new QGroupBox(tr("Subscriptions"), this);
    subscriptionsBox->setObjectName(QStringLiteral("subscriptions"));
    (new QVBoxLayout(subscriptionsBox))->addWidget(m_subscriptionsView);
    auto *paymentsBox = new QGroupBox(tr("Online payments"), this);
    paymentsBox->setObjectName(QStringLiteral("payments"));
    (new QVBoxLayout(paymentsBox))->addWidget(m_paymentsView);
    grid->addWidget(subscriptionsBox, 1, 0);
    grid->addWidget(paymentsBox, 1, 1);
    const std::pair<QString, QString> later[] = {
        {QStringLiteral("domains"), tr("Domains")},
        {QStringLiteral("cloudpods"), tr("CloudPods")},
        {QStringLiteral("dns"), tr("DNS zones")},
        {QStringLiteral("monitoring"), tr("Monitoring alerts")},
        {QStringLiteral("email"), tr("Email")},
    };
    auto *laterRow = new QHBoxLayout;
    laterRow->setObjectName(QStringLiteral("laterRow"));
    m_laterRow = laterRow;
    for (const auto &[name, title] : later) {
        auto *box = new QGroupBox(title, this);
        box->setObjectName(name);
        auto *note = new QLabel(tr("Shown here once the %1 module is installed.").arg(title.toLower()), box);
        note->setStyleSheet(QStringLiteral("color: gray;"));
        (new QVBoxLayout(box))->addWidget(note);
        laterRow->addWidget(box);
        m_placeholders.append(box);
    }
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(grid, 1);
    layout->addLayout(laterRow);
}

QWidget *CustomerDetailPage::placeholder(const QString &name) const
{
    for (QWidget *w : m_placeholders)
        if (w->objectName() == name)
            return w;
    return nullptr;
}

void CustomerDetailPage::installPart(const QString &slot, DetailPart *part)
{
    QWidget *box = placeholder(slot);
    if (!part || !box)
        return;
    part->setParent(this);
    part->setObjectName(slot);
    delete m_laterRow->replaceWidget(box, part);
    m_placeholders.removeOne(box);
    box->deleteLater();
    m_parts.insert(slot, part);
    if (!m_id.isEmpty())
        part->showRecord(m_id);
}

void CustomerDetailPage::showCustomer(const QString &id)
{
    const bool other = id != m_id;
    m_id = id;
    if (other) {
        for (DetailPart *part : std::as_const(m_parts))
            part->showRecord(id);
        m_title->setText(tr("<h2>Loading…</h2>"));
        m_profile->clear();
        billing::InvoiceFilter filter;
        filter.customerId = id;
        m_invoices->setFilter(filter);
        subscriptions::SubscriptionFilter subs;
        subs.customerId = id;
        m_subscriptions->setFilter(subs);
        m_payments->setPayments({});
        m_cards->clear();
        loadPayments();
        loadCards();
    }
    commands::loadCustomer(m_session, this, id, [this, id](const Result<customers::Customer> &c) {
        if (id != m_id)
            return;
        if (!c) {
            m_title->setText(tr("<h2>Customer</h2>"));
            m_profile->setText(c.error().message.toHtmlEscaped());
            return;
        }
        showProfile(*c);
    });
}

void CustomerDetailPage::loadPayments()
{
    payments::PaymentFilter filter;
    filter.customerId = m_id;
    commands::loadPayments(m_session, this, filter,
                           [this, id = m_id](const Result<QList<payments::Payment>> &p) {
                               if (id != m_id)
                                   return;
                               // A failed read leaves the last list; the profile box reports connection
                               // trouble.
                               if (p)
                                   m_payments->setPayments(*p);
                               Q_EMIT paymentsLoaded();
                           });
}

void CustomerDetailPage::loadCards()
{
    commands::loadSavedCards(
        m_session, this, m_id, [this, id = m_id](const Result<QList<payments::SavedCard>> &cards) {
            if (id != m_id)
                return;
            if (!cards) {
                m_cards->setText(tr("Saved cards: %1").arg(cards.error().message));
            } else if (cards->isEmpty()) {
                m_cards->setText(tr("No saved card: renewals wait for the customer to pay."));
            } else {
                QStringList lines;
                for (const payments::SavedCard &c : *cards) {
                    QString brand = c.brand;
                    if (!brand.isEmpty())
                        brand[0] = brand[0].toUpper();
                    lines << tr("%1 •••• %2, %3/%4%5")
                                 .arg(brand, c.last4)
                                 .arg(c.expMonth, 2, 10, QLatin1Char('0'))
                                 .arg(c.expYear)
                                 .arg(c.isDefault ? tr(" (charged for renewals)") : QString());
                }
                m_cards->setText(tr("Saved cards:") + u'\n' + lines.join(u'\n'));
            }
            Q_EMIT cardsLoaded();
        });
}

QString CustomerDetailPage::savedCardsText() const
{
    return m_cards->text();
}

void CustomerDetailPage::showProfile(const customers::Customer &c)
{
    m_title->setText(QStringLiteral("<h2>%1</h2>").arg(c.name.toHtmlEscaped()));
    QStringList address;
    for (const QString &part : {c.address.line1, c.address.line2,
                                QStringList{c.address.postalCode, c.address.city}.join(u' ').trimmed(),
                                c.address.region, c.country})
        if (!part.isEmpty())
            address << part.toHtmlEscaped();
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style='color:gray; padding-right:12px'>%1</td><td>%2</td></tr>")
            .arg(label, value);
    };
    QString html = QStringLiteral("<table>");
    html += row(tr("E-mail"), c.email.toHtmlEscaped());
    if (!c.company.isEmpty())
        html += row(tr("Company"), c.company.toHtmlEscaped());
    html += row(tr("Address"), address.join(QStringLiteral("<br>")));
    if (!c.taxId.isEmpty())
        html += row(tr("Tax ID"), c.taxId.toHtmlEscaped());
    html += row(tr("Status"), CustomerTableModel::statusTitle(c.status));
    html += row(tr("Portal sign-in"), c.hasPassword ? tr("has a password") : tr("no password yet"));
    html +=
        row(tr("Customer since"), QLocale().toString(c.createdAt.toLocalTime().date(), QLocale::LongFormat));
    if (!c.notes.isEmpty())
        html += row(tr("Notes"), c.notes.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")));
    html += QStringLiteral("</table>");
    m_profile->setText(html);
}

} // namespace mp
