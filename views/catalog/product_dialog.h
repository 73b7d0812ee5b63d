#pragma once

#include "catalog/cloudpod_template.h"
#include "catalog/product.h"
#include "common/field_errors.h"

#include <QDialog>
#include <QJsonObject>

#include <functional>

class QComboBox;
class QLabel;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QTableWidget;
class QWidget;

namespace mp {

// Create or edit a product. The form becomes the same JSON body the REST API takes and goes
// through the same parser (ProductJson::draftFrom) and service (Products), so the console and
// the API accept and refuse exactly the same input; each refusal is shown under its field.
class ProductDialog : public QDialog {
    Q_OBJECT
public:
    explicit ProductDialog(const QList<catalog::CloudPodTemplate> &templates, QWidget *parent = nullptr);

    void setProduct(const catalog::Product &product);
    const QString &productId() const { return m_id; }

    // The form as the API's request body.
    QJsonObject body() const;
    // Parses the form; on success emits saveRequested, else shows the error under its field.
    void submit();
    void showError(const Error &error);
    void setBusy(bool busy);
    FieldErrors &errors() { return m_errors; }

    // For tests and for prefilling.
    QComboBox *typeBox() const { return m_type; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *tldEdit() const { return m_tld; }
    QComboBox *templateBox() const { return m_template; }
    QTableWidget *pricesTable() const { return m_prices; }
    QTableWidget *domainPricesTable() const { return m_domainPrices; }
    void addPriceRow(const QString &cycle, const QString &currency, const QString &amount,
                     const QString &setupFee = {});
    void addDomainPriceRow(const QString &action, int years, const QString &currency, const QString &amount);

Q_SIGNALS:
    void saveRequested(const QString &id, const mp::catalog::ProductDraft &draft);

private:
    void updateTypeFields();
    QWidget *tableWithButtons(QTableWidget *table, const std::function<void()> &add);

    QString m_id;
    QLabel *m_general;
    FieldErrors m_errors;
    QComboBox *m_type;
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QComboBox *m_visibility;
    QComboBox *m_template;
    QLineEdit *m_tld;
    QTableWidget *m_prices;
    QTableWidget *m_domainPrices;
    QWidget *m_templateRow;
    QWidget *m_tldRow;
    QWidget *m_pricesRow;
    QWidget *m_domainPricesRow;
    QDialogButtonBox *m_buttons;
};

} // namespace mp
