#pragma once

#include "billing/tax_calculation.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QString>

namespace mp::billing {

// The buyer block an invoice keeps: the customer as they were when the invoice was issued, so
// a later change of address never rewrites an invoice already sent.
class BuyerSnapshot {
public:
    // The customer columns the block is made of, for a SELECT over customers aliased `alias`.
    static QString columns(const QString &alias);
    static constexpr int kColumnCount = 10;
    // Reads the block from `columns()` starting at column `first` of the current row.
    static QJsonObject fromRow(const QSqlQuery &q, int first);
    static TaxBuyer taxBuyer(const QJsonObject &buyer);
};

} // namespace mp::billing
