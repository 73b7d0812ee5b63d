#include "billing/billing_settings.h"

#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mp::billing {

namespace {

const auto kSettingsColumns = QStringLiteral(R"sql(
s.price_mode, s.invoice_number_format, s.credit_note_number_format, s.payment_terms_days,
s.seller_name, s.seller_address, s.seller_tax_id, s.seller_email, s.bank_details,
coalesce(t.country, ''), t.default_currency, t.time_zone, s.reverse_charge
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

QString BillingSettingsStore::columns()
{
    return kSettingsColumns;
}

BillingSettings BillingSettingsStore::fromRow(const QSqlQuery &q, int o)
{
    BillingSettings s;
    s.priceMode = q.value(o).toString() == QLatin1String("inclusive") ? PriceMode::TaxInclusive
                                                                      : PriceMode::TaxExclusive;
    s.invoiceNumberFormat = q.value(o + 1).toString();
    s.creditNoteNumberFormat = q.value(o + 2).toString();
    s.paymentTermsDays = q.value(o + 3).toInt();
    s.sellerName = q.value(o + 4).toString();
    s.sellerAddress = q.value(o + 5).toString();
    s.sellerTaxId = q.value(o + 6).toString();
    s.sellerEmail = q.value(o + 7).toString();
    s.bankDetails = q.value(o + 8).toString();
    s.country = q.value(o + 9).toString();
    s.defaultCurrency = q.value(o + 10).toString();
    s.timeZone = QTimeZone(q.value(o + 11).toString().toUtf8());
    if (!s.timeZone.isValid())
        s.timeZone = QTimeZone::utc();
    s.reverseCharge = q.value(o + 12).toBool();
    return s;
}

Result<BillingSettings> BillingSettingsStore::load(TenantTransaction &tx)
{
    static const QString kLoad =
        QStringLiteral("SELECT %1 FROM billing_settings s JOIN tenants t ON t.id = s.tenant_id")
            .arg(columns());
    auto q = sql::exec(tx.db(), kLoad);
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::Internal, QStringLiteral("the tenant has no billing settings"));
    return fromRow(*q, 0);
}

QString BillingSettingsStore::taxRatesJsonColumn(const QString &countryExpr)
{
    return QStringLiteral("(SELECT coalesce(json_agg(json_build_array(coalesce(r.country, ''), r.name, "
                          "r.rate_ppm, r.valid_from, r.valid_to)), '[]') FROM tax_rates r "
                          "WHERE r.country IS NULL OR r.country = %1)")
        .arg(countryExpr);
}

Result<QList<TaxRate>> BillingSettingsStore::taxRatesFromJson(const QByteArray &json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (!doc.isArray())
        return makeError(errors::Internal, QStringLiteral("tax rates are not a JSON array"));
    QList<TaxRate> rates;
    for (const QJsonValue &v : doc.array()) {
        const QJsonArray r = v.toArray();
        rates.append({r.at(0).toString(), r.at(1).toString(), r.at(2).toInteger(),
                      QDate::fromString(r.at(3).toString(), Qt::ISODate),
                      r.at(4).isNull() ? QDate() : QDate::fromString(r.at(4).toString(), Qt::ISODate)});
    }
    return rates;
}

} // namespace mp::billing
