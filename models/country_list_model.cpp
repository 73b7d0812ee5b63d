#include "country_list_model.h"

#include <QCollator>
#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace mp {

namespace {

struct Entry {
    const char *code;
    const char *name;
};

// Qt's English territory names (QLocale::territoryToString), listed here so translators see
// them; the codes are the ones the services accept (customers/countries.h).
const Entry kCountries[] = {
    {"AD", QT_TRANSLATE_NOOP("mp::Countries", "Andorra")},
    {"AE", QT_TRANSLATE_NOOP("mp::Countries", "United Arab Emirates")},
    {"AF", QT_TRANSLATE_NOOP("mp::Countries", "Afghanistan")},
    {"AG", QT_TRANSLATE_NOOP("mp::Countries", "Antigua And Barbuda")},
    {"AI", QT_TRANSLATE_NOOP("mp::Countries", "Anguilla")},
    {"AL", QT_TRANSLATE_NOOP("mp::Countries", "Albania")},
    {"AM", QT_TRANSLATE_NOOP("mp::Countries", "Armenia")},
    {"AO", QT_TRANSLATE_NOOP("mp::Countries", "Angola")},
    {"AQ", QT_TRANSLATE_NOOP("mp::Countries", "Antarctica")},
    {"AR", QT_TRANSLATE_NOOP("mp::Countries", "Argentina")},
    {"AS", QT_TRANSLATE_NOOP("mp::Countries", "American Samoa")},
    {"AT", QT_TRANSLATE_NOOP("mp::Countries", "Austria")},
    {"AU", QT_TRANSLATE_NOOP("mp::Countries", "Australia")},
    {"AW", QT_TRANSLATE_NOOP("mp::Countries", "Aruba")},
    {"AX", QT_TRANSLATE_NOOP("mp::Countries", "Aland Islands")},
    {"AZ", QT_TRANSLATE_NOOP("mp::Countries", "Azerbaijan")},
    {"BA", QT_TRANSLATE_NOOP("mp::Countries", "Bosnia And Herzegovina")},
    {"BB", QT_TRANSLATE_NOOP("mp::Countries", "Barbados")},
    {"BD", QT_TRANSLATE_NOOP("mp::Countries", "Bangladesh")},
    {"BE", QT_TRANSLATE_NOOP("mp::Countries", "Belgium")},
    {"BF", QT_TRANSLATE_NOOP("mp::Countries", "Burkina Faso")},
    {"BG", QT_TRANSLATE_NOOP("mp::Countries", "Bulgaria")},
    {"BH", QT_TRANSLATE_NOOP("mp::Countries", "Bahrain")},
    {"BI", QT_TRANSLATE_NOOP("mp::Countries", "Burundi")},
    {"BJ", QT_TRANSLATE_NOOP("mp::Countries", "Benin")},
    {"BL", QT_TRANSLATE_NOOP("mp::Countries", "Saint Barthelemy")},
    {"BM", QT_TRANSLATE_NOOP("mp::Countries", "Bermuda")},
    {"BN", QT_TRANSLATE_NOOP("mp::Countries", "Brunei")},
    {"BO", QT_TRANSLATE_NOOP("mp::Countries", "Bolivia")},
    {"BQ", QT_TRANSLATE_NOOP("mp::Countries", "Caribbean Netherlands")},
    {"BR", QT_TRANSLATE_NOOP("mp::Countries", "Brazil")},
    {"BS", QT_TRANSLATE_NOOP("mp::Countries", "Bahamas")},
    {"BT", QT_TRANSLATE_NOOP("mp::Countries", "Bhutan")},
    {"BV", QT_TRANSLATE_NOOP("mp::Countries", "Bouvet Island")},
    {"BW", QT_TRANSLATE_NOOP("mp::Countries", "Botswana")},
    {"BY", QT_TRANSLATE_NOOP("mp::Countries", "Belarus")},
    {"BZ", QT_TRANSLATE_NOOP("mp::Countries", "Belize")},
    {"CA", QT_TRANSLATE_NOOP("mp::Countries", "Canada")},
    {"CC", QT_TRANSLATE_NOOP("mp::Countries", "Cocos Islands")},
    {"CD", QT_TRANSLATE_NOOP("mp::Countries", "Congo Kinshasa")},
    {"CF", QT_TRANSLATE_NOOP("mp::Countries", "Central African Republic")},
    {"CG", QT_TRANSLATE_NOOP("mp::Countries", "Congo Brazzaville")},
    {"CH", QT_TRANSLATE_NOOP("mp::Countries", "Switzerland")},
    {"CI", QT_TRANSLATE_NOOP("mp::Countries", "Ivory Coast")},
    {"CK", QT_TRANSLATE_NOOP("mp::Countries", "Cook Islands")},
    {"CL", QT_TRANSLATE_NOOP("mp::Countries", "Chile")},
    {"CM", QT_TRANSLATE_NOOP("mp::Countries", "Cameroon")},
    {"CN", QT_TRANSLATE_NOOP("mp::Countries", "China")},
    {"CO", QT_TRANSLATE_NOOP("mp::Countries", "Colombia")},
    {"CR", QT_TRANSLATE_NOOP("mp::Countries", "Costa Rica")},
    {"CU", QT_TRANSLATE_NOOP("mp::Countries", "Cuba")},
    {"CV", QT_TRANSLATE_NOOP("mp::Countries", "Cape Verde")},
    {"CW", QT_TRANSLATE_NOOP("mp::Countries", "Curacao")},
    {"CX", QT_TRANSLATE_NOOP("mp::Countries", "Christmas Island")},
    {"CY", QT_TRANSLATE_NOOP("mp::Countries", "Cyprus")},
    {"CZ", QT_TRANSLATE_NOOP("mp::Countries", "Czechia")},
    {"DE", QT_TRANSLATE_NOOP("mp::Countries", "Germany")},
    {"DJ", QT_TRANSLATE_NOOP("mp::Countries", "Djibouti")},
    {"DK", QT_TRANSLATE_NOOP("mp::Countries", "Denmark")},
    {"DM", QT_TRANSLATE_NOOP("mp::Countries", "Dominica")},
    {"DO", QT_TRANSLATE_NOOP("mp::Countries", "Dominican Republic")},
    {"DZ", QT_TRANSLATE_NOOP("mp::Countries", "Algeria")},
    {"EC", QT_TRANSLATE_NOOP("mp::Countries", "Ecuador")},
    {"EE", QT_TRANSLATE_NOOP("mp::Countries", "Estonia")},
    {"EG", QT_TRANSLATE_NOOP("mp::Countries", "Egypt")},
    {"EH", QT_TRANSLATE_NOOP("mp::Countries", "Western Sahara")},
    {"ER", QT_TRANSLATE_NOOP("mp::Countries", "Eritrea")},
    {"ES", QT_TRANSLATE_NOOP("mp::Countries", "Spain")},
    {"ET", QT_TRANSLATE_NOOP("mp::Countries", "Ethiopia")},
    {"FI", QT_TRANSLATE_NOOP("mp::Countries", "Finland")},
    {"FJ", QT_TRANSLATE_NOOP("mp::Countries", "Fiji")},
    {"FK", QT_TRANSLATE_NOOP("mp::Countries", "Falkland Islands")},
    {"FM", QT_TRANSLATE_NOOP("mp::Countries", "Micronesia")},
    {"FO", QT_TRANSLATE_NOOP("mp::Countries", "Faroe Islands")},
    {"FR", QT_TRANSLATE_NOOP("mp::Countries", "France")},
    {"GA", QT_TRANSLATE_NOOP("mp::Countries", "Gabon")},
    {"GB", QT_TRANSLATE_NOOP("mp::Countries", "United Kingdom")},
    {"GD", QT_TRANSLATE_NOOP("mp::Countries", "Grenada")},
    {"GE", QT_TRANSLATE_NOOP("mp::Countries", "Georgia")},
    {"GF", QT_TRANSLATE_NOOP("mp::Countries", "French Guiana")},
    {"GG", QT_TRANSLATE_NOOP("mp::Countries", "Guernsey")},
    {"GH", QT_TRANSLATE_NOOP("mp::Countries", "Ghana")},
    {"GI", QT_TRANSLATE_NOOP("mp::Countries", "Gibraltar")},
    {"GL", QT_TRANSLATE_NOOP("mp::Countries", "Greenland")},
    {"GM", QT_TRANSLATE_NOOP("mp::Countries", "Gambia")},
    {"GN", QT_TRANSLATE_NOOP("mp::Countries", "Guinea")},
    {"GP", QT_TRANSLATE_NOOP("mp::Countries", "Guadeloupe")},
    {"GQ", QT_TRANSLATE_NOOP("mp::Countries", "Equatorial Guinea")},
    {"GR", QT_TRANSLATE_NOOP("mp::Countries", "Greece")},
    {"GS", QT_TRANSLATE_NOOP("mp::Countries", "South Georgia And South Sandwich Islands")},
    {"GT", QT_TRANSLATE_NOOP("mp::Countries", "Guatemala")},
    {"GU", QT_TRANSLATE_NOOP("mp::Countries", "Guam")},
    {"GW", QT_TRANSLATE_NOOP("mp::Countries", "Guinea Bissau")},
    {"GY", QT_TRANSLATE_NOOP("mp::Countries", "Guyana")},
    {"HK", QT_TRANSLATE_NOOP("mp::Countries", "Hong Kong")},
    {"HM", QT_TRANSLATE_NOOP("mp::Countries", "Heard And McDonald Islands")},
    {"HN", QT_TRANSLATE_NOOP("mp::Countries", "Honduras")},
    {"HR", QT_TRANSLATE_NOOP("mp::Countries", "Croatia")},
    {"HT", QT_TRANSLATE_NOOP("mp::Countries", "Haiti")},
    {"HU", QT_TRANSLATE_NOOP("mp::Countries", "Hungary")},
    {"ID", QT_TRANSLATE_NOOP("mp::Countries", "Indonesia")},
    {"IE", QT_TRANSLATE_NOOP("mp::Countries", "Ireland")},
    {"IL", QT_TRANSLATE_NOOP("mp::Countries", "Israel")},
    {"IM", QT_TRANSLATE_NOOP("mp::Countries", "Isle Of Man")},
    {"IN", QT_TRANSLATE_NOOP("mp::Countries", "India")},
    {"IO", QT_TRANSLATE_NOOP("mp::Countries", "British Indian Ocean Territory")},
    {"IQ", QT_TRANSLATE_NOOP("mp::Countries", "Iraq")},
    {"IR", QT_TRANSLATE_NOOP("mp::Countries", "Iran")},
    {"IS", QT_TRANSLATE_NOOP("mp::Countries", "Iceland")},
    {"IT", QT_TRANSLATE_NOOP("mp::Countries", "Italy")},
    {"JE", QT_TRANSLATE_NOOP("mp::Countries", "Jersey")},
    {"JM", QT_TRANSLATE_NOOP("mp::Countries", "Jamaica")},
    {"JO", QT_TRANSLATE_NOOP("mp::Countries", "Jordan")},
    {"JP", QT_TRANSLATE_NOOP("mp::Countries", "Japan")},
    {"KE", QT_TRANSLATE_NOOP("mp::Countries", "Kenya")},
    {"KG", QT_TRANSLATE_NOOP("mp::Countries", "Kyrgyzstan")},
    {"KH", QT_TRANSLATE_NOOP("mp::Countries", "Cambodia")},
    {"KI", QT_TRANSLATE_NOOP("mp::Countries", "Kiribati")},
    {"KM", QT_TRANSLATE_NOOP("mp::Countries", "Comoros")},
    {"KN", QT_TRANSLATE_NOOP("mp::Countries", "Saint Kitts And Nevis")},
    {"KP", QT_TRANSLATE_NOOP("mp::Countries", "North Korea")},
    {"KR", QT_TRANSLATE_NOOP("mp::Countries", "South Korea")},
    {"KW", QT_TRANSLATE_NOOP("mp::Countries", "Kuwait")},
    {"KY", QT_TRANSLATE_NOOP("mp::Countries", "Cayman Islands")},
    {"KZ", QT_TRANSLATE_NOOP("mp::Countries", "Kazakhstan")},
    {"LA", QT_TRANSLATE_NOOP("mp::Countries", "Laos")},
    {"LB", QT_TRANSLATE_NOOP("mp::Countries", "Lebanon")},
    {"LC", QT_TRANSLATE_NOOP("mp::Countries", "Saint Lucia")},
    {"LI", QT_TRANSLATE_NOOP("mp::Countries", "Liechtenstein")},
    {"LK", QT_TRANSLATE_NOOP("mp::Countries", "Sri Lanka")},
    {"LR", QT_TRANSLATE_NOOP("mp::Countries", "Liberia")},
    {"LS", QT_TRANSLATE_NOOP("mp::Countries", "Lesotho")},
    {"LT", QT_TRANSLATE_NOOP("mp::Countries", "Lithuania")},
    {"LU", QT_TRANSLATE_NOOP("mp::Countries", "Luxembourg")},
    {"LV", QT_TRANSLATE_NOOP("mp::Countries", "Latvia")},
    {"LY", QT_TRANSLATE_NOOP("mp::Countries", "Libya")},
    {"MA", QT_TRANSLATE_NOOP("mp::Countries", "Morocco")},
    {"MC", QT_TRANSLATE_NOOP("mp::Countries", "Monaco")},
    {"MD", QT_TRANSLATE_NOOP("mp::Countries", "Moldova")},
    {"ME", QT_TRANSLATE_NOOP("mp::Countries", "Montenegro")},
    {"MF", QT_TRANSLATE_NOOP("mp::Countries", "Saint Martin")},
    {"MG", QT_TRANSLATE_NOOP("mp::Countries", "Madagascar")},
    {"MH", QT_TRANSLATE_NOOP("mp::Countries", "Marshall Islands")},
    {"MK", QT_TRANSLATE_NOOP("mp::Countries", "Macedonia")},
    {"ML", QT_TRANSLATE_NOOP("mp::Countries", "Mali")},
    {"MM", QT_TRANSLATE_NOOP("mp::Countries", "Myanmar")},
    {"MN", QT_TRANSLATE_NOOP("mp::Countries", "Mongolia")},
    {"MO", QT_TRANSLATE_NOOP("mp::Countries", "Macao")},
    {"MP", QT_TRANSLATE_NOOP("mp::Countries", "Northern Mariana Islands")},
    {"MQ", QT_TRANSLATE_NOOP("mp::Countries", "Martinique")},
    {"MR", QT_TRANSLATE_NOOP("mp::Countries", "Mauritania")},
    {"MS", QT_TRANSLATE_NOOP("mp::Countries", "Montserrat")},
    {"MT", QT_TRANSLATE_NOOP("mp::Countries", "Malta")},
    {"MU", QT_TRANSLATE_NOOP("mp::Countries", "Mauritius")},
    {"MV", QT_TRANSLATE_NOOP("mp::Countries", "Maldives")},
    {"MW", QT_TRANSLATE_NOOP("mp::Countries", "Malawi")},
    {"MX", QT_TRANSLATE_NOOP("mp::Countries", "Mexico")},
    {"MY", QT_TRANSLATE_NOOP("mp::Countries", "Malaysia")},
    {"MZ", QT_TRANSLATE_NOOP("mp::Countries", "Mozambique")},
    {"NA", QT_TRANSLATE_NOOP("mp::Countries", "Namibia")},
    {"NC", QT_TRANSLATE_NOOP("mp::Countries", "New Caledonia")},
    {"NE", QT_TRANSLATE_NOOP("mp::Countries", "Niger")},
    {"NF", QT_TRANSLATE_NOOP("mp::Countries", "Norfolk Island")},
    {"NG", QT_TRANSLATE_NOOP("mp::Countries", "Nigeria")},
    {"NI", QT_TRANSLATE_NOOP("mp::Countries", "Nicaragua")},
    {"NL", QT_TRANSLATE_NOOP("mp::Countries", "Netherlands")},
    {"NO", QT_TRANSLATE_NOOP("mp::Countries", "Norway")},
    {"NP", QT_TRANSLATE_NOOP("mp::Countries", "Nepal")},
    {"NR", QT_TRANSLATE_NOOP("mp::Countries", "Nauru")},
    {"NU", QT_TRANSLATE_NOOP("mp::Countries", "Niue")},
    {"NZ", QT_TRANSLATE_NOOP("mp::Countries", "New Zealand")},
    {"OM", QT_TRANSLATE_NOOP("mp::Countries", "Oman")},
    {"PA", QT_TRANSLATE_NOOP("mp::Countries", "Panama")},
    {"PE", QT_TRANSLATE_NOOP("mp::Countries", "Peru")},
    {"PF", QT_TRANSLATE_NOOP("mp::Countries", "French Polynesia")},
    {"PG", QT_TRANSLATE_NOOP("mp::Countries", "Papua New Guinea")},
    {"PH", QT_TRANSLATE_NOOP("mp::Countries", "Philippines")},
    {"PK", QT_TRANSLATE_NOOP("mp::Countries", "Pakistan")},
    {"PL", QT_TRANSLATE_NOOP("mp::Countries", "Poland")},
    {"PM", QT_TRANSLATE_NOOP("mp::Countries", "Saint Pierre And Miquelon")},
    {"PN", QT_TRANSLATE_NOOP("mp::Countries", "Pitcairn")},
    {"PR", QT_TRANSLATE_NOOP("mp::Countries", "Puerto Rico")},
    {"PS", QT_TRANSLATE_NOOP("mp::Countries", "Palestinian Territories")},
    {"PT", QT_TRANSLATE_NOOP("mp::Countries", "Portugal")},
    {"PW", QT_TRANSLATE_NOOP("mp::Countries", "Palau")},
    {"PY", QT_TRANSLATE_NOOP("mp::Countries", "Paraguay")},
    {"QA", QT_TRANSLATE_NOOP("mp::Countries", "Qatar")},
    {"RE", QT_TRANSLATE_NOOP("mp::Countries", "Reunion")},
    {"RO", QT_TRANSLATE_NOOP("mp::Countries", "Romania")},
    {"RS", QT_TRANSLATE_NOOP("mp::Countries", "Serbia")},
    {"RU", QT_TRANSLATE_NOOP("mp::Countries", "Russia")},
    {"RW", QT_TRANSLATE_NOOP("mp::Countries", "Rwanda")},
    {"SA", QT_TRANSLATE_NOOP("mp::Countries", "Saudi Arabia")},
    {"SB", QT_TRANSLATE_NOOP("mp::Countries", "Solomon Islands")},
    {"SC", QT_TRANSLATE_NOOP("mp::Countries", "Seychelles")},
    {"SD", QT_TRANSLATE_NOOP("mp::Countries", "Sudan")},
    {"SE", QT_TRANSLATE_NOOP("mp::Countries", "Sweden")},
    {"SG", QT_TRANSLATE_NOOP("mp::Countries", "Singapore")},
    {"SH", QT_TRANSLATE_NOOP("mp::Countries", "Saint Helena")},
    {"SI", QT_TRANSLATE_NOOP("mp::Countries", "Slovenia")},
    {"SJ", QT_TRANSLATE_NOOP("mp::Countries", "Svalbard And Jan Mayen")},
    {"SK", QT_TRANSLATE_NOOP("mp::Countries", "Slovakia")},
    {"SL", QT_TRANSLATE_NOOP("mp::Countries", "Sierra Leone")},
    {"SM", QT_TRANSLATE_NOOP("mp::Countries", "San Marino")},
    {"SN", QT_TRANSLATE_NOOP("mp::Countries", "Senegal")},
    {"SO", QT_TRANSLATE_NOOP("mp::Countries", "Somalia")},
    {"SR", QT_TRANSLATE_NOOP("mp::Countries", "Suriname")},
    {"SS", QT_TRANSLATE_NOOP("mp::Countries", "South Sudan")},
    {"ST", QT_TRANSLATE_NOOP("mp::Countries", "Sao Tome And Principe")},
    {"SV", QT_TRANSLATE_NOOP("mp::Countries", "El Salvador")},
    {"SX", QT_TRANSLATE_NOOP("mp::Countries", "Sint Maarten")},
    {"SY", QT_TRANSLATE_NOOP("mp::Countries", "Syria")},
    {"SZ", QT_TRANSLATE_NOOP("mp::Countries", "Eswatini")},
    {"TC", QT_TRANSLATE_NOOP("mp::Countries", "Turks And Caicos Islands")},
    {"TD", QT_TRANSLATE_NOOP("mp::Countries", "Chad")},
    {"TF", QT_TRANSLATE_NOOP("mp::Countries", "French Southern Territories")},
    {"TG", QT_TRANSLATE_NOOP("mp::Countries", "Togo")},
    {"TH", QT_TRANSLATE_NOOP("mp::Countries", "Thailand")},
    {"TJ", QT_TRANSLATE_NOOP("mp::Countries", "Tajikistan")},
    {"TK", QT_TRANSLATE_NOOP("mp::Countries", "Tokelau")},
    {"TL", QT_TRANSLATE_NOOP("mp::Countries", "Timor-Leste")},
    {"TM", QT_TRANSLATE_NOOP("mp::Countries", "Turkmenistan")},
    {"TN", QT_TRANSLATE_NOOP("mp::Countries", "Tunisia")},
    {"TO", QT_TRANSLATE_NOOP("mp::Countries", "Tonga")},
    {"TR", QT_TRANSLATE_NOOP("mp::Countries", "Turkey")},
    {"TT", QT_TRANSLATE_NOOP("mp::Countries", "Trinidad And Tobago")},
    {"TV", QT_TRANSLATE_NOOP("mp::Countries", "Tuvalu")},
    {"TW", QT_TRANSLATE_NOOP("mp::Countries", "Taiwan")},
    {"TZ", QT_TRANSLATE_NOOP("mp::Countries", "Tanzania")},
    {"UA", QT_TRANSLATE_NOOP("mp::Countries", "Ukraine")},
    {"UG", QT_TRANSLATE_NOOP("mp::Countries", "Uganda")},
    {"UM", QT_TRANSLATE_NOOP("mp::Countries", "United States Outlying Islands")},
    {"US", QT_TRANSLATE_NOOP("mp::Countries", "United States")},
    {"UY", QT_TRANSLATE_NOOP("mp::Countries", "Uruguay")},
    {"UZ", QT_TRANSLATE_NOOP("mp::Countries", "Uzbekistan")},
    {"VA", QT_TRANSLATE_NOOP("mp::Countries", "Vatican City")},
    {"VC", QT_TRANSLATE_NOOP("mp::Countries", "Saint Vincent And Grenadines")},
    {"VE", QT_TRANSLATE_NOOP("mp::Countries", "Venezuela")},
    {"VG", QT_TRANSLATE_NOOP("mp::Countries", "British Virgin Islands")},
    {"VI", QT_TRANSLATE_NOOP("mp::Countries", "United States Virgin Islands")},
    {"VN", QT_TRANSLATE_NOOP("mp::Countries", "Vietnam")},
    {"VU", QT_TRANSLATE_NOOP("mp::Countries", "Vanuatu")},
    {"WF", QT_TRANSLATE_NOOP("mp::Countries", "Wallis And Futuna")},
    {"WS", QT_TRANSLATE_NOOP("mp::Countries", "Samoa")},
    {"YE", QT_TRANSLATE_NOOP("mp::Countries", "Yemen")},
    {"YT", QT_TRANSLATE_NOOP("mp::Countries", "Mayotte")},
    {"ZA", QT_TRANSLATE_NOOP("mp::Countries", "South Africa")},
    {"ZM", QT_TRANSLATE_NOOP("mp::Countries", "Zambia")},
    {"ZW", QT_TRANSLATE_NOOP("mp::Countries", "Zimbabwe")},
};

QString nativeName(const QString &code)
{
    // The territory's most likely language (CLDR's likely subtags): de_DE, not ksh_DE.
    const QLocale::Territory territory = QLocale::codeToTerritory(code);
    const QLocale local(QLocale::AnyLanguage, territory);
    return local.territory() == territory ? local.nativeTerritoryName() : QString();
}

} // namespace

CountryListModel::CountryListModel(bool withNone, QObject *parent) : QAbstractListModel(parent)
{
    for (const Entry &e : kCountries) {
        Country c;
        c.code = QString::fromLatin1(e.code);
        c.english = QString::fromLatin1(e.name);
        c.name = QCoreApplication::translate("mp::Countries", e.name);
        c.native = nativeName(c.code);
        c.text = c.native.isEmpty() || c.native.compare(c.name, Qt::CaseInsensitive) == 0
                     ? QStringLiteral("%1 (%2)").arg(c.name, c.code)
                     : QStringLiteral("%1 · %2 (%3)").arg(c.name, c.native, c.code);
        m_countries.append(c);
    }
    QCollator collator{QLocale()};
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(m_countries.begin(), m_countries.end(),
              [&](const Country &a, const Country &b) { return collator.compare(a.name, b.name) < 0; });
    if (withNone)
        m_countries.prepend(Country{});
}

int CountryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_countries.size());
}

QVariant CountryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Country &c = m_countries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return c.text;
    case Qt::ToolTipRole:
        return c.english;
    case IdRole:
        return c.code;
    case SearchRole:
        return QStringList{c.name, c.english, c.native, c.code}.join(u' ');
    default:
        return {};
    }
}

int CountryListModel::rowOf(const QString &code) const
{
    for (int i = 0; i < m_countries.size(); ++i) {
        if (m_countries.at(i).code == code)
            return i;
    }
    return -1;
}

QString CountryListModel::codeFor(const QString &text) const
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return {};
    for (const Country &c : m_countries) {
        if (c.code.isEmpty())
            continue;
        for (const QString *form : {&c.code, &c.name, &c.english, &c.native, &c.text}) {
            if (!form->isEmpty() && form->compare(t, Qt::CaseInsensitive) == 0)
                return c.code;
        }
    }
    return {};
}

QString CountryListModel::name(const QString &code)
{
    for (const Entry &e : kCountries) {
        if (code == QLatin1String(e.code))
            return QCoreApplication::translate("mp::Countries", e.name);
    }
    return code;
}

} // namespace mp
