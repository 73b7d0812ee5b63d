#include "mark_paid_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace mp {

MarkPaidDialog::MarkPaidDialog(const QString &invoiceNumber, QWidget *parent)
    : QDialog(parent), m_general(FieldErrors::makeLabel(this)), m_errors(m_general),
      m_method(new QComboBox(this)), m_reference(new QLineEdit(this)), m_reason(new QLineEdit(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Mark %1 paid").arg(invoiceNumber));
    m_method->addItem(tr("Bank transfer"), QStringLiteral("bank_transfer"));
    m_method->addItem(tr("Cash"), QStringLiteral("cash"));
    m_method->addItem(tr("Other (manual)"), QStringLiteral("manual"));
    m_reference->setPlaceholderText(tr("the bank's reference"));
    m_reason->setText(tr("Payment received"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Mark paid"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Method:"), m_method);
    form->addRow(tr("&Reference:"), m_reference);
    form->addRow(QString(), m_errors.add(QStringLiteral("payment_reference"), this));
    form->addRow(tr("R&eason:"), m_reason);
    form->addRow(QString(), m_errors.add(QStringLiteral("reason"), this));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_general);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &MarkPaidDialog::confirmed);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString MarkPaidDialog::method() const
{
    return m_method->currentData().toString();
}

QString MarkPaidDialog::reference() const
{
    return m_reference->text().trimmed();
}

QString MarkPaidDialog::reason() const
{
    return m_reason->text();
}

void MarkPaidDialog::showError(const Error &error)
{
    m_errors.show(error);
}

} // namespace mp
