#include "customer_dialog.h"

#include "common/country_picker.h"
#include "customer_table_model.h"
#include "customers/customer_json.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace mp {

namespace {

QWidget *withError(QWidget *field, QLabel *error)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(error);
    return box;
}

} // namespace

CustomerDialog::CustomerDialog(QWidget *parent)
    : QDialog(parent), m_general(FieldErrors::makeLabel(this)), m_errors(m_general),
      m_language(new QComboBox(this)), m_status(new QComboBox(this)), m_notes(new QPlainTextEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New customer"));
    setObjectName(QStringLiteral("customerDialog"));
    auto *form = new QFormLayout;
    m_name = line(QStringLiteral("name"), tr("&Name:"), form);
    m_email = line(QStringLiteral("email"), tr("&E-mail:"), form);
    m_company = line(QStringLiteral("company"), tr("&Company:"), form);
    m_line1 = line(QStringLiteral("address.line1"), tr("&Address:"), form);
    m_line2 = line(QStringLiteral("address.line2"), QString(), form);
    m_postalCode = line(QStringLiteral("address.postal_code"), tr("&Postal code:"), form);
    m_city = line(QStringLiteral("address.city"), tr("C&ity:"), form);
    m_region = line(QStringLiteral("address.region"), tr("&Region:"), form);
    m_country = new CountryPicker(this);
    m_country->setObjectName(QStringLiteral("country"));
    form->addRow(tr("C&ountry:"), withError(m_country, m_errors.add(QStringLiteral("country"), this)));
    m_taxId = line(QStringLiteral("tax_id"), tr("&Tax ID:"), form);
    // The mail's language; "from the country" sends null, so a later move to another country
    // changes it (German for DE, AT, CH, LI).
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("From the country"), QString());
    m_language->addItem(tr("English"), QStringLiteral("en"));
    m_language->addItem(tr("German"), QStringLiteral("de"));
    form->addRow(tr("&Language:"), withError(m_language, m_errors.add(QStringLiteral("language"), this)));
    for (const QString &s : {QStringLiteral("active"), QStringLiteral("suspended"), QStringLiteral("closed")})
        m_status->addItem(CustomerTableModel::statusTitle(s), s);
    form->addRow(tr("&Status:"), withError(m_status, m_errors.add(QStringLiteral("status"), this)));
    m_notes->setMaximumHeight(80);
    form->addRow(tr("N&otes:"), withError(m_notes, m_errors.add(QStringLiteral("notes"), this)));
    m_errors.add(QStringLiteral("address"), this); // an address error without a line goes under the form
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_general);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CustomerDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(480, 0);
}

QLineEdit *CustomerDialog::countryEdit() const
{
    return m_country->lineEdit();
}

QLineEdit *CustomerDialog::line(const QString &field, const QString &label, QFormLayout *form)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(field);
    form->addRow(label, withError(edit, m_errors.add(field, this)));
    return edit;
}

void CustomerDialog::setCustomer(const customers::Customer &c)
{
    m_id = c.id;
    setWindowTitle(tr("Edit %1").arg(c.name));
    m_name->setText(c.name);
    m_email->setText(c.email);
    m_company->setText(c.company);
    m_line1->setText(c.address.line1);
    m_line2->setText(c.address.line2);
    m_postalCode->setText(c.address.postalCode);
    m_city->setText(c.address.city);
    m_region->setText(c.address.region);
    m_country->setCode(c.country);
    m_taxId->setText(c.taxId);
    m_language->setCurrentIndex(std::max(0, m_language->findData(c.language)));
    m_status->setCurrentIndex(m_status->findData(c.status));
    m_notes->setPlainText(c.notes);
}

QJsonObject CustomerDialog::body() const
{
    return QJsonObject{
        {QStringLiteral("name"), m_name->text()},
        {QStringLiteral("email"), m_email->text()},
        {QStringLiteral("company"), m_company->text()},
        {QStringLiteral("address"), QJsonObject{{QStringLiteral("line1"), m_line1->text()},
                                                {QStringLiteral("line2"), m_line2->text()},
                                                {QStringLiteral("postal_code"), m_postalCode->text()},
                                                {QStringLiteral("city"), m_city->text()},
                                                {QStringLiteral("region"), m_region->text()}}},
        {QStringLiteral("country"), m_country->code()},
        {QStringLiteral("tax_id"), m_taxId->text()},
        {QStringLiteral("language"), m_language->currentData().toString().isEmpty()
                                         ? QJsonValue()
                                         : QJsonValue(m_language->currentData().toString())},
        {QStringLiteral("status"), m_status->currentData().toString()},
        {QStringLiteral("notes"), m_notes->toPlainText()},
    };
}

void CustomerDialog::submit()
{
    m_errors.clear();
    auto draft = customers::CustomerJson::draftFrom(body(), customers::CustomerJson::staffBody());
    if (!draft) {
        showError(draft.error());
        return;
    }
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    Q_EMIT saveRequested(m_id, *draft);
}

void CustomerDialog::showError(const Error &error)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
    m_errors.show(error);
}

} // namespace mp
