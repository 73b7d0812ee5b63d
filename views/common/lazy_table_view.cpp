#include "lazy_table_view.h"

#include "lazy_table_model.h"
#include "model_roles.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

LazyTableView::LazyTableView(LazyTableModelBase *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_table(new QTableView(this)), m_status(new QLabel(this)),
      m_footer(new QLabel(this))
{
    m_table->setModel(model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Fixed row heights: the view never measures a million rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->setSortingEnabled(false);
    // The header click asks the model to re-query; the indicator follows what the model accepted.
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, model,
            [model](int column, Qt::SortOrder order) { model->sort(column, order); });
    m_table->horizontalHeader()->setSectionsClickable(true);
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT activated(index.data(IdRole).toString()); });

    m_status->setObjectName(QStringLiteral("tableStatus"));
    m_footer->setObjectName(QStringLiteral("tableFooter"));
    m_footer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_footer);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    connect(model, &LazyTableModelBase::loadingChanged, this, [this] {
        if (m_model->isLoading())
            m_error.clear();
        updateStatus();
    });
    connect(model, &LazyTableModelBase::loadFailed, this, [this](const Error &error) {
        m_error = error.message;
        updateStatus();
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, &LazyTableView::updateStatus);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &LazyTableView::updateStatus);
    connect(model, &QAbstractItemModel::modelReset, this, &LazyTableView::updateStatus);
    updateStatus();
}

QString LazyTableView::currentId() const
{
    return m_table->currentIndex().data(IdRole).toString();
}

void LazyTableView::setFooter(const QString &text)
{
    m_footer->setText(text);
}

void LazyTableView::updateStatus()
{
    if (!m_error.isEmpty()) {
        m_status->setText(tr("Could not load: %1").arg(m_error));
        return;
    }
    const int rows = m_model->rowCount();
    if (m_model->isLoading() && rows == 0) {
        m_status->setText(tr("Loading…"));
        return;
    }
    const QString count = rows == 1 ? tr("1 row") : tr("%1 rows").arg(QLocale().toString(rows));
    m_status->setText(m_model->atEnd() ? count : tr("%1 loaded, more as you scroll").arg(count));
}

} // namespace mp
