#pragma once

#include "billing/tax_rate_store.h"
#include "model_roles.h"

#include <QAbstractTableModel>

namespace mp {

// The tenant's tax rates for the Settings page: country (by name, "Default" for the rate of
// buyers with no rate of their own), name, percent in the console's locale, validity.
class TaxRateTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { CountryColumn, NameColumn, RateColumn, ValidFromColumn, ValidToColumn, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setRates(const QList<billing::TaxRateRecord> &rates);
    const QList<billing::TaxRateRecord> &rates() const { return m_rates; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "19 %" or "7,5 %" as the console's locale writes it.
    static QString percentText(qint64 ratePpm);

private:
    QList<billing::TaxRateRecord> m_rates;
};

} // namespace mp
