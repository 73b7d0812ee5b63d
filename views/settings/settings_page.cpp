#include "settings_page.h"

#include "common/country_picker.h"
#include "tax_rate_table_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QVBoxLayout>

namespace mp {

namespace {

// A field and the red label under it that FieldErrors fills when an error names `field`.
QVBoxLayout *withError(QWidget *input, FieldErrors &errors, const QString &field, QWidget *parent)
{
    auto *box = new QVBoxLayout;
    box->setSpacing(2);
    box->addWidget(input);
    box->addWidget(errors.add(field, parent));
    return box;
}

// "7,5" as typed in a German console -> "7.5", the API's form; anything else is passed on for
// the service to refuse naming the field.
QString apiPercent(const QString &typed)
{
    QString text = typed.trimmed();
    text.remove(u'%');
    text = text.trimmed();
    bool ok = false;
    const double value = QLocale().toDouble(text, &ok);
    if (!ok)
        return text;
    return QString::number(value, 'f', 4).remove(QRegularExpression(QStringLiteral("\\.?0+$")));
}

} // namespace

SettingsPage::SettingsPage(ConsoleSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_general(FieldErrors::makeLabel(this)), m_errors(m_general),
      m_name(new QLineEdit(this)), m_address(new QPlainTextEdit(this)), m_country(new CountryPicker(this)),
      m_taxId(new QLineEdit(this)), m_email(new QLineEdit(this)), m_bank(new QPlainTextEdit(this)),
      m_invoiceFormat(new QLineEdit(this)), m_creditNoteFormat(new QLineEdit(this)),
      m_terms(new QSpinBox(this)), m_priceMode(new QComboBox(this)),
      m_reverseCharge(new QCheckBox(tr("Reverse charge for EU businesses with a VAT ID"), this)),
      m_logo(new QLabel(this)), m_removeLogo(new QPushButton(tr("Remove logo"), this)),
      m_save(new QPushButton(tr("&Save company settings"), this)),
      m_rateGeneral(FieldErrors::makeLabel(this)), m_rateErrors(m_rateGeneral),
      m_rates(new TaxRateTableModel(this)), m_ratesView(new QTableView(this)),
      m_rateCountry(new CountryPicker(this)), m_rateName(new QLineEdit(this)), m_rate(new QLineEdit(this)),
      m_fromSet(new QCheckBox(tr("From"), this)), m_from(new QDateEdit(this)),
      m_untilSet(new QCheckBox(tr("Until"), this)), m_until(new QDateEdit(this)),
      m_addRate(new QPushButton(tr("&Add rate"), this)),
      m_removeRate(new QPushButton(tr("Remove rate"), this))
{
    setObjectName(QStringLiteral("settingsPage"));
    auto *columns = new QHBoxLayout;
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(companyForm());
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // The form narrows with the window (its fields wrap or shrink); only its height scrolls.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    columns->addWidget(scroll, 1);
    columns->addWidget(ratesBox(), 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("<h2>Settings</h2>"), this));
    layout->addLayout(columns, 1);
    load();
}

QWidget *SettingsPage::companyForm()
{
    auto *box = new QGroupBox(tr("Your company on invoices"), this);
    m_name->setObjectName(QStringLiteral("sellerName"));
    m_address->setObjectName(QStringLiteral("sellerAddress"));
    m_address->setPlaceholderText(tr("Street and number\nPostcode and city"));
    m_address->setMaximumHeight(70);
    m_bank->setMaximumHeight(52);
    m_bank->setPlaceholderText(tr("IBAN, BIC and bank: printed on unpaid invoices"));
    m_country->setObjectName(QStringLiteral("sellerCountry"));
    // The pickers' long placeholder must not set the form's width: the form shares the screen.
    for (CountryPicker *picker : {m_country, m_rateCountry}) {
        picker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        picker->setMinimumContentsLength(14);
    }
    m_taxId->setObjectName(QStringLiteral("sellerTaxId"));
    m_taxId->setPlaceholderText(tr("e.g. DE123456789"));
    m_invoiceFormat->setObjectName(QStringLiteral("invoiceNumberFormat"));
    m_invoiceFormat->setToolTip(
        tr("{YYYY} or {YY} is the year, {NNNN} the running number with as many digits as Ns."));
    m_terms->setRange(0, 365);
    m_terms->setSuffix(tr(" days"));
    m_terms->setObjectName(QStringLiteral("paymentTerms"));
    m_priceMode->addItem(tr("Prices exclude tax (tax is added)"), QStringLiteral("exclusive"));
    m_priceMode->addItem(tr("Prices include tax"), QStringLiteral("inclusive"));
    m_reverseCharge->setObjectName(QStringLiteral("reverseCharge"));
    m_reverseCharge->setToolTip(
        tr("A business in another EU country with a valid-looking VAT ID pays no VAT; "
           "the invoice says the recipient accounts for it."));
    m_logo->setObjectName(QStringLiteral("logoPreview"));
    m_logo->setMinimumSize(160, 48);
    m_logo->setFrameShape(QFrame::StyledPanel);
    m_logo->setAlignment(Qt::AlignCenter);
    m_save->setObjectName(QStringLiteral("saveCompanySettings"));

    auto *form = new QFormLayout;
    form->addRow(tr("Company name:"), withError(m_name, m_errors, QStringLiteral("seller_name"), box));
    form->addRow(tr("Address:"), withError(m_address, m_errors, QStringLiteral("seller_address"), box));
    form->addRow(tr("Country:"), withError(m_country, m_errors, QStringLiteral("country"), box));
    form->addRow(tr("VAT ID:"), withError(m_taxId, m_errors, QStringLiteral("seller_tax_id"), box));
    form->addRow(tr("Billing e-mail:"), withError(m_email, m_errors, QStringLiteral("seller_email"), box));
    form->addRow(tr("Bank details:"), withError(m_bank, m_errors, QStringLiteral("bank_details"), box));
    auto *logoRow = new QHBoxLayout;
    auto *chooseLogo = new QPushButton(tr("Choose…"), box);
    logoRow->addWidget(m_logo);
    logoRow->addWidget(chooseLogo);
    logoRow->addWidget(m_removeLogo);
    logoRow->addStretch();
    auto *logoBox = new QVBoxLayout;
    logoBox->addLayout(logoRow);
    logoBox->addWidget(m_errors.add(QStringLiteral("logo"), box));
    form->addRow(tr("Logo:"), logoBox);
    form->addRow(tr("Invoice numbers:"),
                 withError(m_invoiceFormat, m_errors, QStringLiteral("invoice_number_format"), box));
    form->addRow(tr("Credit note numbers:"),
                 withError(m_creditNoteFormat, m_errors, QStringLiteral("credit_note_number_format"), box));
    form->addRow(tr("Payment terms:"),
                 withError(m_terms, m_errors, QStringLiteral("payment_terms_days"), box));
    form->addRow(tr("Prices:"), withError(m_priceMode, m_errors, QStringLiteral("price_mode"), box));
    form->addRow(QString(), m_reverseCharge);

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(form);
    layout->addWidget(m_general);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    layout->addStretch();

    connect(m_save, &QPushButton::clicked, this, &SettingsPage::save);
    connect(chooseLogo, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Choose a logo"), QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
            tr("Images (*.png *.jpg *.jpeg)"));
        if (!path.isEmpty())
            chooseLogoFile(path);
    });
    connect(m_removeLogo, &QPushButton::clicked, this, [this] {
        m_pendingLogo = QByteArray();
        showLogo({});
    });
    return box;
}

QWidget *SettingsPage::ratesBox()
{
    auto *box = new QGroupBox(tr("Tax rates by buyer's country"), this);
    m_ratesView->setObjectName(QStringLiteral("taxRates"));
    m_ratesView->setModel(m_rates);
    m_ratesView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ratesView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ratesView->verticalHeader()->hide();
    m_ratesView->horizontalHeader()->setSectionResizeMode(TaxRateTableModel::CountryColumn,
                                                          QHeaderView::Stretch);
    m_ratesView->horizontalHeader()->resizeSection(TaxRateTableModel::NameColumn, 70);
    m_ratesView->horizontalHeader()->resizeSection(TaxRateTableModel::RateColumn, 60);
    m_ratesView->horizontalHeader()->resizeSection(TaxRateTableModel::ValidFromColumn, 95);
    m_ratesView->horizontalHeader()->resizeSection(TaxRateTableModel::ValidToColumn, 95);
    m_rateCountry->setObjectName(QStringLiteral("rateCountry"));
    m_rateName->setObjectName(QStringLiteral("rateName"));
    m_rateName->setPlaceholderText(tr("VAT, USt."));
    m_rate->setObjectName(QStringLiteral("rateValue"));
    m_rate->setPlaceholderText(QLocale().toString(19.5, 'f', 1));
    m_rate->setMaximumWidth(80);
    for (QDateEdit *d : {m_from, m_until}) {
        d->setCalendarPopup(true);
        d->setDate(QDate::currentDate());
        d->setEnabled(false);
    }
    m_addRate->setObjectName(QStringLiteral("addTaxRate"));
    m_removeRate->setObjectName(QStringLiteral("removeTaxRate"));
    m_removeRate->setEnabled(false);

    auto *explain = new QLabel(tr("An invoice is taxed at the rate of the buyer's country valid on its issue "
                                  "date, else the default rate. To change a rate, end the old one and add "
                                  "the new one from the next day; issued invoices keep their rate."),
                               box);
    explain->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Buyer's country:"),
                 withError(m_rateCountry, m_rateErrors, QStringLiteral("country"), box));
    auto *nameRate = new QHBoxLayout;
    nameRate->addLayout(withError(m_rateName, m_rateErrors, QStringLiteral("name"), box), 2);
    nameRate->addWidget(new QLabel(tr("Rate (%):"), box));
    nameRate->addLayout(withError(m_rate, m_rateErrors, QStringLiteral("rate"), box), 1);
    form->addRow(tr("Name:"), nameRate);
    auto *validity = new QHBoxLayout;
    validity->addWidget(m_fromSet);
    validity->addLayout(withError(m_from, m_rateErrors, QStringLiteral("valid_from"), box));
    validity->addWidget(m_untilSet);
    validity->addLayout(withError(m_until, m_rateErrors, QStringLiteral("valid_to"), box));
    validity->addStretch();
    form->addRow(tr("Valid:"), validity);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_removeRate);
    buttons->addStretch();
    buttons->addWidget(m_addRate);

    auto *layout = new QVBoxLayout(box);
    layout->addWidget(explain);
    layout->addWidget(m_ratesView, 1);
    layout->addLayout(form);
    layout->addWidget(m_rateGeneral);
    layout->addLayout(buttons);

    connect(m_fromSet, &QCheckBox::toggled, m_from, &QDateEdit::setEnabled);
    connect(m_untilSet, &QCheckBox::toggled, m_until, &QDateEdit::setEnabled);
    connect(m_addRate, &QPushButton::clicked, this, &SettingsPage::addRate);
    connect(m_removeRate, &QPushButton::clicked, this, &SettingsPage::removeSelectedRate);
    connect(m_ratesView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_removeRate->setEnabled(m_ratesView->selectionModel()->hasSelection()); });
    return box;
}

void SettingsPage::load()
{
    commands::loadCompanySettings(m_session, this, [this](const Result<commands::CompanySettingsDetail> &r) {
        if (r)
            show(*r);
        else
            m_errors.show(r.error());
        Q_EMIT loaded();
    });
}

void SettingsPage::show(const commands::CompanySettingsDetail &d)
{
    const billing::BillingSettings &s = d.settings;
    m_name->setText(s.sellerName);
    m_address->setPlainText(s.sellerAddress);
    m_country->setCode(s.country);
    m_taxId->setText(s.sellerTaxId);
    m_email->setText(s.sellerEmail);
    m_bank->setPlainText(s.bankDetails);
    m_invoiceFormat->setText(s.invoiceNumberFormat);
    m_creditNoteFormat->setText(s.creditNoteNumberFormat);
    m_terms->setValue(s.paymentTermsDays);
    m_priceMode->setCurrentIndex(m_priceMode->findData(billing::priceModeName(s.priceMode)));
    m_reverseCharge->setChecked(s.reverseCharge);
    m_pendingLogo.reset();
    showLogo(d.logo.bytes);
    m_rates->setRates(d.rates);
    m_removeRate->setEnabled(false);
}

void SettingsPage::showLogo(const QByteArray &bytes)
{
    QPixmap pixmap;
    m_hasLogo = !bytes.isEmpty() && pixmap.loadFromData(bytes);
    if (m_hasLogo)
        m_logo->setPixmap(pixmap.scaled(160, 48, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    else
        m_logo->setText(tr("No logo"));
    m_removeLogo->setEnabled(m_hasLogo);
}

bool SettingsPage::chooseLogoFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_errors.show(makeError(errors::InvalidValue, tr("Cannot read %1: %2").arg(path, file.errorString()),
                                QStringLiteral("logo")));
        return false;
    }
    m_pendingLogo = file.readAll();
    showLogo(*m_pendingLogo);
    return true;
}

QJsonObject SettingsPage::companyBody() const
{
    QJsonObject body{{QStringLiteral("seller_name"), m_name->text().trimmed()},
                     {QStringLiteral("seller_address"), m_address->toPlainText().trimmed()},
                     {QStringLiteral("seller_tax_id"), m_taxId->text().trimmed()},
                     {QStringLiteral("seller_email"), m_email->text().trimmed()},
                     {QStringLiteral("bank_details"), m_bank->toPlainText().trimmed()},
                     {QStringLiteral("country"),
                      m_country->code().isEmpty() ? QJsonValue() : QJsonValue(m_country->code())},
                     {QStringLiteral("invoice_number_format"), m_invoiceFormat->text().trimmed()},
                     {QStringLiteral("credit_note_number_format"), m_creditNoteFormat->text().trimmed()},
                     {QStringLiteral("payment_terms_days"), m_terms->value()},
                     {QStringLiteral("price_mode"), m_priceMode->currentData().toString()},
                     {QStringLiteral("reverse_charge"), m_reverseCharge->isChecked()}};
    if (m_pendingLogo)
        body.insert(QStringLiteral("logo"), m_pendingLogo->isEmpty()
                                                ? QJsonValue()
                                                : QJsonValue(QString::fromLatin1(m_pendingLogo->toBase64())));
    return body;
}

void SettingsPage::save()
{
    m_errors.clear();
    m_save->setEnabled(false);
    commands::saveCompanySettings(m_session, this, companyBody(),
                                  [this](const Result<commands::CompanySettingsDetail> &r) {
                                      m_save->setEnabled(true);
                                      if (r)
                                          show(*r);
                                      else
                                          m_errors.show(r.error());
                                      Q_EMIT saved(bool(r));
                                  });
}

QJsonObject SettingsPage::rateBody() const
{
    QJsonObject body{{QStringLiteral("name"), m_rateName->text().trimmed()},
                     {QStringLiteral("rate"), apiPercent(m_rate->text())}};
    if (!m_rateCountry->code().isEmpty())
        body.insert(QStringLiteral("country"), m_rateCountry->code());
    if (m_fromSet->isChecked())
        body.insert(QStringLiteral("valid_from"), m_from->date().toString(Qt::ISODate));
    // Staff pick the last day a rate applies; the API stores the first day it no longer does.
    if (m_untilSet->isChecked())
        body.insert(QStringLiteral("valid_to"), m_until->date().addDays(1).toString(Qt::ISODate));
    return body;
}

void SettingsPage::addRate()
{
    m_rateErrors.clear();
    m_addRate->setEnabled(false);
    commands::addTaxRate(m_session, this, rateBody(), [this](const Result<billing::TaxRateRecord> &r) {
        m_addRate->setEnabled(true);
        if (!r) {
            m_rateErrors.show(r.error());
            Q_EMIT rateAdded(false);
            return;
        }
        m_rateName->clear();
        m_rate->clear();
        load();
        Q_EMIT rateAdded(true);
    });
}

void SettingsPage::removeSelectedRate()
{
    const QModelIndexList rows = m_ratesView->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    m_rateErrors.clear();
    commands::removeTaxRate(m_session, this, rows.first().data(IdRole).toString(),
                            [this](const Result<bool> &r) {
                                if (!r)
                                    m_rateErrors.show(r.error());
                                else
                                    load();
                                Q_EMIT rateRemoved(bool(r));
                            });
}

} // namespace mp
