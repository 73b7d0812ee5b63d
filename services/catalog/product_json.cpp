#include "catalog/product_json.h"

#include "api/responses.h"
#include "catalog/catalog_errors.h"
#include "catalog/catalog_terms.h"
#include "core/errors.h"
#include "money/money_errors.h"

#include <QJsonArray>

namespace mp::catalog {

using api::BodyField;
using api::BodyValues;
using api::RequestBody;

namespace {

BodyField currencyField()
{
    return BodyField::string(QStringLiteral("currency"))
        .required()
        .describe(QStringLiteral("ISO 4217"))
        .example(QStringLiteral("EUR"))
        .check([](const QJsonValue &v, const QString &path) -> Status {
            if (!Currency::fromCode(v.toString()))
                return makeError(errors::InvalidCurrency,
                                 QStringLiteral("'%1' is not an ISO 4217 currency code").arg(v.toString()),
                                 path);
            return {};
        });
}

const RequestBody &cyclePriceBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("CyclePrice"))
            .add(BodyField::string(QStringLiteral("cycle"))
                     .required()
                     .oneOf(billingCycles(), errors::UnknownCycle))
            .add(currencyField())
            .add(BodyField::money(QStringLiteral("amount")).required())
            .add(BodyField::money(QStringLiteral("setup_fee")))
            .add(BodyField::integer(QStringLiteral("amount_minor")).readOnly())
            .add(BodyField::integer(QStringLiteral("setup_fee_minor")).readOnly());
    return body;
}

const RequestBody &domainPriceBody()
{
    static const RequestBody body = RequestBody(QStringLiteral("DomainPrice"))
                                        .add(BodyField::string(QStringLiteral("action"))
                                                 .required()
                                                 .oneOf(domainActions(), errors::UnknownAction))
                                        .add(BodyField::integer(QStringLiteral("years"))
                                                 .required(errors::InvalidYears)
                                                 .minimum(kMinDomainYears)
                                                 .maximum(kMaxDomainYears)
                                                 .outOfRange(errors::InvalidYears))
                                        .add(currencyField())
                                        .add(BodyField::money(QStringLiteral("amount")).required())
                                        .add(BodyField::integer(QStringLiteral("amount_minor")).readOnly());
    return body;
}

// A non-negative amount given as a decimal string in the currency's precision.
Result<Money> amountAt(const BodyValues &v, const QString &key, const Currency &currency)
{
    const auto text = v.string(key);
    if (!text)
        return Money::zero(currency);
    auto money = Money::parse(*text, currency);
    if (!money) {
        Error e = money.error();
        e.field = v.path(key);
        e.message =
            QStringLiteral("'%1': %2 (write a decimal string such as \"9.99\")").arg(v.path(key), e.message);
        return e;
    }
    if (money->isNegative())
        return makeError(errors::NegativePrice, QStringLiteral("'%1' must not be negative").arg(v.path(key)),
                         v.path(key));
    return *money;
}

Result<QList<CyclePrice>> pricesFrom(const QList<BodyValues> &elements)
{
    QList<CyclePrice> prices;
    for (const BodyValues &f : elements) {
        const QString cycle = f.string(QStringLiteral("cycle"), {});
        const Currency currency = *Currency::fromCode(f.string(QStringLiteral("currency"), {}));
        auto amount = amountAt(f, QStringLiteral("amount"), currency);
        if (!amount)
            return amount.error();
        auto setup = amountAt(f, QStringLiteral("setup_fee"), currency);
        if (!setup)
            return setup.error();
        for (const CyclePrice &p : std::as_const(prices)) {
            if (p.cycle == cycle && p.amount.currency() == currency)
                return makeError(
                    errors::DuplicatePrice,
                    QStringLiteral("'%1' repeats the %2 price in %3").arg(f.prefix(), cycle, currency.code()),
                    f.prefix());
        }
        prices.append(CyclePrice{cycle, *amount, *setup});
    }
    return prices;
}

Result<QList<DomainPrice>> domainPricesFrom(const QList<BodyValues> &elements)
{
    QList<DomainPrice> prices;
    for (const BodyValues &f : elements) {
        const QString action = f.string(QStringLiteral("action"), {});
        const int years = int(f.integer(QStringLiteral("years")).value_or(0));
        const Currency currency = *Currency::fromCode(f.string(QStringLiteral("currency"), {}));
        auto amount = amountAt(f, QStringLiteral("amount"), currency);
        if (!amount)
            return amount.error();
        for (const DomainPrice &p : std::as_const(prices)) {
            if (p.action == action && p.years == years && p.amount.currency() == currency)
                return makeError(errors::DuplicatePrice,
                                 QStringLiteral("'%1' repeats the %2 price for %3 years in %4")
                                     .arg(f.prefix(), action)
                                     .arg(years)
                                     .arg(currency.code()),
                                 f.prefix());
        }
        prices.append(DomainPrice{action, years, *amount});
    }
    return prices;
}

} // namespace

const RequestBody &ProductJson::updateBody()
{
    static const RequestBody body =
        RequestBody(QStringLiteral("ProductUpdate"))
            .add(BodyField::string(QStringLiteral("name")).minLength(1).maxLength(200))
            .add(BodyField::string(QStringLiteral("description")).maxLength(10000))
            .add(BodyField::string(QStringLiteral("visibility"))
                     .oneOf(visibilities(), errors::UnknownVisibility))
            .add(BodyField::string(QStringLiteral("template_id"))
                     .format(QStringLiteral("uuid"))
                     .nullable()
                     .describe(QStringLiteral("Required for cloudpod products")))
            .add(BodyField::string(QStringLiteral("tld"))
                     .nullable()
                     .example(QStringLiteral("co.uk"))
                     .describe(QStringLiteral("Required for domain products")))
            .add(BodyField::objects(QStringLiteral("prices"), cyclePriceBody()))
            .add(BodyField::objects(QStringLiteral("domain_prices"), domainPriceBody())
                     .describe(QStringLiteral("Domain products: at least one register price")));
    return body;
}

const RequestBody &ProductJson::createBody()
{
    static const RequestBody body =
        RequestBody::extending(updateBody(), QStringLiteral("ProductInput"))
            .add(BodyField::string(QStringLiteral("type"))
                     .required()
                     .oneOf(&productTypes, errors::UnknownType, QStringLiteral("ProductType")))
            .requireOf(QStringLiteral("name"));
    return body;
}

Result<ProductDraft> ProductJson::draftFrom(const QJsonObject &body, const RequestBody &declaration)
{
    auto values = declaration.decode(body);
    if (!values)
        return values.error();
    return draftFrom(*values);
}

Result<ProductDraft> ProductJson::draftFrom(const BodyValues &values)
{
    ProductDraft d;
    for (auto [key, target] :
         {std::pair{QStringLiteral("type"), &d.type}, std::pair{QStringLiteral("name"), &d.name},
          std::pair{QStringLiteral("description"), &d.description},
          std::pair{QStringLiteral("visibility"), &d.visibility},
          std::pair{QStringLiteral("template_id"), &d.templateId},
          std::pair{QStringLiteral("tld"), &d.tld}}) {
        *target = values.string(key);
        // An explicit null clears the optional references.
        if (!*target && values.has(key) &&
            (key == QLatin1String("template_id") || key == QLatin1String("tld")))
            *target = QString();
    }
    if (values.has(QStringLiteral("prices")) && !values.json().value(QStringLiteral("prices")).isNull()) {
        auto list = pricesFrom(values.objects(QStringLiteral("prices")));
        if (!list)
            return list.error();
        d.prices = *list;
    }
    if (values.has(QStringLiteral("domain_prices")) &&
        !values.json().value(QStringLiteral("domain_prices")).isNull()) {
        auto list = domainPricesFrom(values.objects(QStringLiteral("domain_prices")));
        if (!list)
            return list.error();
        d.domainPrices = *list;
    }
    return d;
}

QJsonObject ProductJson::toJson(const Product &p)
{
    QJsonArray prices;
    for (const CyclePrice &c : p.prices)
        prices.append(QJsonObject{{QStringLiteral("cycle"), c.cycle},
                                  {QStringLiteral("currency"), c.amount.currency().code()},
                                  {QStringLiteral("amount"), c.amount.toDecimalString()},
                                  {QStringLiteral("amount_minor"), c.amount.minorAmount()},
                                  {QStringLiteral("setup_fee"), c.setupFee.toDecimalString()},
                                  {QStringLiteral("setup_fee_minor"), c.setupFee.minorAmount()}});
    QJsonArray domainPrices;
    for (const DomainPrice &d : p.domainPrices)
        domainPrices.append(QJsonObject{{QStringLiteral("action"), d.action},
                                        {QStringLiteral("years"), d.years},
                                        {QStringLiteral("currency"), d.amount.currency().code()},
                                        {QStringLiteral("amount"), d.amount.toDecimalString()},
                                        {QStringLiteral("amount_minor"), d.amount.minorAmount()}});
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return QJsonObject{{QStringLiteral("id"), p.id},
                       {QStringLiteral("type"), p.type},
                       {QStringLiteral("name"), p.name},
                       {QStringLiteral("description"), p.description},
                       {QStringLiteral("visibility"), p.visibility},
                       {QStringLiteral("template_id"), orNull(p.templateId)},
                       {QStringLiteral("tld"), orNull(p.tld)},
                       {QStringLiteral("prices"), prices},
                       {QStringLiteral("domain_prices"), domainPrices},
                       {QStringLiteral("ever_ordered"), p.everOrdered},
                       {QStringLiteral("created_at"), api::timestamp(p.createdAt)},
                       {QStringLiteral("updated_at"), api::timestamp(p.updatedAt)}};
}

} // namespace mp::catalog
