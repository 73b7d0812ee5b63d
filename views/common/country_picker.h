#pragma once

#include <QComboBox>

namespace mp {

class CountryListModel;

// A searchable ISO 3166 country field: type any part of a country's name (in the console's
// language or the country's own) or its code and pick it from the list; code() is the
// alpha-2 code to store. Text that names no country is passed on as typed, so the services
// refuse it naming the field instead of the form guessing ("Germany" is never "GE").
class CountryPicker : public QComboBox {
    Q_OBJECT
public:
    explicit CountryPicker(QWidget *parent = nullptr);

    // "DE"; empty for no country; what was typed (for the services to refuse) when it names none.
    QString code() const;
    void setCode(const QString &code);
    CountryListModel *countries() const { return m_countries; }

private:
    CountryListModel *m_countries;
};

} // namespace mp
