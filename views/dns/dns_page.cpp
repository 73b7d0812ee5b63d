#include "dns_page.h"

#include "common/lazy_table_view.h"
#include "dns_channels.h"
#include "dns_record_table_model.h"
#include "dns_zone_table_model.h"
#include "empty_state_label.h"
#include "model_roles.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

DnsPage::DnsPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_zones(new DnsZoneTableModel(session, this)),
      m_records(new DnsRecordTableModel(session, this)), m_zoneView(new LazyTableView(m_zones, this)),
      m_recordView(new LazyTableView(m_records, this)), m_zoneStack(new QStackedWidget(this)),
      m_recordStack(new QStackedWidget(this)),
      m_zoneEmpty(newEmptyStateLabel(this, QStringLiteral("dnsZonesEmptyState"))),
      m_recordEmpty(newEmptyStateLabel(this, QStringLiteral("dnsRecordsEmptyState"))),
      m_zoneTitle(new QLabel(this)), m_recordMessage(new QLabel(this))
{
    setObjectName(QStringLiteral("dnsPage"));
    m_zones->setChangeFeed(feed, {channels::dnsZones});
    m_records->setChangeFeed(feed, {channels::dnsRecords});
    m_zoneView->setObjectName(QStringLiteral("dnsZonesView"));
    m_recordView->setObjectName(QStringLiteral("dnsRecordsView"));
    m_zoneTitle->setObjectName(QStringLiteral("dnsZoneTitle"));
    m_zoneEmpty->setText(
        tr("No DNS zones yet. Register a PowerDNS server (POST /api/dns/servers), then zones "
           "come with CloudPods once a pod zone is set, or are created with POST /api/dns/zones."));
    m_zoneStack->addWidget(m_zoneView);
    m_zoneStack->addWidget(m_zoneEmpty);
    m_recordStack->addWidget(m_recordView);
    m_recordStack->addWidget(m_recordEmpty);

    QHeaderView *zoneHeader = m_zoneView->table()->horizontalHeader();
    zoneHeader->resizeSection(DnsZoneTableModel::Name, 200);
    zoneHeader->resizeSection(DnsZoneTableModel::Customer, 140);
    zoneHeader->resizeSection(DnsZoneTableModel::Status, 100);
    zoneHeader->resizeSection(DnsZoneTableModel::Dnssec, 70);
    zoneHeader->resizeSection(DnsZoneTableModel::Serial, 100);
    QHeaderView *recordHeader = m_recordView->table()->horizontalHeader();
    recordHeader->resizeSection(DnsRecordTableModel::Name, 200);
    recordHeader->resizeSection(DnsRecordTableModel::Type, 60);
    recordHeader->resizeSection(DnsRecordTableModel::Ttl, 60);
    recordHeader->resizeSection(DnsRecordTableModel::Records, 320);
    m_zoneView->table()->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_zoneView->table()->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *recordsPane = new QWidget(this);
    auto *recordsLayout = new QVBoxLayout(recordsPane);
    recordsLayout->setContentsMargins(0, 6, 0, 0);
    QFont titleFont = m_zoneTitle->font();
    titleFont.setBold(true);
    m_zoneTitle->setFont(titleFont);
    recordsLayout->addWidget(m_zoneTitle);
    recordsLayout->addWidget(m_recordStack, 1);
    // Inline edit: TTL and records; a refusal shows here and on its cell.
    m_recordView->table()->setEditTriggers(QAbstractItemView::DoubleClicked |
                                           QAbstractItemView::EditKeyPressed);
    m_recordMessage->setObjectName(QStringLiteral("dnsRecordMessage"));
    m_recordMessage->setWordWrap(true);
    m_recordMessage->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_recordMessage->hide();
    recordsLayout->addWidget(m_recordMessage);
    connect(m_records, &DnsRecordTableModel::changeRefused, this, [this](const QString &message) {
        m_recordMessage->setText(message);
        m_recordMessage->show();
    });
    connect(m_records, &DnsRecordTableModel::changeQueued, this, [this] {
        m_recordMessage->clear();
        m_recordMessage->hide();
    });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_zoneStack);
    splitter->addWidget(recordsPane);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *about =
        new QLabel(tr("Zones on your PowerDNS servers. Changes are checked before PowerDNS sees them and "
                      "go out as one update per zone; the serial moves once per update."),
                   this);
    about->setWordWrap(true);
    about->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(about);
    layout->addWidget(splitter, 1);

    for (LazyTableModelBase *model :
         {static_cast<LazyTableModelBase *>(m_zones), static_cast<LazyTableModelBase *>(m_records)}) {
        connect(model, &QAbstractItemModel::modelReset, this, &DnsPage::updateEmptyStates);
        connect(model, &QAbstractItemModel::rowsInserted, this, &DnsPage::updateEmptyStates);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &DnsPage::updateEmptyStates);
        connect(model, &LazyTableModelBase::loadingChanged, this, &DnsPage::updateEmptyStates);
    }
    connect(m_zoneView->table()->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &DnsPage::showZone);
    // The first zone is shown once zones arrive, and a reload keeps the selected one current.
    connect(m_zones, &LazyTableModelBase::rowsLoaded, this, [this] {
        if (!m_zoneView->table()->currentIndex().isValid() && m_zones->rowCount() > 0)
            m_zoneView->table()->selectRow(0);
        else
            showZone();
    });
    m_zones->refresh();
    showZone();
}

QString DnsPage::recordMessage() const
{
    return m_recordMessage->text();
}

bool DnsPage::showsEmptyState() const
{
    return m_zoneStack->currentWidget() == m_zoneEmpty;
}

void DnsPage::showZone()
{
    const QModelIndex current = m_zoneView->table()->currentIndex();
    if (!current.isValid() || current.row() >= m_zones->rowCount()) {
        m_zoneTitle->setText(tr("Record sets"));
        if (!m_records->zoneId().isEmpty())
            m_records->setZone({}, {});
        updateEmptyStates();
        return;
    }
    const dns::DnsZone &zone = m_zones->rowAt(current.row());
    QString title = tr("Record sets of %1").arg(zone.name.chopped(1));
    if (zone.serial > 0)
        title += tr(" · serial %1").arg(zone.serial);
    if (!zone.dsRecords.isEmpty())
        title += tr(" · signed, DS %1").arg(zone.dsRecords.first());
    if (zone.pendingChanges > 0)
        title += tr(" · %n change(s) pending", nullptr, zone.pendingChanges);
    m_zoneTitle->setText(title);
    if (m_records->zoneId() != zone.id)
        m_records->setZone(zone.id, zone.name);
    updateEmptyStates();
}

void DnsPage::updateEmptyStates()
{
    const bool noZones = m_zones->rowCount() == 0 && !m_zones->isLoading() && m_zones->atEnd();
    m_zoneStack->setCurrentWidget(noZones ? static_cast<QWidget *>(m_zoneEmpty) : m_zoneView);
    const bool noRecords = m_records->rowCount() == 0 && !m_records->isLoading() && m_records->atEnd();
    m_recordEmpty->setText(m_records->zoneId().isEmpty()
                               ? tr("Select a zone to see its record sets.")
                               : tr("This zone has no record sets besides its SOA yet."));
    m_recordStack->setCurrentWidget(noRecords ? static_cast<QWidget *>(m_recordEmpty) : m_recordView);
}

} // namespace mp
