#include "billing/tax_rate_store.h"

#include "billing/invoice_json.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

#include <QLocale>
#include <QRegularExpression>

namespace mp::billing {

namespace {

Error invalid(const QString &field, const QString &message)
{
    return makeError(errors::InvalidValue, message, field);
}

QVariant nullableDate(const QDate &d)
{
    return d.isValid() ? QVariant(d) : QVariant(QMetaType::fromType<QDate>());
}

} // namespace

std::optional<qint64> TaxRateStore::percentToPpm(const QString &text)
{
    static const QRegularExpression percent(QStringLiteral("^(\\d{1,3})(?:\\.(\\d{1,4}))?$"));
    const auto m = percent.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 whole = m.captured(1).toLongLong();
    const qint64 fraction = m.captured(2).leftJustified(4, u'0').toLongLong();
    const qint64 ppm = whole * 10000 + fraction;
    if (ppm > 1000000)
        return std::nullopt;
    return ppm;
}

const api::RequestBody &TaxRateStore::body()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("TaxRateInput"))
            .add(
                BodyField::string(QStringLiteral("country"))
                    .nullable()
                    .maxLength(2)
                    .describe(QStringLiteral(
                        "the buyers' ISO 3166-1 alpha-2 country; null or absent: the tenant's default rate")))
            .add(BodyField::string(QStringLiteral("name"))
                     .required()
                     .maxLength(50)
                     .describe(QStringLiteral("printed on the invoice: VAT, USt.")))
            .add(BodyField::string(QStringLiteral("rate"))
                     .required()
                     .maxLength(10)
                     .example(QStringLiteral("19"))
                     .describe(
                         QStringLiteral("percent as a decimal string, up to 4 decimals: \"19\", \"7.5\"")))
            .add(BodyField::string(QStringLiteral("valid_from"))
                     .format(QStringLiteral("date"))
                     .describe(QStringLiteral("first day it applies; default: always")))
            .add(BodyField::string(QStringLiteral("valid_to"))
                     .nullable()
                     .format(QStringLiteral("date"))
                     .describe(QStringLiteral("first day it no longer applies; null: open-ended")));
    return body;
}

QJsonObject TaxRateStore::toJson(const TaxRateRecord &r)
{
    const auto date = [](const QDate &d) {
        return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue();
    };
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("country"), r.rate.country.isEmpty() ? QJsonValue() : QJsonValue(r.rate.country)},
            {QStringLiteral("name"), r.rate.name},
            {QStringLiteral("rate"), InvoiceJson::percent(r.rate.ratePpm)},
            {QStringLiteral("rate_ppm"), r.rate.ratePpm},
            {QStringLiteral("valid_from"), date(r.rate.validFrom)},
            {QStringLiteral("valid_to"), date(r.rate.validTo)}};
}

Result<QList<TaxRateRecord>> TaxRateStore::list(TenantTransaction &tx)
{
    auto q =
        sql::exec(tx.db(), QStringLiteral("SELECT id, coalesce(country, ''), name, rate_ppm, valid_from, "
                                          "valid_to FROM tax_rates ORDER BY country NULLS FIRST, "
                                          "valid_from, id"));
    if (!q)
        return q.error();
    QList<TaxRateRecord> out;
    while (q->next())
        out.append({q->value(0).toString(),
                    {q->value(1).toString(), q->value(2).toString(), q->value(3).toLongLong(),
                     q->value(4).toDate(), q->value(5).isNull() ? QDate() : q->value(5).toDate()}});
    return out;
}

Result<TaxRateRecord> TaxRateStore::create(TenantTransaction &tx, const api::BodyValues &body)
{
    static const QRegularExpression twoLetters(QStringLiteral("^[A-Z]{2}$"));
    TaxRateRecord r;
    r.rate.country = body.string(QStringLiteral("country"), QString()).trimmed().toUpper();
    if (!r.rate.country.isEmpty() && (!twoLetters.match(r.rate.country).hasMatch() ||
                                      QLocale::codeToTerritory(r.rate.country) == QLocale::AnyTerritory))
        return invalid(QStringLiteral("country"),
                       QStringLiteral("'%1' is not an ISO 3166-1 alpha-2 country code such as \"DE\"")
                           .arg(r.rate.country));
    r.rate.name = body.string(QStringLiteral("name"), QString()).trimmed();
    if (r.rate.name.isEmpty())
        return invalid(QStringLiteral("name"), QStringLiteral("name must not be empty"));
    const auto ppm = percentToPpm(body.string(QStringLiteral("rate"), QString()));
    if (!ppm)
        return invalid(
            QStringLiteral("rate"),
            QStringLiteral("rate is a percentage from 0 to 100 with up to 4 decimals, e.g. \"19\""));
    r.rate.ratePpm = *ppm;
    const auto dateField = [&body](const QString &key, QDate &into) -> Status {
        const QString text = body.string(key, QString());
        if (text.isEmpty())
            return {};
        into = QDate::fromString(text, Qt::ISODate);
        if (!into.isValid())
            return invalid(key, QStringLiteral("%1 must be a date, YYYY-MM-DD").arg(key));
        return {};
    };
    if (auto ok = dateField(QStringLiteral("valid_from"), r.rate.validFrom); !ok)
        return ok.error();
    if (auto ok = dateField(QStringLiteral("valid_to"), r.rate.validTo); !ok)
        return ok.error();
    if (!r.rate.validFrom.isValid())
        r.rate.validFrom = QDate(1970, 1, 1);
    if (r.rate.validTo.isValid() && r.rate.validTo <= r.rate.validFrom)
        return invalid(QStringLiteral("valid_to"), QStringLiteral("valid_to must be after valid_from"));
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("INSERT INTO tax_rates (tenant_id, country, name, rate_ppm, valid_from, "
                       "valid_to) VALUES (?::uuid, ?, ?, ?, ?, ?) RETURNING id"),
        {tx.tenantId(),
         r.rate.country.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(r.rate.country),
         r.rate.name, r.rate.ratePpm, r.rate.validFrom, nullableDate(r.rate.validTo)});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::Internal, QStringLiteral("the tax rate was not stored"));
    r.id = q->value(0).toString();
    return r;
}

Status TaxRateStore::remove(TenantTransaction &tx, const QString &id)
{
    if (!isUuid(id))
        return makeError(errors::NotFound, QStringLiteral("no such tax rate"), QStringLiteral("id"));
    auto q = sql::exec(tx.db(), QStringLiteral("DELETE FROM tax_rates WHERE id = ?::uuid"), {id});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 0)
        return makeError(errors::NotFound, QStringLiteral("no such tax rate"), QStringLiteral("id"));
    return {};
}

} // namespace mp::billing
