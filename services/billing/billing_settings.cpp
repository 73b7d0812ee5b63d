#include "billing/billing_settings.h"

#include "db/sql.h"
#include "db/tenant_transaction.h"

namespace mp::billing {

namespace {

const auto kLoadSettings = QStringLiteral(R"sql(
SELECT s.price_mode, s.invoice_number_format, s.credit_note_number_format, s.payment_terms_days,
       s.seller_name, s.seller_address, s.seller_tax_id, s.seller_email, s.bank_details,
       coalesce(t.country, ''), t.default_currency, t.time_zone
FROM billing_settings s
JOIN tenants t ON t.id = s.tenant_id
)sql");

const auto kTaxRates = QStringLiteral(R"sql(
SELECT coalesce(country, ''), name, rate_ppm, valid_from, valid_to
FROM tax_rates
WHERE country IS NULL OR country = ?
)sql");

} // namespace

QString priceModeName(PriceMode mode)
{
    return mode == PriceMode::TaxInclusive ? QStringLiteral("inclusive") : QStringLiteral("exclusive");
}

QJsonObject BillingSettings::sellerSnapshot() const
{
    return {{QStringLiteral("name"), sellerName},    {QStringLiteral("address"), sellerAddress},
            {QStringLiteral("tax_id"), sellerTaxId}, {QStringLiteral("email"), sellerEmail},
            {QStringLiteral("country"), country},    {QStringLiteral("bank_details"), bankDetails}};
}

Result<BillingSettings> BillingSettingsStore::load(TenantTransaction &tx)
{
    auto q = sql::exec(tx.db(), kLoadSettings);
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(QStringLiteral("internal"), QStringLiteral("the tenant has no billing settings"));
    BillingSettings s;
    s.priceMode = q->value(0).toString() == QLatin1String("inclusive") ? PriceMode::TaxInclusive
                                                                       : PriceMode::TaxExclusive;
    s.invoiceNumberFormat = q->value(1).toString();
    s.creditNoteNumberFormat = q->value(2).toString();
    s.paymentTermsDays = q->value(3).toInt();
    s.sellerName = q->value(4).toString();
    s.sellerAddress = q->value(5).toString();
    s.sellerTaxId = q->value(6).toString();
    s.sellerEmail = q->value(7).toString();
    s.bankDetails = q->value(8).toString();
    s.country = q->value(9).toString();
    s.defaultCurrency = q->value(10).toString();
    s.timeZone = QTimeZone(q->value(11).toString().toUtf8());
    if (!s.timeZone.isValid())
        s.timeZone = QTimeZone::utc();
    return s;
}

Result<QList<TaxRate>> BillingSettingsStore::taxRatesFor(TenantTransaction &tx, const QString &country)
{
    auto q = sql::exec(tx.db(), kTaxRates, {country});
    if (!q)
        return q.error();
    QList<TaxRate> rates;
    while (q->next()) {
        rates.append({q->value(0).toString(), q->value(1).toString(), q->value(2).toLongLong(),
                      q->value(3).toDate(), q->value(4).isNull() ? QDate() : q->value(4).toDate()});
    }
    return rates;
}

} // namespace mp::billing
