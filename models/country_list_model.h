#pragma once

#include "model_roles.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace mp {

// The ISO 3166-1 countries a customer (or the seller) can be in, for pickers: each row shows
// the country's name in the console's language (QLocale's territory names, translated in the
// "mp::Countries" context), its own name where Qt has a locale for it ("Deutschland"), and
// the alpha-2 code that is stored. Sorted by the shown name as the console's locale sorts.
class CountryListModel : public QAbstractListModel {
    Q_OBJECT
public:
    // IdRole answers the alpha-2 code; SearchRole every name a row can be found by.
    static constexpr int SearchRole = Qt::UserRole + 2;

    // `withNone`: a first row with no country (code "") for optional fields.
    explicit CountryListModel(bool withNone = true, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The row of `code` ("DE"), or -1.
    int rowOf(const QString &code) const;
    // The code `text` names, whatever way someone typed it: a code in any case ("de"), a name
    // as shown, in English or in the country's own language ("Germany", "deutschland"), or a
    // row's whole text. Empty when it names none.
    QString codeFor(const QString &text) const;
    // "Germany" in the console's language; the code itself when it names no country.
    static QString name(const QString &code);

private:
    struct Country {
        QString code;
        QString name; // in the console's language
        QString english;
        QString native; // empty when Qt has no locale for the territory
        QString text;   // what the row shows
    };
    QList<Country> m_countries;
};

} // namespace mp
