#include "catalog_page.h"

#include "catalog/catalog_terms.h"
#include "catalog_commands.h"
#include "cloudpod_template_model.h"
#include "common/lazy_table_view.h"
#include "console_session/change_feed.h"
#include "product_dialog.h"
#include "product_table_model.h"
#include "tld_price_model.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace mp {

CatalogPage::CatalogPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent)
    : QWidget(parent), m_session(session), m_products(new ProductTableModel(session, this)),
      m_templates(new CloudPodTemplateModel(session, this)), m_tldPrices(new TldPriceModel(session, this)),
      m_productsView(new LazyTableView(m_products, this)), m_type(new QComboBox(this)),
      m_visibility(new QComboBox(this)), m_search(new QLineEdit(this))
{
    setObjectName(QStringLiteral("catalogPage"));
    m_products->setChangeFeed(feed, {channels::products});
    m_templates->setChangeFeed(feed, {channels::cloudPodTemplates});
    m_tldPrices->setChangeFeed(feed, {channels::products});

    m_type->addItem(tr("All types"), QString());
    for (const QString &type : catalog::productTypes())
        m_type->addItem(ProductTableModel::typeTitle(type), type);
    m_visibility->addItem(tr("Any visibility"), QString());
    for (const QString &v : catalog::visibilities())
        m_visibility->addItem(ProductTableModel::visibilityTitle(v), v);
    m_search->setPlaceholderText(tr("Search products…"));
    m_search->setClearButtonEnabled(true);
    auto *add = new QPushButton(tr("&New product…"), this);
    auto *edit = new QPushButton(tr("&Edit…"), this);
    auto *remove = new QPushButton(tr("&Delete"), this);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_type);
    filters->addWidget(m_visibility);
    filters->addWidget(m_search, 1);
    filters->addWidget(add);
    filters->addWidget(edit);
    filters->addWidget(remove);

    auto *productsTab = new QWidget(this);
    auto *productsLayout = new QVBoxLayout(productsTab);
    productsLayout->addLayout(filters);
    productsLayout->addWidget(m_productsView, 1);
    QHeaderView *header = m_productsView->table()->horizontalHeader();
    header->resizeSection(ProductTableModel::Type, 90);
    header->resizeSection(ProductTableModel::Name, 220);
    header->resizeSection(ProductTableModel::Price, 200);

    auto *templatesView = new LazyTableView(m_templates, this);
    templatesView->table()->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *tldView = new LazyTableView(m_tldPrices, this);

    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("catalogTabs"));
    tabs->addTab(productsTab, tr("Products"));
    tabs->addTab(templatesView, tr("CloudPod templates"));
    tabs->addTab(tldView, tr("TLD prices"));
    auto *title = new QLabel(tr("<h2>Catalog</h2>"), this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(tabs, 1);

    // Typing re-queries after a pause, not per keystroke.
    auto *typing = new QTimer(this);
    typing->setSingleShot(true);
    typing->setInterval(200);
    connect(typing, &QTimer::timeout, this, &CatalogPage::applyFilter);
    connect(m_search, &QLineEdit::textChanged, typing, qOverload<>(&QTimer::start));
    connect(m_type, &QComboBox::currentIndexChanged, this, &CatalogPage::applyFilter);
    connect(m_visibility, &QComboBox::currentIndexChanged, this, &CatalogPage::applyFilter);
    connect(add, &QPushButton::clicked, this, &CatalogPage::newProduct);
    connect(edit, &QPushButton::clicked, this, [this] {
        if (const QString id = m_productsView->currentId(); !id.isEmpty())
            editProduct(id);
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (const QString id = m_productsView->currentId(); !id.isEmpty())
            deleteProduct(id);
    });
    connect(m_productsView, &LazyTableView::activated, this, &CatalogPage::editProduct);

    m_products->refresh();
    m_templates->refresh();
    m_tldPrices->refresh();
}

void CatalogPage::applyFilter()
{
    catalog::ProductFilter filter;
    filter.type = m_type->currentData().toString();
    filter.visibility = m_visibility->currentData().toString();
    filter.search = m_search->text().trimmed();
    m_products->setFilter(filter);
}

void CatalogPage::newProduct()
{
    openDialog({});
}

void CatalogPage::editProduct(const QString &id)
{
    openDialog(id);
}

void CatalogPage::openDialog(const QString &id)
{
    auto *dialog = new ProductDialog(m_templates->rows(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProductDialog::saveRequested, this,
            [this, dialog](const QString &productId, const catalog::ProductDraft &draft) {
                commands::saveProduct(m_session, dialog, productId, draft,
                                      [dialog](const Result<catalog::Product> &saved) {
                                          if (!saved)
                                              return dialog->showError(saved.error());
                                          dialog->accept();
                                      });
            });
    if (id.isEmpty()) {
        dialog->open();
        return;
    }
    commands::loadProduct(m_session, dialog, id, [dialog](const Result<catalog::Product> &product) {
        if (!product)
            dialog->showError(product.error());
        else
            dialog->setProduct(*product);
        dialog->open();
    });
}

void CatalogPage::deleteProduct(const QString &id)
{
    const QModelIndex current = m_productsView->table()->currentIndex();
    const QString name = m_products->index(current.row(), ProductTableModel::Name).data().toString();
    if (QMessageBox::question(this, tr("Delete product"),
                              tr("Delete %1? A product that was ever ordered is retired instead: it stays "
                                 "for its subscriptions and invoices but cannot be ordered again.")
                                  .arg(name)) != QMessageBox::Yes)
        return;
    commands::removeProduct(m_session, this, id, [this, name](const Result<catalog::RemoveOutcome> &outcome) {
        QString message;
        if (!outcome)
            message = tr("%1 could not be deleted: %2").arg(name, outcome.error().message);
        else if (*outcome == catalog::RemoveOutcome::Retired)
            message = tr("%1 was ordered before, so it was retired, not deleted.").arg(name);
        else
            message = tr("%1 was deleted.").arg(name);
        Q_EMIT productRemoved(message);
        QMessageBox::information(this, tr("Delete product"), message);
    });
}

} // namespace mp
