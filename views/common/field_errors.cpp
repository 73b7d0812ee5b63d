#include "field_errors.h"

#include <QLabel>

namespace mp {

QLabel *FieldErrors::makeLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b02020;"));
    label->hide();
    return label;
}

QLabel *FieldErrors::add(const QString &field, QWidget *parent)
{
    QLabel *label = makeLabel(parent);
    label->setObjectName(QStringLiteral("error_") + field);
    m_labels.insert(field, label);
    return label;
}

void FieldErrors::clear()
{
    m_shown.clear();
    for (const QPointer<QLabel> &label : std::as_const(m_labels)) {
        if (label) {
            label->clear();
            label->hide();
        }
    }
    if (m_general) {
        m_general->clear();
        m_general->hide();
    }
}

void FieldErrors::show(const Error &error)
{
    clear();
    QString field = error.field;
    // "prices[1].currency" -> "prices[1]" -> "prices"; "address.city" -> "address"
    while (!field.isEmpty() && !m_labels.contains(field)) {
        const qsizetype cut = std::max(field.lastIndexOf(u'.'), field.lastIndexOf(u'['));
        field = cut > 0 ? field.left(cut) : QString();
    }
    QLabel *label = field.isEmpty() ? m_general.data() : m_labels.value(field).data();
    if (!label)
        return;
    m_shown = field;
    label->setText(error.message);
    label->show();
}

QString FieldErrors::textOf(const QString &field) const
{
    QLabel *label = field.isEmpty() ? m_general.data() : m_labels.value(field).data();
    return label && !label->isHidden() ? label->text() : QString();
}

} // namespace mp
