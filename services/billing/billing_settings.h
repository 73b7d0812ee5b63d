#pragma once

#include "billing/tax_calculation.h"
#include "core/result.h"

#include <QJsonObject>
#include <QString>
#include <QTimeZone>

namespace mp {
class TenantTransaction;
}

namespace mp::billing {

// What a tenant decided about its invoices, plus the tenant facts billing needs (country for
// tax, time zone for the issue date, default currency for checkout).
struct BillingSettings {
    PriceMode priceMode = PriceMode::TaxExclusive;
    QString invoiceNumberFormat;
    QString creditNoteNumberFormat;
    int paymentTermsDays = 14;
    QString sellerName;
    QString sellerAddress;
    QString sellerTaxId;
    QString sellerEmail;
    QString bankDetails;
    QString country; // tenants.country
    QString defaultCurrency;
    QTimeZone timeZone;

    // The seller block copied onto every invoice at issue time.
    QJsonObject sellerSnapshot() const;
};

class BillingSettingsStore {
public:
    static Result<BillingSettings> load(TenantTransaction &tx);
    // The tenant's rates for buyers in `country` and the default (both when `country` is empty).
    static Result<QList<TaxRate>> taxRatesFor(TenantTransaction &tx, const QString &country);
};

QString priceModeName(PriceMode mode); // "exclusive", "inclusive"

} // namespace mp::billing
