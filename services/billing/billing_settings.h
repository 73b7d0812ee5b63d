#pragma once

#include "billing/tax_calculation.h"
#include "core/result.h"

#include <QJsonObject>
#include <QSqlQuery>
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
    // Whether EU B2B buyers in another member state with a VAT ID get reverse charge.
    bool reverseCharge = true;
    QString country; // tenants.country
    QString defaultCurrency;
    QTimeZone timeZone;

    // The seller block copied onto every invoice at issue time.
    QJsonObject sellerSnapshot() const;
};

class BillingSettingsStore {
public:
    static Result<BillingSettings> load(TenantTransaction &tx);
    // For queries that read the settings along with other rows: the SELECT list over
    // billing_settings `s` joined with tenants `t`, and its reader from column `first`.
    static QString columns();
    static constexpr int kColumnCount = 13;
    static BillingSettings fromRow(const QSqlQuery &q, int first);
    // The tenant's rates for buyers in the country held by SQL expression `countryExpr` and its
    // defaults (only those when the country is ''), as one JSON array column for a query that
    // reads them with other rows (see InvoiceIssueContext); and its reader.
    static QString taxRatesJsonColumn(const QString &countryExpr);
    static Result<QList<TaxRate>> taxRatesFromJson(const QByteArray &json);
};

QString priceModeName(PriceMode mode); // "exclusive", "inclusive"

} // namespace mp::billing
