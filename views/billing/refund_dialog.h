#pragma once

#include "common/field_errors.h"
#include "money/money.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QRadioButton;

namespace mp {

// Asks how much of a Stripe payment to refund (all that is left, or part of it) and why, and
// has the person confirm before anything reaches Stripe.
class RefundDialog : public QDialog {
    Q_OBJECT
public:
    // `refundable`: what the payment has left to refund.
    RefundDialog(const QString &invoiceNumber, const Money &refundable, QWidget *parent = nullptr);

    // 0 for a full refund (the services refund all that is left), else the partial amount in
    // minor units; nullopt when the amount does not parse (the error is shown next to it).
    std::optional<qint64> amountMinor();
    QString reason() const; // Stripe's refund reason

    void setPartial(const QString &amount);
    void showError(const Error &error);

Q_SIGNALS:
    void confirmed();

private:
    Money m_refundable;
    QLabel *m_general;
    FieldErrors m_errors;
    QRadioButton *m_full;
    QRadioButton *m_partial;
    QLineEdit *m_amount;
    QComboBox *m_reason;
    QDialogButtonBox *m_buttons;
};

} // namespace mp
