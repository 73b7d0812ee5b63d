#include "subscriptions_page.h"

#include "billing/invoice_status.h"
#include "billing_commands.h"
#include "common/lazy_table_view.h"
#include "console_session/change_feed.h"
#include "invoice_table_model.h"
#include "money_text.h"
#include "payment_commands.h"
#include "payment_list_model.h"
#include "subscription_table_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace mp {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString when(const QString &isoTimestamp)
{
    const QDateTime t = QDateTime::fromString(isoTimestamp, Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : isoTimestamp;
}

QString dayOf(const QString &isoTimestamp)
{
    const QDateTime t = QDateTime::fromString(isoTimestamp, Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime().date(), QLocale::ShortFormat) : isoTimestamp;
}

QString day(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime().date(), QLocale::ShortFormat) : QString();
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style='color:gray; padding-right:12px'>%1</td><td>%2</td></tr>")
        .arg(label, value);
}

QString cells(const QStringList &values, const QString &tag = QStringLiteral("td"))
{
    QString html = QStringLiteral("<tr>");
    for (const QString &v : values)
        html += QStringLiteral("<%1 style='padding-right:10px; white-space:nowrap' align='left'>%2</%1>")
                    .arg(tag, v);
    return html + QStringLiteral("</tr>");
}

} // namespace

SubscriptionsPage::SubscriptionsPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_session(session), m_model(new SubscriptionTableModel(session, this)),
      m_view(new LazyTableView(m_model, this)), m_status(new QComboBox(this)),
      m_dueEnabled(new QCheckBox(tr("&Due within"), this)), m_dueDays(new QSpinBox(this)),
      m_scope(new QLabel(this)), m_clearScope(new QPushButton(tr("All customers and products"), this)),
      m_document(new QTextBrowser(this)), m_message(new QLabel(this)),
      m_cancelNow(new QPushButton(tr("Cancel &now…"), this)),
      m_cancelAtEnd(new QPushButton(tr("Cancel at period &end"), this)),
      m_suspend(new QPushButton(tr("&Suspend"), this)), m_unsuspend(new QPushButton(tr("&Unsuspend"), this)),
      m_renew(new QPushButton(tr("Issue &renewal invoice now"), this))
{
    setObjectName(QStringLiteral("subscriptionsPage"));
    m_model->setChangeFeed(feed, {channels::subscriptions});
    // The detail shows invoices and payments too: any of them changing re-reads it.
    connect(feed, &ChangeFeed::changed, this, [this](const QString &channel) {
        if (!m_shownId.isEmpty() && (channel == channels::subscriptions || channel == channels::invoices ||
                                     channel == channels::payments))
            showSubscription(m_shownId);
    });

    m_status->addItem(tr("Any status"), QString());
    for (const QString &s : subscriptions::subscriptionStatuses())
        m_status->addItem(SubscriptionTableModel::statusTitle(s), s);
    m_dueDays->setRange(0, 3650);
    m_dueDays->setValue(30);
    m_dueDays->setSuffix(tr(" days"));
    m_dueDays->setEnabled(false);
    m_clearScope->hide();

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Status:"), this));
    filters->addWidget(m_status);
    filters->addSpacing(12);
    filters->addWidget(m_dueEnabled);
    filters->addWidget(m_dueDays);
    filters->addSpacing(12);
    filters->addWidget(m_scope);
    filters->addWidget(m_clearScope);
    filters->addStretch();
    auto *onlyCustomer = new QPushButton(tr("Only this &customer"), this);
    auto *onlyProduct = new QPushButton(tr("Only this &product"), this);
    filters->addWidget(onlyCustomer);
    filters->addWidget(onlyProduct);

    QHeaderView *header = m_view->table()->horizontalHeader();
    header->resizeSection(SubscriptionTableModel::Description, 190);
    header->resizeSection(SubscriptionTableModel::Status, 150);
    header->resizeSection(SubscriptionTableModel::Cycle, 80);

    m_document->setObjectName(QStringLiteral("subscriptionDetail"));
    m_document->setOpenLinks(false);
    m_document->setPlaceholderText(tr("Select a subscription to see its invoices, payments and history."));
    m_message->setObjectName(QStringLiteral("subscriptionMessage"));
    m_message->setWordWrap(true);
    auto *detail = new QWidget(this);
    auto *actions = new QGridLayout;
    actions->addWidget(m_cancelNow, 0, 0);
    actions->addWidget(m_cancelAtEnd, 0, 1);
    actions->addWidget(m_suspend, 1, 0);
    actions->addWidget(m_unsuspend, 1, 1);
    actions->addWidget(m_renew, 2, 0, 1, 2);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_document, 1);
    detailLayout->addWidget(m_message);
    detailLayout->addLayout(actions);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_view);
    split->addWidget(detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    // The table keeps room for its money and date columns; the detail scrolls.
    split->setSizes({640, 360});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Subscriptions</h2>"), this));
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    connect(m_status, &QComboBox::currentIndexChanged, this, &SubscriptionsPage::applyFilters);
    connect(m_dueEnabled, &QCheckBox::toggled, m_dueDays, &QWidget::setEnabled);
    connect(m_dueEnabled, &QCheckBox::toggled, this, &SubscriptionsPage::applyFilters);
    connect(m_dueDays, &QSpinBox::valueChanged, this, [this] {
        if (m_dueEnabled->isChecked())
            applyFilters();
    });
    connect(m_clearScope, &QPushButton::clicked, this, [this] {
        m_customerId.clear();
        m_productId.clear();
        applyFilters();
    });
    connect(onlyCustomer, &QPushButton::clicked, this, [this] {
        if (m_detail && m_detail->subscription.id == m_shownId)
            setCustomer(m_detail->subscription.customerId,
                        m_detail->links.customer.value(QStringLiteral("name")).toString());
    });
    connect(onlyProduct, &QPushButton::clicked, this, [this] {
        if (m_detail && m_detail->subscription.id == m_shownId)
            setProduct(m_detail->subscription.productId,
                       m_detail->links.product.value(QStringLiteral("name")).toString());
    });
    connect(m_view->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (const QString id = m_view->currentId(); !id.isEmpty() && id != m_shownId)
            showSubscription(id);
    });
    connect(m_view, &LazyTableView::activated, this, &SubscriptionsPage::showSubscription);
    // The detail pane is never empty while there are rows: the first one is shown until
    // someone picks another.
    connect(m_model, &LazyTableModelBase::rowsLoaded, this, [this] {
        if (m_shownId.isEmpty() && m_model->rowCount() > 0)
            m_view->table()->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_cancelNow, &QPushButton::clicked, this, [this] {
        if (confirm(tr("Cancel this subscription now? Its service ends at once and no credit is given.")))
            perform(commands::SubscriptionAction::CancelNow);
    });
    connect(m_cancelAtEnd, &QPushButton::clicked, this, [this] {
        if (confirm(tr("Cancel this subscription at the end of its current period? It will not renew.")))
            perform(commands::SubscriptionAction::CancelAtPeriodEnd);
    });
    connect(m_suspend, &QPushButton::clicked, this, [this] {
        if (confirm(tr("Suspend this subscription and its service?")))
            perform(commands::SubscriptionAction::Suspend);
    });
    connect(m_unsuspend, &QPushButton::clicked, this,
            [this] { perform(commands::SubscriptionAction::Unsuspend); });
    connect(m_renew, &QPushButton::clicked, this, [this] {
        if (confirm(tr("Issue the invoice for the next period now?")))
            renewNow();
    });
    updateActions();
    applyFilters();
}

void SubscriptionsPage::setStatus(const QString &status)
{
    m_status->setCurrentIndex(m_status->findData(status));
}

void SubscriptionsPage::setDueWithinDays(std::optional<int> days)
{
    const QSignalBlocker block(m_dueDays);
    if (days)
        m_dueDays->setValue(*days);
    if (m_dueEnabled->isChecked() == days.has_value())
        applyFilters();
    else
        m_dueEnabled->setChecked(days.has_value());
}

void SubscriptionsPage::setCustomer(const QString &id, const QString &name)
{
    m_customerId = id;
    m_customerName = name;
    applyFilters();
}

void SubscriptionsPage::setProduct(const QString &id, const QString &name)
{
    m_productId = id;
    m_productName = name;
    applyFilters();
}

void SubscriptionsPage::applyFilters()
{
    QStringList scope;
    if (!m_customerId.isEmpty())
        scope << tr("Customer: <b>%1</b>").arg(esc(m_customerName));
    if (!m_productId.isEmpty())
        scope << tr("Product: <b>%1</b>").arg(esc(m_productName));
    m_scope->setText(scope.join(QStringLiteral(" · ")));
    m_clearScope->setVisible(!scope.isEmpty());

    subscriptions::SubscriptionFilter filter;
    filter.status = m_status->currentData().toString();
    filter.customerId = m_customerId;
    filter.productId = m_productId;
    if (m_dueEnabled->isChecked())
        filter.dueWithinDays = m_dueDays->value();
    m_model->setFilter(filter);
}

void SubscriptionsPage::showSubscription(const QString &id)
{
    m_shownId = id;
    commands::loadSubscription(
        m_session, this, id, [this, id](const Result<commands::SubscriptionDetail> &d) {
            if (id != m_shownId)
                return;
            if (!d) {
                m_detail.reset();
                m_document->setHtml(QStringLiteral("<p>%1</p>").arg(esc(d.error().message)));
            } else {
                m_detail = *d;
                display(*d);
            }
            updateActions();
            Q_EMIT detailLoaded();
        });
}

void SubscriptionsPage::display(const commands::SubscriptionDetail &d)
{
    const subscriptions::Subscription &s = d.subscription;
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(esc(s.description));
    QString status = SubscriptionTableModel::statusTitle(s.status);
    if (s.cancelAtPeriodEnd && s.live())
        status = tr("%1, ends at period end").arg(status);
    html += row(tr("Status"), esc(status));
    html += row(tr("Product"), QStringLiteral("%1 <span style='color:gray'>(%2)</span>")
                                   .arg(esc(d.links.product.value(QStringLiteral("name")).toString()),
                                        esc(d.links.product.value(QStringLiteral("type")).toString())));
    html += row(tr("Customer"), QStringLiteral("%1 &lt;%2&gt;")
                                    .arg(esc(d.links.customer.value(QStringLiteral("name")).toString()),
                                         esc(d.links.customer.value(QStringLiteral("email")).toString())));
    html += row(tr("Price"), tr("%1 × %2, %3")
                                 .arg(s.quantity)
                                 .arg(moneyText(s.unitPriceMinor, s.currency),
                                      SubscriptionTableModel::cycleTitle(s.cycle).toLower()));
    html += row(tr("Current period"), tr("%1 – %2").arg(day(s.currentPeriodStart), day(s.currentPeriodEnd)));
    if (s.nextDueDate.isValid())
        html += row(tr("Next due"), QLocale().toString(s.nextDueDate, QLocale::ShortFormat));
    html += row(tr("Provisioning"), esc(d.provisioning));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h4>%1</h4>").arg(tr("Invoices"));
    if (d.links.invoices.isEmpty()) {
        html += QStringLiteral("<p style='color:gray'>%1</p>").arg(tr("None yet."));
    } else {
        html +=
            QStringLiteral("<table>") +
            cells({tr("Number"), tr("Period"), tr("Status"), tr("Total"), tr("Paid")}, QStringLiteral("th"));
        for (const QJsonValue &v : d.links.invoices) {
            const QJsonObject inv = v.toObject();
            const QJsonObject paid = inv.value(QStringLiteral("payment")).toObject();
            const auto invStatus =
                billing::InvoiceStatuses::fromString(inv.value(QStringLiteral("status")).toString());
            html += cells(
                {esc(inv.value(QStringLiteral("number")).toString()),
                 tr("%1 – %2").arg(dayOf(inv.value(QStringLiteral("period_start")).toString()),
                                   dayOf(inv.value(QStringLiteral("period_end")).toString())),
                 invStatus ? InvoiceTableModel::statusTitle(*invStatus)
                           : esc(inv.value(QStringLiteral("status")).toString()),
                 esc(inv.value(QStringLiteral("total")).toString() + u' ' +
                     inv.value(QStringLiteral("currency")).toString()),
                 paid.isEmpty() ? QString() : esc(dayOf(paid.value(QStringLiteral("paid_at")).toString()))});
        }
        html += QStringLiteral("</table>");
    }

    html += QStringLiteral("<h4>%1</h4>").arg(tr("Payments"));
    if (d.payments.isEmpty()) {
        html += QStringLiteral("<p style='color:gray'>%1</p>").arg(tr("No online payments."));
    } else {
        PaymentListModel payments;
        payments.setPayments(d.payments);
        QStringList head;
        for (int c = 0; c < PaymentListModel::ColumnCount; ++c)
            head << esc(payments.headerData(c, Qt::Horizontal).toString());
        html += QStringLiteral("<table>") + cells(head, QStringLiteral("th"));
        for (int r = 0; r < payments.rowCount(); ++r) {
            QStringList values;
            for (int c = 0; c < PaymentListModel::ColumnCount; ++c)
                values << esc(payments.index(r, c).data().toString());
            html += cells(values);
        }
        html += QStringLiteral("</table>");
    }

    html += QStringLiteral("<h4>%1</h4><table>").arg(tr("History"));
    for (const QJsonValue &v : d.links.history) {
        const QJsonObject e = v.toObject();
        QString change = esc(e.value(QStringLiteral("event")).toString());
        if (e.contains(QStringLiteral("to_status")))
            change += QStringLiteral(" → %1").arg(
                esc(SubscriptionTableModel::statusTitle(e.value(QStringLiteral("to_status")).toString())));
        html += cells({when(e.value(QStringLiteral("at")).toString()), change,
                       QStringLiteral("<span style='color:gray'>%1</span>")
                           .arg(esc(e.value(QStringLiteral("actor")).toString()))});
    }
    html += QStringLiteral("</table>");
    m_document->setHtml(html);
}

void SubscriptionsPage::updateActions()
{
    // What is offered follows the subscription's state as the services describe it; the
    // services check every move again.
    const bool shown = m_detail && m_detail->subscription.id == m_shownId && !m_busy;
    const bool live = shown && m_detail->subscription.live();
    const bool ending = shown && m_detail->subscription.cancelAtPeriodEnd;
    const bool suspended = shown && m_detail->subscription.status == QLatin1String("suspended");
    m_cancelNow->setEnabled(live);
    m_cancelAtEnd->setEnabled(live && !ending);
    m_suspend->setEnabled(live && !suspended);
    m_unsuspend->setEnabled(suspended);
    m_renew->setEnabled(live && !ending);
}

QString SubscriptionsPage::message() const
{
    return m_message->text();
}

bool SubscriptionsPage::confirm(const QString &question)
{
    return QMessageBox::question(this, tr("Subscription"), question) == QMessageBox::Yes;
}

void SubscriptionsPage::finish(const QString &error, const QString &success)
{
    m_busy = false;
    m_message->setStyleSheet(error.isEmpty() ? QString() : QStringLiteral("color: #b02020;"));
    m_message->setText(error.isEmpty() ? success : error);
    updateActions();
    if (!m_shownId.isEmpty())
        showSubscription(m_shownId);
    Q_EMIT actionFinished(error);
}

void SubscriptionsPage::perform(commands::SubscriptionAction action)
{
    if (m_shownId.isEmpty())
        return;
    m_busy = true;
    updateActions();
    commands::changeSubscription(
        m_session, this, m_shownId, action, [this](const Result<subscriptions::Subscription> &s) {
            finish(s ? QString() : s.error().message,
                   s ? tr("Now %1.").arg(SubscriptionTableModel::statusTitle(s->status).toLower())
                     : QString());
        });
}

void SubscriptionsPage::renewNow()
{
    if (m_shownId.isEmpty())
        return;
    m_busy = true;
    updateActions();
    commands::renewSubscriptionNow(m_session, this, m_shownId, [this](const Result<QString> &invoiceId) {
        finish(invoiceId ? QString() : invoiceId.error().message, tr("Renewal invoice issued."));
    });
}

} // namespace mp
