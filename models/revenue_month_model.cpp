#include "revenue_month_model.h"

#include "money_text.h"

#include <QLocale>

namespace mp {

void RevenueMonthModel::setMonths(const QList<dashboard::MonthRevenue> &months)
{
    QStringList currencies;
    for (const dashboard::MonthRevenue &m : months)
        for (auto it = m.amounts.cbegin(); it != m.amounts.cend(); ++it)
            if (!currencies.contains(it.key()))
                currencies << it.key();
    currencies.sort();
    beginResetModel();
    m_months = months;
    m_currencies = currencies;
    endResetModel();
}

QDate RevenueMonthModel::month(int row) const
{
    return row >= 0 && row < m_months.size() ? m_months.at(row).month : QDate();
}

int RevenueMonthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_months.size());
}

int RevenueMonthModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_currencies.size());
}

QVariant RevenueMonthModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &currency = m_currencies.at(index.column());
    const qint64 minor = m_months.at(index.row()).amounts.value(currency);
    switch (role) {
    case Qt::DisplayRole:
        return localeMoneyText(minor, currency);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case ChartValueRole: {
        const auto c = Currency::fromCode(currency);
        double scale = 1;
        for (int i = 0; c && i < c->minorUnits(); ++i)
            scale *= 10;
        return double(minor) / scale;
    }
    default:
        return {};
    }
}

QVariant RevenueMonthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Horizontal)
        return section >= 0 && section < m_currencies.size() ? QVariant(m_currencies.at(section))
                                                             : QVariant();
    return section >= 0 && section < m_months.size()
               ? QVariant(QLocale().toString(m_months.at(section).month, QStringLiteral("MMM yy")))
               : QVariant();
}

} // namespace mp
