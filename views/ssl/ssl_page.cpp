#include "ssl_page.h"

#include "common/lazy_table_view.h"
#include "empty_state_label.h"
#include "ssl_certificate_table_model.h"
#include "ssl_channels.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

SslPage::SslPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_certificates(new SslCertificateTableModel(session, this)),
      m_view(new LazyTableView(m_certificates, this)), m_stack(new QStackedWidget(this)),
      m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("sslPage"));
    m_certificates->setChangeFeed(feed, {channels::sslCertificates});
    m_view->setObjectName(QStringLiteral("sslCertificatesView"));
    styleAsEmptyState(m_empty, QStringLiteral("sslCertificatesEmptyState"));
    m_empty->setText(tr("No certificates yet. Ask the ACME CA for one with POST /api/ssl/certificates; "
                        "mPanel renews it when a third of its lifetime is left."));
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    QHeaderView *header = m_view->table()->horizontalHeader();
    header->resizeSection(SslCertificateTableModel::Names, 260);
    header->resizeSection(SslCertificateTableModel::Status, 100);
    header->resizeSection(SslCertificateTableModel::Issuer, 160);
    header->resizeSection(SslCertificateTableModel::Expires, 140);
    header->resizeSection(SslCertificateTableModel::NextRenewal, 140);
    m_view->table()->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_stack, 1);

    connect(m_certificates, &QAbstractItemModel::modelReset, this, &SslPage::updateEmptyState);
    connect(m_certificates, &QAbstractItemModel::rowsInserted, this, &SslPage::updateEmptyState);
    connect(m_certificates, &QAbstractItemModel::rowsRemoved, this, &SslPage::updateEmptyState);
    connect(m_certificates, &LazyTableModelBase::loadingChanged, this, &SslPage::updateEmptyState);
    m_certificates->refresh();
    updateEmptyState();
}

bool SslPage::showsEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void SslPage::updateEmptyState()
{
    const bool none =
        m_certificates->rowCount() == 0 && !m_certificates->isLoading() && m_certificates->atEnd();
    m_stack->setCurrentWidget(none ? static_cast<QWidget *>(m_empty) : m_view);
}

} // namespace mp
