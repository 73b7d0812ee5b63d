#include "tax_rate_table_model.h"

#include "country_list_model.h"

#include <QLocale>

namespace mp {

void TaxRateTableModel::setRates(const QList<billing::TaxRateRecord> &rates)
{
    beginResetModel();
    m_rates = rates;
    endResetModel();
}

int TaxRateTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rates.size());
}

int TaxRateTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TaxRateTableModel::percentText(qint64 ratePpm)
{
    // Up to 4 decimals, none shown when they are zero: 19 %, 7,5 %.
    QString number = QLocale().toString(double(ratePpm) / 10000.0, 'f', 4);
    const QChar point = QLocale().decimalPoint().at(0);
    if (number.contains(point)) {
        while (number.endsWith(u'0'))
            number.chop(1);
        if (number.endsWith(point))
            number.chop(1);
    }
    return tr("%1 %").arg(number);
}

QVariant TaxRateTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const billing::TaxRateRecord &r = m_rates.at(index.row());
    if (role == IdRole)
        return r.id;
    if (role == Qt::TextAlignmentRole && index.column() == RateColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case CountryColumn:
        return r.rate.country.isEmpty() ? tr("Default (any other country)")
                                        : CountryListModel::name(r.rate.country);
    case NameColumn:
        return r.rate.name;
    case RateColumn:
        return percentText(r.rate.ratePpm);
    case ValidFromColumn:
        return r.rate.validFrom.isValid() && r.rate.validFrom > QDate(1970, 1, 1)
                   ? QLocale().toString(r.rate.validFrom, QLocale::ShortFormat)
                   : tr("Always");
    case ValidToColumn:
        // valid_to is the first day it no longer applies; staff read the last day it does.
        return r.rate.validTo.isValid() ? QLocale().toString(r.rate.validTo.addDays(-1), QLocale::ShortFormat)
                                        : tr("Open-ended");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TaxRateTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case CountryColumn:
        return tr("Buyer's country");
    case NameColumn:
        return tr("Name");
    case RateColumn:
        return tr("Rate");
    case ValidFromColumn:
        return tr("Valid from");
    case ValidToColumn:
        return tr("Valid until");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace mp
