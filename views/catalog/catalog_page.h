#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace mp {

class ChangeFeed;
class CloudPodTemplateModel;
class ConsoleSession;
class LazyTableView;
class ProductTableModel;
class TldPriceModel;

// The Catalog section: products (grouped by type, filtered by type, visibility and name),
// CloudPod templates and TLD prices; create, edit and delete products.
class CatalogPage : public QWidget {
    Q_OBJECT
public:
    CatalogPage(ConsoleSession *session, ChangeFeed *feed, QWidget *parent = nullptr);

    ProductTableModel *products() const { return m_products; }
    CloudPodTemplateModel *templates() const { return m_templates; }
    TldPriceModel *tldPrices() const { return m_tldPrices; }
    LazyTableView *productsView() const { return m_productsView; }

    void newProduct();
    void editProduct(const QString &id);
    void deleteProduct(const QString &id);

Q_SIGNALS:
    // A product was deleted or retired: the message says which.
    void productRemoved(const QString &message);

private:
    void applyFilter();
    void openDialog(const QString &id);

    ConsoleSession *m_session;
    ProductTableModel *m_products;
    CloudPodTemplateModel *m_templates;
    TldPriceModel *m_tldPrices;
    LazyTableView *m_productsView;
    QComboBox *m_type;
    QComboBox *m_visibility;
    QLineEdit *m_search;
};

} // namespace mp
