#pragma once

#include "api/request_body.h"
#include "billing/tax_calculation.h"
#include "core/result.h"

#include <QJsonObject>
#include <QList>

namespace mp {
class TenantTransaction;
}

namespace mp::billing {

struct TaxRateRecord {
    QString id;
    TaxRate rate;
};

// The tenant's tax rates as staff keep them (GET/POST /api/tax-rates, DELETE
// /api/tax-rates/{id}, the console's Settings page). A rate change is a new row whose
// valid_from is the day the old row's valid_to ends; TaxCalculation::decide picks the one
// valid on an invoice's issue date.
class TaxRateStore {
public:
    static const api::RequestBody &body();
    // By country (the default, no country, first), then valid_from.
    static Result<QList<TaxRateRecord>> list(TenantTransaction &tx);
    static Result<TaxRateRecord> create(TenantTransaction &tx, const api::BodyValues &body);
    // "not_found" on field id when there is no such rate.
    static Status remove(TenantTransaction &tx, const QString &id);
    static QJsonObject toJson(const TaxRateRecord &record);

    // "19", "7.5", "0" (percent, up to 4 decimals) -> parts per million; nullopt when not that.
    static std::optional<qint64> percentToPpm(const QString &text);
};

} // namespace mp::billing
