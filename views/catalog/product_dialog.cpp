#include "product_dialog.h"

#include "catalog/catalog_terms.h"
#include "catalog/product_json.h"
#include "module/product_types.h"
#include "product_table_model.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace mp {

namespace {

QTableWidget *makeTable(const QStringList &headers, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setHorizontalHeaderLabels(headers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setMinimumHeight(120);
    return table;
}

QString cell(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text().trimmed() : QString();
}

// A field that holds itself and its error label under it.
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

ProductDialog::ProductDialog(const QList<catalog::CloudPodTemplate> &templates, QWidget *parent)
    : QDialog(parent), m_general(FieldErrors::makeLabel(this)), m_errors(m_general),
      m_type(new QComboBox(this)), m_name(new QLineEdit(this)), m_description(new QPlainTextEdit(this)),
      m_visibility(new QComboBox(this)), m_template(new QComboBox(this)), m_tld(new QLineEdit(this)),
      m_prices(makeTable({tr("Cycle"), tr("Currency"), tr("Price"), tr("Setup fee")}, this)),
      m_domainPrices(makeTable({tr("Action"), tr("Years"), tr("Currency"), tr("Price")}, this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New product"));
    setObjectName(QStringLiteral("productDialog"));
    for (const QString &type : catalog::productTypes())
        m_type->addItem(ProductTableModel::typeTitle(type), type);
    m_type->setCurrentIndex(int(catalog::productTypes().indexOf(QStringLiteral("other"))));
    for (const QString &v : catalog::visibilities())
        m_visibility->addItem(ProductTableModel::visibilityTitle(v), v);
    for (const catalog::CloudPodTemplate &t : templates)
        m_template->addItem(tr("%1 (%n core(s), %2 MB RAM, %3 GB disk)", nullptr, t.cpuCores)
                                .arg(t.name)
                                .arg(t.ramMb)
                                .arg(t.diskGb),
                            t.id);
    m_tld->setPlaceholderText(tr("com, co.uk"));
    m_description->setMaximumHeight(70);

    auto *form = new QFormLayout;
    form->addRow(tr("&Type:"), withError(m_type, m_errors.add(QStringLiteral("type"), this)));
    form->addRow(tr("&Name:"), withError(m_name, m_errors.add(QStringLiteral("name"), this)));
    form->addRow(tr("&Description:"),
                 withError(m_description, m_errors.add(QStringLiteral("description"), this)));
    form->addRow(tr("&Visibility:"),
                 withError(m_visibility, m_errors.add(QStringLiteral("visibility"), this)));
    m_templateRow = withError(m_template, m_errors.add(QStringLiteral("template_id"), this));
    form->addRow(tr("Tem&plate:"), m_templateRow);
    m_tldRow = withError(m_tld, m_errors.add(QStringLiteral("tld"), this));
    form->addRow(tr("T&LD:"), m_tldRow);
    m_pricesRow = withError(
        tableWithButtons(m_prices,
                         [this] { addPriceRow(QStringLiteral("monthly"), QStringLiteral("EUR"), {}); }),
        m_errors.add(QStringLiteral("prices"), this));
    form->addRow(tr("Prices:"), m_pricesRow);
    m_domainPricesRow = withError(tableWithButtons(m_domainPrices,
                                                   [this] {
                                                       addDomainPriceRow(QStringLiteral("register"), 1,
                                                                         QStringLiteral("EUR"), {});
                                                   }),
                                  m_errors.add(QStringLiteral("domain_prices"), this));
    form->addRow(tr("Domain prices:"), m_domainPricesRow);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_general);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProductDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_type, &QComboBox::currentIndexChanged, this, &ProductDialog::updateTypeFields);
    updateTypeFields();
    resize(620, 560);
}

QWidget *ProductDialog::tableWithButtons(QTableWidget *table, const std::function<void()> &add)
{
    auto *box = new QWidget(this);
    auto *buttons = new QVBoxLayout;
    auto *addButton = new QPushButton(tr("Add"), box);
    auto *removeButton = new QPushButton(tr("Remove"), box);
    connect(addButton, &QPushButton::clicked, this, add);
    connect(removeButton, &QPushButton::clicked, table, [table] {
        if (table->currentRow() >= 0)
            table->removeRow(table->currentRow());
    });
    buttons->addWidget(addButton);
    buttons->addWidget(removeButton);
    buttons->addStretch();
    auto *layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table, 1);
    layout->addLayout(buttons);
    return box;
}

void ProductDialog::addPriceRow(const QString &cycle, const QString &currency, const QString &amount,
                                const QString &setupFee)
{
    const int row = m_prices->rowCount();
    m_prices->insertRow(row);
    const QString values[] = {cycle, currency, amount, setupFee};
    for (int c = 0; c < 4; ++c)
        m_prices->setItem(row, c, new QTableWidgetItem(values[c]));
}

void ProductDialog::addDomainPriceRow(const QString &action, int years, const QString &currency,
                                      const QString &amount)
{
    const int row = m_domainPrices->rowCount();
    m_domainPrices->insertRow(row);
    const QString values[] = {action, QString::number(years), currency, amount};
    for (int c = 0; c < 4; ++c)
        m_domainPrices->setItem(row, c, new QTableWidgetItem(values[c]));
}

void ProductDialog::updateTypeFields()
{
    const QString type = m_type->currentData().toString();
    const auto &types = provisioning::ProductTypes::global();
    const bool domain = types.pricedByYears(type);
    m_templateRow->setEnabled(types.takesTemplate(type));
    m_tldRow->setEnabled(domain);
    m_pricesRow->setEnabled(!domain);
    m_domainPricesRow->setEnabled(domain);
}

void ProductDialog::setProduct(const catalog::Product &p)
{
    m_id = p.id;
    setWindowTitle(tr("Edit %1").arg(p.name));
    m_type->setCurrentIndex(m_type->findData(p.type));
    m_type->setEnabled(false); // the API cannot change a product's type either
    m_name->setText(p.name);
    m_description->setPlainText(p.description);
    m_visibility->setCurrentIndex(m_visibility->findData(p.visibility));
    if (!p.templateId.isEmpty())
        m_template->setCurrentIndex(m_template->findData(p.templateId));
    m_tld->setText(p.tld);
    m_prices->setRowCount(0);
    for (const catalog::CyclePrice &c : p.prices)
        addPriceRow(c.cycle, c.amount.currency().code(), c.amount.toDecimalString(),
                    c.setupFee.minorAmount() ? c.setupFee.toDecimalString() : QString());
    m_domainPrices->setRowCount(0);
    for (const catalog::DomainPrice &d : p.domainPrices)
        addDomainPriceRow(d.action, d.years, d.amount.currency().code(), d.amount.toDecimalString());
    updateTypeFields();
}

QJsonObject ProductDialog::body() const
{
    const QString type = m_type->currentData().toString();
    QJsonObject body{{QStringLiteral("name"), m_name->text()},
                     {QStringLiteral("description"), m_description->toPlainText()},
                     {QStringLiteral("visibility"), m_visibility->currentData().toString()}};
    if (m_id.isEmpty())
        body.insert(QStringLiteral("type"), type);
    const auto &types = provisioning::ProductTypes::global();
    if (types.takesTemplate(type))
        body.insert(QStringLiteral("template_id"), m_template->currentData().toString());
    if (types.pricedByYears(type)) {
        body.insert(QStringLiteral("tld"), m_tld->text());
        QJsonArray domain;
        for (int r = 0; r < m_domainPrices->rowCount(); ++r) {
            bool ok = false;
            const int years = cell(m_domainPrices, r, 1).toInt(&ok);
            domain.append(QJsonObject{
                {QStringLiteral("action"), cell(m_domainPrices, r, 0)},
                {QStringLiteral("years"), ok ? QJsonValue(years) : QJsonValue(cell(m_domainPrices, r, 1))},
                {QStringLiteral("currency"), cell(m_domainPrices, r, 2)},
                {QStringLiteral("amount"), cell(m_domainPrices, r, 3)}});
        }
        body.insert(QStringLiteral("domain_prices"), domain);
    } else {
        QJsonArray prices;
        for (int r = 0; r < m_prices->rowCount(); ++r) {
            QJsonObject price{{QStringLiteral("cycle"), cell(m_prices, r, 0)},
                              {QStringLiteral("currency"), cell(m_prices, r, 1)},
                              {QStringLiteral("amount"), cell(m_prices, r, 2)}};
            if (!cell(m_prices, r, 3).isEmpty())
                price.insert(QStringLiteral("setup_fee"), cell(m_prices, r, 3));
            prices.append(price);
        }
        body.insert(QStringLiteral("prices"), prices);
    }
    return body;
}

void ProductDialog::submit()
{
    m_errors.clear();
    auto draft = catalog::ProductJson::draftFrom(body(), m_id.isEmpty() ? catalog::ProductJson::createBody()
                                                                        : catalog::ProductJson::updateBody());
    if (!draft) {
        showError(draft.error());
        return;
    }
    setBusy(true);
    Q_EMIT saveRequested(m_id, *draft);
}

void ProductDialog::showError(const Error &error)
{
    setBusy(false);
    m_errors.show(error);
}

void ProductDialog::setBusy(bool busy)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
}

} // namespace mp
