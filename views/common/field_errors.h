#pragma once

#include "core/result.h"

#include <QHash>
#include <QLabel>
#include <QPointer>
#include <QString>

class QLabel;
class QWidget;

namespace mp {

// Shows a service Error next to the input it is about: each field name the services use
// ("name", "prices", "address.city") maps to a label under its widget; "prices[1].currency"
// finds the label of "prices". Errors naming no known field go to the general label.
class FieldErrors {
public:
    explicit FieldErrors(QLabel *general) : m_general(general) {}

    // A red, word-wrapped label, hidden until an error names `field`.
    QLabel *add(const QString &field, QWidget *parent);
    void show(const Error &error);
    void clear();
    // The field the last error was shown for ("" for the general label).
    const QString &shownField() const { return m_shown; }
    QString textOf(const QString &field) const;

    static QLabel *makeLabel(QWidget *parent);

private:
    QPointer<QLabel> m_general;
    QHash<QString, QPointer<QLabel>> m_labels;
    QString m_shown;
};

} // namespace mp
