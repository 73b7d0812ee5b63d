#pragma once

#include "common/field_errors.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;

namespace mp {

// Asks how a manual payment arrived (bank transfer and its reference) and why: what a
// StatusChange to "paid" carries into the invoice and its audit log.
class MarkPaidDialog : public QDialog {
    Q_OBJECT
public:
    explicit MarkPaidDialog(const QString &invoiceNumber, QWidget *parent = nullptr);

    QString method() const;
    QString reference() const;
    QString reason() const;
    void showError(const Error &error);
    QLineEdit *referenceEdit() const { return m_reference; }

Q_SIGNALS:
    void confirmed();

private:
    QLabel *m_general;
    FieldErrors m_errors;
    QComboBox *m_method;
    QLineEdit *m_reference;
    QLineEdit *m_reason;
    QDialogButtonBox *m_buttons;
};

} // namespace mp
