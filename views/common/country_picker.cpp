#include "country_picker.h"

#include "country_list_model.h"

#include <QCompleter>
#include <QLineEdit>

namespace mp {

CountryPicker::CountryPicker(QWidget *parent)
    : QComboBox(parent), m_countries(new CountryListModel(true, this))
{
    setEditable(true);
    setInsertPolicy(QComboBox::NoInsert);
    setModel(m_countries);
    setMaxVisibleItems(15);
    lineEdit()->setPlaceholderText(tr("Type a country or its code, e.g. Germany or DE"));
    // Any part of a name or the code finds the row, not only its beginning.
    auto *search = new QCompleter(m_countries, this);
    search->setCaseSensitivity(Qt::CaseInsensitive);
    search->setFilterMode(Qt::MatchContains);
    search->setCompletionRole(Qt::DisplayRole);
    search->setCompletionMode(QCompleter::PopupCompletion);
    setCompleter(search);
    setCurrentIndex(0);
}

QString CountryPicker::code() const
{
    const QString text = currentText().trimmed();
    if (text.isEmpty())
        return {};
    if (const QString code = m_countries->codeFor(text); !code.isEmpty())
        return code;
    return text.size() == 2 ? text.toUpper() : text;
}

void CountryPicker::setCode(const QString &code)
{
    const int row = m_countries->rowOf(code);
    if (row >= 0) {
        setCurrentIndex(row);
        return;
    }
    setCurrentIndex(-1);
    setEditText(code); // a stored value the list does not know stays visible
}

} // namespace mp
