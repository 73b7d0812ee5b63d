#pragma once

#include "common/field_errors.h"
#include "settings_commands.h"

#include <QJsonObject>
#include <QWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace mp {

class CountryPicker;
class TaxRateTableModel;

// The Settings section: the company as invoices print it (name, address, country, VAT ID,
// e-mail, bank details, logo), numbering, payment terms, price mode and reverse charge, and
// the tax rates by buyer country with their validity. Saving sends the body of
// PUT /api/billing/settings (or POST /api/tax-rates) through the same service, so the console
// refuses what the API refuses, next to the field it names; roles that may not change
// settings are told so by the same error.
class SettingsPage : public QWidget {
    Q_OBJECT
public:
    explicit SettingsPage(ConsoleSession *session, QWidget *parent = nullptr);

    void load();
    void save();
    void addRate();
    void removeSelectedRate();
    // Replaces the logo to save with the file's bytes; false when it cannot be read.
    bool chooseLogoFile(const QString &path);

    QJsonObject companyBody() const;
    QJsonObject rateBody() const;
    const FieldErrors &errors() const { return m_errors; }
    const FieldErrors &rateErrors() const { return m_rateErrors; }
    TaxRateTableModel *rates() const { return m_rates; }
    QTableView *ratesView() const { return m_ratesView; }

Q_SIGNALS:
    void loaded();
    void saved(bool ok);
    void rateAdded(bool ok);
    void rateRemoved(bool ok);

private:
    void show(const commands::CompanySettingsDetail &detail);
    void showLogo(const QByteArray &bytes);
    QWidget *companyForm();
    QWidget *ratesBox();

    ConsoleSession *m_session;
    QLabel *m_general;
    FieldErrors m_errors;
    QLineEdit *m_name;
    QPlainTextEdit *m_address;
    CountryPicker *m_country;
    QLineEdit *m_taxId;
    QLineEdit *m_email;
    QPlainTextEdit *m_bank;
    QLineEdit *m_invoiceFormat;
    QLineEdit *m_creditNoteFormat;
    QSpinBox *m_terms;
    QComboBox *m_priceMode;
    QCheckBox *m_reverseCharge;
    QLabel *m_logo;
    QPushButton *m_removeLogo;
    QPushButton *m_save;
    // The logo to send with the next save: nullopt keeps the stored one, empty removes it.
    std::optional<QByteArray> m_pendingLogo;
    bool m_hasLogo = false;

    QLabel *m_rateGeneral;
    FieldErrors m_rateErrors;
    TaxRateTableModel *m_rates;
    QTableView *m_ratesView;
    CountryPicker *m_rateCountry;
    QLineEdit *m_rateName;
    QLineEdit *m_rate;
    QCheckBox *m_fromSet;
    QDateEdit *m_from;
    QCheckBox *m_untilSet;
    QDateEdit *m_until;
    QPushButton *m_addRate;
    QPushButton *m_removeRate;
};

} // namespace mp
