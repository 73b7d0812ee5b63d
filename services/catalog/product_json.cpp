#include "catalog/product_json.h"

#include "api/json_fields.h"
#include "api/responses.h"
#include "catalog/catalog_errors.h"
#include "catalog/catalog_terms.h"
#include "core/errors.h"
#include "money/money_errors.h"

#include <QJsonArray>

namespace mp::catalog {

using api::JsonFields;

const QStringList &ProductJson::createFields()
{
    static const QStringList fields{QStringLiteral("type"),        QStringLiteral("name"),
                                    QStringLiteral("description"), QStringLiteral("visibility"),
                                    QStringLiteral("template_id"), QStringLiteral("tld"),
                                    QStringLiteral("prices"),      QStringLiteral("domain_prices")};
    return fields;
}

const QStringList &ProductJson::updateFields()
{
    // The type decides which other fields make sense, so it is fixed at creation.
    static const QStringList fields = [] {
        QStringList f = createFields();
        f.removeAll(QStringLiteral("type"));
        return f;
    }();
    return fields;
}

namespace {

Result<Currency> currencyAt(const JsonFields &f, const QString &key)
{
    auto code = f.requiredString(key);
    if (!code)
        return code.error();
    const auto currency = Currency::fromCode(*code);
    if (!currency)
        return makeError(errors::InvalidCurrency,
                         QStringLiteral("'%1' is not an ISO 4217 currency code").arg(*code), f.path(key));
    return *currency;
}

// A non-negative amount given as a decimal string in the currency's precision.
Result<Money> amountAt(const JsonFields &f, const QString &key, const Currency &currency, bool required)
{
    auto text = f.optionalString(key);
    if (!text)
        return text.error();
    if (!text->has_value()) {
        if (required)
            return makeError(errors::Required, QStringLiteral("'%1' is required").arg(f.path(key)),
                             f.path(key));
        return Money::zero(currency);
    }
    auto money = Money::parse(**text, currency);
    if (!money) {
        Error e = money.error();
        e.field = f.path(key);
        e.message =
            QStringLiteral("'%1': %2 (write a decimal string such as \"9.99\")").arg(f.path(key), e.message);
        return e;
    }
    if (money->isNegative())
        return makeError(errors::NegativePrice, QStringLiteral("'%1' must not be negative").arg(f.path(key)),
                         f.path(key));
    return *money;
}

Result<QString> termAt(const JsonFields &f, const QString &key, const QStringList &allowed,
                       const ErrorCode &code)
{
    auto value = f.requiredString(key);
    if (!value)
        return value.error();
    if (!allowed.contains(*value))
        return makeError(
            code,
            QStringLiteral("'%1' must be one of %2").arg(f.path(key), allowed.join(QStringLiteral(", "))),
            f.path(key));
    return *value;
}

Result<QList<CyclePrice>> pricesFrom(const QJsonArray &array)
{
    QList<CyclePrice> prices;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = api::elementPath(QStringLiteral("prices"), i);
        if (!array.at(i).isObject())
            return makeError(errors::InvalidType, QStringLiteral("'%1' must be an object").arg(at), at);
        const JsonFields f(array.at(i).toObject(), at);
        if (auto s = f.onlyKnown({QStringLiteral("cycle"), QStringLiteral("currency"),
                                  QStringLiteral("amount"), QStringLiteral("setup_fee")});
            !s)
            return s.error();
        auto cycle = termAt(f, QStringLiteral("cycle"), billingCycles(), errors::UnknownCycle);
        if (!cycle)
            return cycle.error();
        auto currency = currencyAt(f, QStringLiteral("currency"));
        if (!currency)
            return currency.error();
        auto amount = amountAt(f, QStringLiteral("amount"), *currency, true);
        if (!amount)
            return amount.error();
        auto setup = amountAt(f, QStringLiteral("setup_fee"), *currency, false);
        if (!setup)
            return setup.error();
        for (const CyclePrice &p : std::as_const(prices)) {
            if (p.cycle == *cycle && p.amount.currency() == *currency)
                return makeError(
                    errors::DuplicatePrice,
                    QStringLiteral("'%1' repeats the %2 price in %3").arg(at, *cycle, currency->code()), at);
        }
        prices.append(CyclePrice{*cycle, *amount, *setup});
    }
    return prices;
}

Result<QList<DomainPrice>> domainPricesFrom(const QJsonArray &array)
{
    QList<DomainPrice> prices;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = api::elementPath(QStringLiteral("domain_prices"), i);
        if (!array.at(i).isObject())
            return makeError(errors::InvalidType, QStringLiteral("'%1' must be an object").arg(at), at);
        const JsonFields f(array.at(i).toObject(), at);
        if (auto s = f.onlyKnown({QStringLiteral("action"), QStringLiteral("years"),
                                  QStringLiteral("currency"), QStringLiteral("amount")});
            !s)
            return s.error();
        auto action = termAt(f, QStringLiteral("action"), domainActions(), errors::UnknownAction);
        if (!action)
            return action.error();
        auto years = f.optionalInteger(QStringLiteral("years"));
        if (!years)
            return years.error();
        if (!years->has_value() || **years < kMinDomainYears || **years > kMaxDomainYears)
            return makeError(errors::InvalidYears,
                             QStringLiteral("'%1' must be a whole number of years from %2 to %3")
                                 .arg(f.path(QStringLiteral("years")))
                                 .arg(kMinDomainYears)
                                 .arg(kMaxDomainYears),
                             f.path(QStringLiteral("years")));
        auto currency = currencyAt(f, QStringLiteral("currency"));
        if (!currency)
            return currency.error();
        auto amount = amountAt(f, QStringLiteral("amount"), *currency, true);
        if (!amount)
            return amount.error();
        for (const DomainPrice &p : std::as_const(prices)) {
            if (p.action == *action && p.years == int(**years) && p.amount.currency() == *currency)
                return makeError(errors::DuplicatePrice,
                                 QStringLiteral("'%1' repeats the %2 price for %3 years in %4")
                                     .arg(at, *action)
                                     .arg(**years)
                                     .arg(currency->code()),
                                 at);
        }
        prices.append(DomainPrice{*action, int(**years), *amount});
    }
    return prices;
}

} // namespace

Result<ProductDraft> ProductJson::draftFrom(const QJsonObject &body)
{
    const JsonFields f(body);
    ProductDraft d;
    // Plain strings first: their type errors come before value checks.
    for (auto [key, target] :
         {std::pair{QStringLiteral("type"), &d.type}, std::pair{QStringLiteral("name"), &d.name},
          std::pair{QStringLiteral("description"), &d.description},
          std::pair{QStringLiteral("visibility"), &d.visibility},
          std::pair{QStringLiteral("template_id"), &d.templateId},
          std::pair{QStringLiteral("tld"), &d.tld}}) {
        auto v = f.optionalString(key);
        if (!v)
            return v.error();
        *target = *v;
        // An explicit null clears the optional references.
        if (!v->has_value() && body.contains(key) &&
            (key == QLatin1String("template_id") || key == QLatin1String("tld")))
            *target = QString();
    }
    if (d.type && !productTypes().contains(*d.type))
        return makeError(
            errors::UnknownType,
            QStringLiteral("type must be one of %1").arg(productTypes().join(QStringLiteral(", "))),
            QStringLiteral("type"));
    if (d.visibility && !visibilities().contains(*d.visibility))
        return makeError(
            errors::UnknownVisibility,
            QStringLiteral("visibility must be one of %1").arg(visibilities().join(QStringLiteral(", "))),
            QStringLiteral("visibility"));
    auto prices = f.optionalArray(QStringLiteral("prices"));
    if (!prices)
        return prices.error();
    if (prices->has_value()) {
        auto list = pricesFrom(**prices);
        if (!list)
            return list.error();
        d.prices = *list;
    }
    auto domainPrices = f.optionalArray(QStringLiteral("domain_prices"));
    if (!domainPrices)
        return domainPrices.error();
    if (domainPrices->has_value()) {
        auto list = domainPricesFrom(**domainPrices);
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
