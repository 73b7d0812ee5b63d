#pragma once

#include "common/field_errors.h"
#include "customers/customer.h"

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace mp {

class CountryPicker;

// Create or edit a customer. Like ProductDialog: the form is the REST API's body, read by the
// API's parser, saved by the same service, each refusal shown under the field it names.
class CustomerDialog : public QDialog {
    Q_OBJECT
public:
    explicit CustomerDialog(QWidget *parent = nullptr);

    void setCustomer(const customers::Customer &customer);
    const QString &customerId() const { return m_id; }

    QJsonObject body() const;
    void submit();
    void showError(const Error &error);
    FieldErrors &errors() { return m_errors; }

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *emailEdit() const { return m_email; }
    // The country picker's text field (type a name or a code); the picker is countryPicker().
    QLineEdit *countryEdit() const;
    CountryPicker *countryPicker() const { return m_country; }
    QLineEdit *cityEdit() const { return m_city; }
    // The language of the customer's mail: empty data follows the country.
    QComboBox *languageCombo() const { return m_language; }

Q_SIGNALS:
    void saveRequested(const QString &id, const mp::customers::CustomerDraft &draft);

private:
    QLineEdit *line(const QString &field, const QString &label, QFormLayout *form);

    QString m_id;
    QLabel *m_general;
    FieldErrors m_errors;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_company = nullptr;
    QLineEdit *m_line1 = nullptr;
    QLineEdit *m_line2 = nullptr;
    QLineEdit *m_postalCode = nullptr;
    QLineEdit *m_city = nullptr;
    QLineEdit *m_region = nullptr;
    CountryPicker *m_country = nullptr;
    QLineEdit *m_taxId = nullptr;
    QComboBox *m_language;
    QComboBox *m_status;
    QPlainTextEdit *m_notes;
    QDialogButtonBox *m_buttons;
};

} // namespace mp
