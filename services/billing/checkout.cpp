#include "billing/checkout.h"

#include "billing/billing_errors.h"
#include "billing/billing_settings.h"
#include "billing/invoices.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "module/product_types.h"
#include "module/provisioning_errors.h"
#include "money/money_errors.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

namespace mp::billing {

namespace {

const auto kProduct =
    QStringLiteral("SELECT type, name, visibility, coalesce(tld, '') FROM products WHERE id = ?::uuid");
const auto kCyclePrice = QStringLiteral("SELECT amount_minor, setup_fee_minor FROM product_prices WHERE "
                                        "product_id = ?::uuid AND cycle = ? AND currency = ?");
const auto kDomainPrice = QStringLiteral("SELECT amount_minor FROM tld_prices WHERE product_id = ?::uuid AND "
                                         "action = ? AND years = ? AND currency = ?");
const auto kCustomer = QStringLiteral("SELECT status FROM customers WHERE id = ?::uuid");
const auto kInsertOrder = QStringLiteral(R"sql(
INSERT INTO orders (tenant_id, customer_id, currency, placed_by, created_at)
VALUES (?::uuid, ?::uuid, ?, ?, ?::timestamptz) RETURNING id::text
)sql");
const auto kInsertOrderItem = QStringLiteral(R"sql(
INSERT INTO order_items (tenant_id, order_id, position, product_id, product_type, description, cycle,
                         domain_name, domain_years, quantity, unit_price_minor, setup_fee_minor, hostname,
                         options, domain_action)
VALUES (?::uuid, ?::uuid, 1, ?::uuid, ?, ?, nullif(?, ''), nullif(?, ''), ?::smallint, ?, ?, ?, nullif(?, ''),
        ?::jsonb, nullif(?, ''))
RETURNING id::text
)sql");
// The catalog's signal that a product has history: from now on DELETE retires it.
const auto kMarkOrdered = QStringLiteral(
    "UPDATE products SET first_ordered_at = ?::timestamptz WHERE id = ?::uuid AND first_ordered_at IS NULL");

Error refuse(const ErrorCode &code, const QString &message, const QString &field)
{
    return makeError(code, message, field);
}

QString cycleLabel(const QString &cycle)
{
    QString label = cycle;
    label.replace(u'_', u' ');
    return label;
}

} // namespace

QStringList Checkout::cycles()
{
    return {QStringLiteral("monthly"), QStringLiteral("quarterly"), QStringLiteral("semiannual"),
            QStringLiteral("annual"),  QStringLiteral("biennial"),  QStringLiteral("triennial"),
            QStringLiteral("one_time")};
}

Result<CheckoutResult> Checkout::place(TenantTransaction &tx, const CheckoutRequest &request,
                                       const QDateTime &now)
{
    if (!isUuid(request.customerId))
        return refuse(errors::UnknownCustomer, QStringLiteral("no such customer"),
                      QStringLiteral("customer_id"));
    auto customer = sql::exec(tx.db(), kCustomer, {request.customerId});
    if (!customer)
        return customer.error();
    if (!customer->next())
        return refuse(errors::UnknownCustomer, QStringLiteral("no such customer"),
                      QStringLiteral("customer_id"));
    if (customer->value(0).toString() != QLatin1String("active"))
        return refuse(errors::CustomerInactive,
                      QStringLiteral("the customer account is %1").arg(customer->value(0).toString()),
                      QStringLiteral("customer_id"));

    if (!isUuid(request.productId))
        return refuse(errors::UnknownProduct, QStringLiteral("no such product"),
                      QStringLiteral("product_id"));
    auto product = sql::exec(tx.db(), kProduct, {request.productId});
    if (!product)
        return product.error();
    if (!product->next())
        return refuse(errors::UnknownProduct, QStringLiteral("no such product"),
                      QStringLiteral("product_id"));
    const QString type = product->value(0).toString();
    const QString name = product->value(1).toString();
    const QString visibility = product->value(2).toString();
    const QString tld = product->value(3).toString();
    if (visibility == QLatin1String("retired"))
        return refuse(errors::ProductRetired, QStringLiteral("this product is no longer sold"),
                      QStringLiteral("product_id"));
    if (visibility == QLatin1String("hidden") && !request.byStaff)
        return refuse(errors::UnknownProduct, QStringLiteral("no such product"),
                      QStringLiteral("product_id"));

    auto settings = BillingSettingsStore::load(tx);
    if (!settings)
        return settings.error();
    const QString currencyCode = request.currency.isEmpty() ? settings->defaultCurrency : request.currency;
    const auto currency = Currency::fromCode(currencyCode);
    if (!currency)
        return refuse(errors::InvalidCurrency, QStringLiteral("not an ISO 4217 currency code"),
                      QStringLiteral("currency"));

    const auto productType = provisioning::ProductTypes::global().find(type);
    if (!productType)
        return refuse(errors::UnknownProduct, QStringLiteral("no module sells %1 products").arg(type),
                      QStringLiteral("product_id"));
    const bool isDomain = productType->pricing == provisioning::Pricing::RegistrarYears;
    QString description;
    QString domain;
    QString domainAction;
    qint64 unitMinor = 0;
    qint64 setupMinor = 0;
    if (request.quantity < 1 || request.quantity > kMaxQuantity)
        return refuse(errors::InvalidQuantity,
                      QStringLiteral("quantity must be a whole number from 1 to %1").arg(kMaxQuantity),
                      QStringLiteral("quantity"));
    if (request.quantity > 1 && !productType->takesQuantity())
        return refuse(errors::InvalidQuantity,
                      QStringLiteral("%1 products are sold one at a time: order quantity 1 per line")
                          .arg(productType->label),
                      QStringLiteral("quantity"));
    if (isDomain) {
        if (!request.cycle.isEmpty())
            return refuse(errors::UnknownCycle,
                          QStringLiteral("domains are priced by years, not by billing cycle"),
                          QStringLiteral("cycle"));
        if (request.quantity != 1)
            return refuse(errors::InvalidQuantity, QStringLiteral("a domain is registered once"),
                          QStringLiteral("quantity"));
        domain = request.domain.trimmed().toLower();
        if (domain.endsWith(u'.'))
            domain.chop(1);
        static const QRegularExpression label(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
        const QString suffix = u'.' + tld;
        const QString head = domain.endsWith(suffix) ? domain.chopped(suffix.size()) : QString();
        if (domain.size() > 253 || head.isEmpty() || !label.match(head).hasMatch())
            return refuse(errors::InvalidDomain,
                          QStringLiteral("a domain name ending in .%1, one label before it").arg(tld),
                          QStringLiteral("domain"));
        if (request.years < 1 || request.years > 10)
            return refuse(errors::InvalidYears, QStringLiteral("years must be from 1 to 10"),
                          QStringLiteral("years"));
        domainAction = request.domainAction.isEmpty() ? QStringLiteral("register") : request.domainAction;
        if (domainAction != QLatin1String("register") && domainAction != QLatin1String("transfer"))
            return refuse(errors::InvalidDomain, QStringLiteral("domain_action is register or transfer"),
                          QStringLiteral("domain_action"));
        const bool transfer = domainAction == QLatin1String("transfer");
        auto price = sql::exec(tx.db(), kDomainPrice,
                               {request.productId, domainAction, request.years, currency->code()});
        if (!price)
            return price.error();
        if (!price->next())
            return refuse(errors::PriceMissing,
                          QStringLiteral(".%1 has no %2-year %3 price in %4")
                              .arg(tld)
                              .arg(request.years)
                              .arg(transfer ? QStringLiteral("transfer") : QStringLiteral("registration"),
                                   currency->code()),
                          QStringLiteral("years"));
        unitMinor = price->value(0).toLongLong();
        description = QStringLiteral("Domain %1 %2 (%3 %4)")
                          .arg(transfer ? QStringLiteral("transfer") : QStringLiteral("registration"))
                          .arg(domain)
                          .arg(request.years)
                          .arg(request.years == 1 ? QStringLiteral("year") : QStringLiteral("years"));
    } else {
        if (!request.domain.isEmpty() || request.years != 0 || !request.domainAction.isEmpty())
            return refuse(errors::InvalidDomain, QStringLiteral("only domain products take a domain"),
                          QStringLiteral("domain"));
        if (!cycles().contains(request.cycle))
            return refuse(errors::UnknownCycle,
                          QStringLiteral("cycle must be one of %1").arg(cycles().join(QStringLiteral(", "))),
                          QStringLiteral("cycle"));
        auto price = sql::exec(tx.db(), kCyclePrice, {request.productId, request.cycle, currency->code()});
        if (!price)
            return price.error();
        if (!price->next())
            return refuse(errors::PriceMissing,
                          QStringLiteral("this product has no %1 price in %2")
                              .arg(cycleLabel(request.cycle), currency->code()),
                          QStringLiteral("cycle"));
        unitMinor = price->value(0).toLongLong();
        setupMinor = price->value(1).toLongLong();
        description = QStringLiteral("%1 (%2)").arg(name, cycleLabel(request.cycle));
    }

    // A line of a type that takes a host name (a CloudPod) carries it: its provisioner reads it
    // from the order line.
    QString hostname;
    if (productType->takesHostname()) {
        auto named = productType->hostname(request.hostname);
        if (!named)
            return named.error();
        hostname = *named;
    } else if (!request.hostname.trimmed().isEmpty()) {
        return refuse(errors::InvalidHostname,
                      QStringLiteral("only %1 products take a host name")
                          .arg(provisioning::ProductTypes::global().labelsWhere(
                              [](const provisioning::ProductType &t) { return t.takesHostname(); })),
                      QStringLiteral("hostname"));
    }

    // The line's options, decoded with the table its type declares; a type without one takes none.
    api::BodyValues options;
    if (!request.options.isEmpty()) {
        if (!productType->lineOptions)
            return refuse(errors::InvalidOptions,
                          QStringLiteral("%1 products take no options").arg(productType->label),
                          QStringLiteral("options.") + request.options.constBegin().key());
        auto decoded = productType->lineOptions->decode(request.options, QStringLiteral("options"));
        if (!decoded)
            return decoded.error();
        options = *decoded;
    }

    const QString nowText = now.toUTC().toString(Qt::ISODateWithMs);
    auto order = sql::exec(tx.db(), kInsertOrder,
                           {tx.tenantId(), request.customerId, currency->code(), request.placedBy, nowText});
    if (!order)
        return order.error();
    order->next();
    const QString orderId = order->value(0).toString();
    auto item = sql::exec(
        tx.db(), kInsertOrderItem,
        {tx.tenantId(), orderId, request.productId, type, description, isDomain ? QString() : request.cycle,
         domain, isDomain ? QVariant(request.years) : QVariant(), request.quantity, unitMinor, setupMinor,
         hostname, QString::fromUtf8(QJsonDocument(options.json()).toJson(QJsonDocument::Compact)),
         domainAction});
    if (!item)
        return item.error();
    item->next();
    const QString orderItemId = item->value(0).toString();
    QJsonObject shownOnce;
    if (productType->lineOrdered) {
        auto ordered = productType->lineOrdered(
            tx, provisioning::OrderedLine{request.customerId, orderItemId, request.quantity, options});
        if (!ordered)
            return ordered.error();
        shownOnce = *ordered;
    }

    InvoiceDraft draft(*currency);
    draft.customerId = request.customerId;
    draft.orderId = orderId;
    draft.lines.append(LineDraft{description, request.quantity, Money(unitMinor, *currency), orderItemId});
    // Setup is charged per unit set up, once, on this first invoice.
    if (setupMinor > 0)
        draft.lines.append(LineDraft{QStringLiteral("Setup fee: %1").arg(name), request.quantity,
                                     Money(setupMinor, *currency), orderItemId});
    auto invoice = Invoices::create(tx, draft, now);
    if (!invoice)
        return invoice.error();
    if (auto marked = sql::exec(tx.db(), kMarkOrdered, {nowText, request.productId}); !marked)
        return marked.error();
    return CheckoutResult{orderId, *invoice, shownOnce};
}

} // namespace mp::billing
