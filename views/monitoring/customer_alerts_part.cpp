#include "customer_alerts_part.h"

#include "alert_table_model.h"
#include "console_session/change_feed.h"
#include "console_session/console_session.h"
#include "console_session/staff_transaction.h"
#include "monitoring/monitoring_store.h"
#include "monitoring_channels.h"

#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

namespace {

constexpr int kRows = 50;

} // namespace

CustomerAlertsPart::CustomerAlertsPart(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : DetailPart(parent), m_session(session), m_alerts(new AlertTableModel(this)),
      m_stack(new QStackedWidget(this)), m_empty(new QLabel(this))
{
    auto *table = new QTableView(this);
    table->setObjectName(QStringLiteral("customerAlerts"));
    table->setModel(m_alerts);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setText(tr("No monitoring alert on this customer's services."));
    m_stack->addWidget(m_empty);
    m_stack->addWidget(table);
    auto *box = new QGroupBox(tr("Monitoring alerts"), this);
    (new QVBoxLayout(box))->addWidget(m_stack);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(box);
    if (feed)
        connect(feed, &ChangeFeed::changed, this, [this](const QString &channel) {
            if (channel == channels::monitoring)
                reload();
        });
}

void CustomerAlertsPart::showRecord(const QString &customerId)
{
    m_customerId = customerId;
    reload();
}

bool CustomerAlertsPart::showsEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void CustomerAlertsPart::reload()
{
    if (m_customerId.isEmpty())
        return;
    const quint64 generation = ++m_generation;
    m_session->run(
        this,
        [customer = m_customerId](StaffSession &session) {
            return inStaffTransaction(session, [&](TenantTransaction &tx) {
                return monitoring::MonitoringStore::alerts(tx.db(), false, kRows, customer);
            });
        },
        [this, generation](const Result<QJsonArray> &alerts) {
            if (generation != m_generation)
                return;
            if (alerts) {
                m_alerts->setAlerts(*alerts);
                m_stack->setCurrentIndex(alerts->isEmpty() ? 0 : 1);
            } else {
                m_empty->setText(tr("Monitoring alerts could not be read: %1").arg(alerts.error().message));
                m_stack->setCurrentWidget(m_empty);
            }
            Q_EMIT loaded();
        });
}

} // namespace mp
