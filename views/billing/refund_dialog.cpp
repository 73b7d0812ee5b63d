#include "refund_dialog.h"

#include "money_text.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace mp {

RefundDialog::RefundDialog(const QString &invoiceNumber, const Money &refundable, QWidget *parent)
    : QDialog(parent), m_refundable(refundable), m_general(FieldErrors::makeLabel(this)), m_errors(m_general),
      m_full(new QRadioButton(tr("&Full: %1").arg(moneyText(refundable)), this)),
      m_partial(new QRadioButton(tr("&Part of it:"), this)), m_amount(new QLineEdit(this)),
      m_reason(new QComboBox(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("refundDialog"));
    setWindowTitle(tr("Refund %1").arg(invoiceNumber));
    m_full->setChecked(true);
    m_amount->setEnabled(false);
    m_amount->setPlaceholderText(tr("amount in %1").arg(refundable.currency().code()));
    m_reason->addItem(tr("Requested by the customer"), QStringLiteral("requested_by_customer"));
    m_reason->addItem(tr("Duplicate payment"), QStringLiteral("duplicate"));
    m_reason->addItem(tr("Fraudulent"), QStringLiteral("fraudulent"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Refund…"));
    auto *form = new QFormLayout;
    form->addRow(m_full);
    form->addRow(m_partial, m_amount);
    form->addRow(QString(), m_errors.add(QStringLiteral("amount"), this));
    form->addRow(tr("R&eason:"), m_reason);
    form->addRow(QString(), m_errors.add(QStringLiteral("reason"), this));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_general);
    layout->addWidget(m_buttons);
    connect(m_partial, &QRadioButton::toggled, m_amount, &QWidget::setEnabled);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        const auto amount = amountMinor();
        if (!amount)
            return;
        const QString what =
            *amount == 0 ? moneyText(m_refundable) : moneyText(Money(*amount, m_refundable.currency()));
        // Money goes back to the card at once: a second, explicit yes.
        if (QMessageBox::question(this, windowTitle(), tr("Refund %1 to the customer's card?").arg(what)) ==
            QMessageBox::Yes)
            Q_EMIT confirmed();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

std::optional<qint64> RefundDialog::amountMinor()
{
    if (m_full->isChecked())
        return 0;
    auto amount = Money::parse(m_amount->text().trimmed(), m_refundable.currency());
    if (!amount) {
        m_errors.show(restate(amount.error(), amount.error().message, QStringLiteral("amount")));
        return std::nullopt;
    }
    return amount->minorAmount();
}

QString RefundDialog::reason() const
{
    return m_reason->currentData().toString();
}

void RefundDialog::setPartial(const QString &amount)
{
    m_partial->setChecked(true);
    m_amount->setText(amount);
}

void RefundDialog::showError(const Error &error)
{
    m_errors.show(error);
}

} // namespace mp
