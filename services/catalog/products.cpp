#include "catalog/products.h"

#include "catalog/catalog_errors.h"
#include "catalog/catalog_terms.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "module/product_types.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

namespace mp::catalog {

namespace {

// Prices come back as JSON arrays aggregated per product, so a page of products with all
// their prices is one round trip.
const QString kSelect = QStringLiteral(
    "SELECT p.id, p.type, p.name, p.description, p.visibility, p.template_id, p.tld, "
    "       p.first_ordered_at IS NOT NULL, p.created_at, p.updated_at, "
    "       (SELECT coalesce(json_agg(json_build_object('c', x.cycle, 'k', x.currency, "
    "                    'a', x.amount_minor::text, 's', x.setup_fee_minor::text) "
    "                ORDER BY array_position(ARRAY['monthly','quarterly','semiannual','annual','biennial',"
    "                                              'triennial','one_time'], x.cycle), x.currency), "
    "'[]')::text "
    "          FROM product_prices x WHERE x.product_id = p.id), "
    "       (SELECT coalesce(json_agg(json_build_object('a', x.action, 'y', x.years, 'k', x.currency, "
    "                    'm', x.amount_minor::text) "
    "                ORDER BY array_position(ARRAY['register','renew','transfer'], x.action), x.years, "
    "                         x.currency), '[]')::text "
    "          FROM tld_prices x WHERE x.product_id = p.id)%1 "
    "FROM products p ");

constexpr int kSelectColumns = 12;

Money moneyFrom(const QJsonObject &o, const QString &key, const Currency &currency)
{
    return Money(o.value(key).toString().toLongLong(), currency);
}

Product productFrom(const QSqlQuery &q)
{
    Product p;
    p.id = q.value(0).toString();
    p.type = q.value(1).toString();
    p.name = q.value(2).toString();
    p.description = q.value(3).toString();
    p.visibility = q.value(4).toString();
    p.templateId = q.value(5).toString();
    p.tld = q.value(6).toString();
    p.everOrdered = q.value(7).toBool();
    p.createdAt = q.value(8).toDateTime();
    p.updatedAt = q.value(9).toDateTime();
    const QJsonArray prices = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).array();
    for (const QJsonValue &v : prices) {
        const QJsonObject o = v.toObject();
        // Stored codes passed validation on the way in; an unknown one would be a corrupt row.
        const auto currency = Currency::fromCode(o.value(QStringLiteral("k")).toString());
        if (!currency)
            continue;
        p.prices.append(CyclePrice{o.value(QStringLiteral("c")).toString(),
                                   moneyFrom(o, QStringLiteral("a"), *currency),
                                   moneyFrom(o, QStringLiteral("s"), *currency)});
    }
    const QJsonArray domain = QJsonDocument::fromJson(q.value(11).toString().toUtf8()).array();
    for (const QJsonValue &v : domain) {
        const QJsonObject o = v.toObject();
        const auto currency = Currency::fromCode(o.value(QStringLiteral("k")).toString());
        if (!currency)
            continue;
        p.domainPrices.append(DomainPrice{o.value(QStringLiteral("a")).toString(),
                                          o.value(QStringLiteral("y")).toInt(),
                                          moneyFrom(o, QStringLiteral("m"), *currency)});
    }
    return p;
}

QString likeSubstring(const QString &text)
{
    QString escaped = text.toLower();
    escaped.replace(u'\\', QStringLiteral("\\\\"))
        .replace(u'%', QStringLiteral("\\%"))
        .replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

Error notFound(const QString &id)
{
    return makeError(errors::NotFound, QStringLiteral("no product %1").arg(id), QStringLiteral("id"));
}

void apply(Product &p, const ProductDraft &d)
{
    if (d.type)
        p.type = *d.type;
    if (d.name)
        p.name = d.name->trimmed();
    if (d.description)
        p.description = *d.description;
    if (d.visibility)
        p.visibility = *d.visibility;
    if (d.templateId)
        p.templateId = d.templateId->trimmed();
    if (d.tld)
        p.tld = d.tld->trimmed().isEmpty() ? QString() : Products::normaliseTld(*d.tld);
    if (d.prices)
        p.prices = *d.prices;
    if (d.domainPrices)
        p.domainPrices = *d.domainPrices;
}

// The type's module checks the template (a CloudPod template must be one of this tenant's).
Status checkTemplate(TenantTransaction &tx, const Product &p)
{
    const auto type = provisioning::ProductTypes::global().find(p.type);
    if (!type || !type->takesTemplate())
        return {};
    return type->checkTemplate(tx, p.templateId);
}

Status replacePrices(TenantTransaction &tx, const QString &productId, const Product &p)
{
    QJsonArray cycles;
    for (const CyclePrice &c : p.prices)
        cycles.append(
            QJsonObject{{QStringLiteral("cycle"), c.cycle},
                        {QStringLiteral("currency"), c.amount.currency().code()},
                        {QStringLiteral("amount_minor"), QString::number(c.amount.minorAmount())},
                        {QStringLiteral("setup_fee_minor"), QString::number(c.setupFee.minorAmount())}});
    QJsonArray domain;
    for (const DomainPrice &d : p.domainPrices)
        domain.append(QJsonObject{{QStringLiteral("action"), d.action},
                                  {QStringLiteral("years"), d.years},
                                  {QStringLiteral("currency"), d.amount.currency().code()},
                                  {QStringLiteral("amount_minor"), QString::number(d.amount.minorAmount())}});
    const auto json = [](const QJsonArray &a) {
        return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
    };
    const QString statements[] = {
        QStringLiteral("DELETE FROM product_prices WHERE product_id = ?::uuid"),
        QStringLiteral("DELETE FROM tld_prices WHERE product_id = ?::uuid"),
    };
    for (const QString &s : statements) {
        if (auto q = sql::exec(tx.db(), s, {productId}); !q)
            return q.error();
    }
    if (!cycles.isEmpty()) {
        auto q =
            sql::exec(tx.db(),
                      QStringLiteral("INSERT INTO product_prices (tenant_id, product_id, cycle, currency, "
                                     "                            amount_minor, setup_fee_minor) "
                                     "SELECT ?::uuid, ?::uuid, x.cycle, x.currency, x.amount_minor::bigint, "
                                     "       x.setup_fee_minor::bigint "
                                     "FROM jsonb_to_recordset(?::jsonb) AS x (cycle text, currency text, "
                                     "     amount_minor text, setup_fee_minor text)"),
                      {tx.tenantId(), productId, json(cycles)});
        if (!q)
            return q.error();
    }
    if (!domain.isEmpty()) {
        auto q = sql::exec(
            tx.db(),
            QStringLiteral("INSERT INTO tld_prices (tenant_id, product_id, action, years, currency, "
                           "                        amount_minor) "
                           "SELECT ?::uuid, ?::uuid, x.action, x.years, x.currency, "
                           "       x.amount_minor::bigint "
                           "FROM jsonb_to_recordset(?::jsonb) AS x (action text, years smallint, "
                           "     currency text, amount_minor text)"),
            {tx.tenantId(), productId, json(domain)});
        if (!q)
            return q.error();
    }
    return {};
}

Error writeError(const Error &e)
{
    if (sql::hasSqlState(e, sql::UniqueViolation))
        return makeError(errors::TldTaken, QStringLiteral("another live product already sells this TLD"),
                         QStringLiteral("tld"));
    return e;
}

} // namespace

QList<api::SortOrder> Products::sortOrders()
{
    return {
        {QStringLiteral("type"),
         {QStringLiteral("p.type"), QStringLiteral("lower(p.name)")},
         {QStringLiteral("text"), QStringLiteral("text")}},
        {QStringLiteral("name"), {QStringLiteral("lower(p.name)")}, {QStringLiteral("text")}},
        {QStringLiteral("created_at"), {QStringLiteral("p.created_at")}, {QStringLiteral("timestamptz")}},
    };
}

QString Products::normaliseTld(const QString &tld)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$"));
    QString t = tld.trimmed().toLower();
    if (t.startsWith(u'.'))
        t.remove(0, 1);
    if (t.size() > 63 || !pattern.match(t).hasMatch())
        return {};
    return t;
}

Status Products::validate(const Product &p)
{
    if (p.name.isEmpty() || p.name.size() > 200)
        return makeError(errors::InvalidName, QStringLiteral("a product name is 1 to 200 characters"),
                         QStringLiteral("name"));
    if (p.description.size() > 10000)
        return makeError(errors::InvalidDescription,
                         QStringLiteral("a description is at most 10,000 characters"),
                         QStringLiteral("description"));
    const auto &types = provisioning::ProductTypes::global();
    const auto type = types.find(p.type);
    if (!type)
        return makeError(errors::UnknownType,
                         QStringLiteral("type must be one of %1").arg(types.ids().join(QStringLiteral(", "))),
                         QStringLiteral("type"));
    const bool domain = type->pricing == provisioning::Pricing::RegistrarYears;
    if (type->takesTemplate() && p.templateId.isEmpty())
        return makeError(errors::TemplateRequired,
                         QStringLiteral("a %1 product needs a template_id").arg(type->label),
                         QStringLiteral("template_id"));
    if (!type->takesTemplate() && !p.templateId.isEmpty())
        return makeError(
            errors::TemplateNotAllowed,
            QStringLiteral("only %1 products have a template")
                .arg(types.labelsWhere([](const provisioning::ProductType &t) { return t.takesTemplate(); })),
            QStringLiteral("template_id"));
    if (domain && p.tld.isEmpty())
        return makeError(errors::InvalidTld,
                         QStringLiteral("a domain product needs a TLD such as \"com\" or \"co.uk\""),
                         QStringLiteral("tld"));
    if (!domain && !p.tld.isEmpty())
        return makeError(errors::TldNotAllowed, QStringLiteral("only domain products have a TLD"),
                         QStringLiteral("tld"));
    if (domain && !p.prices.isEmpty())
        return makeError(
            errors::PricesNotAllowed,
            QStringLiteral("a domain product is priced per year in domain_prices, not per cycle"),
            QStringLiteral("prices"));
    if (!domain && !p.domainPrices.isEmpty())
        return makeError(errors::DomainPricesNotAllowed,
                         QStringLiteral("only domain products have domain_prices"),
                         QStringLiteral("domain_prices"));
    if (domain) {
        const bool hasRegister =
            std::any_of(p.domainPrices.begin(), p.domainPrices.end(),
                        [](const DomainPrice &d) { return d.action == QLatin1String("register"); });
        if (!hasRegister)
            return makeError(errors::RegisterPriceRequired,
                             QStringLiteral("a domain product needs at least one register price"),
                             QStringLiteral("domain_prices"));
    }
    return {};
}

Result<ProductPage> Products::list(TenantTransaction &tx, const ProductFilter &filter,
                                   const api::KeysetPage &page)
{
    QStringList where;
    QVariantList binds;
    if (!filter.type.isEmpty()) {
        where << QStringLiteral("p.type = ?");
        binds << filter.type;
    }
    if (!filter.visibility.isEmpty()) {
        where << QStringLiteral("p.visibility = ?");
        binds << filter.visibility;
    }
    if (!filter.search.isEmpty()) {
        where << QStringLiteral("lower(p.name) LIKE ? ESCAPE '\\'");
        binds << likeSubstring(filter.search);
    }
    if (const QString after = page.afterCondition(QStringLiteral("p.id")); !after.isEmpty()) {
        where << after;
        binds << page.afterBinds();
    }
    QString sql = kSelect.arg(QStringLiteral(", ") + page.keySelect());
    if (!where.isEmpty())
        sql += QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND ")) + u' ';
    sql += QStringLiteral("ORDER BY %1 LIMIT %2")
               .arg(page.orderBy(QStringLiteral("p.id")))
               .arg(page.limit() + 1);
    auto q = sql::exec(tx.db(), sql, binds);
    if (!q)
        return q.error();
    return api::readPage<ProductPage>(*q, page, kSelectColumns, productFrom);
}

Result<Product> Products::find(TenantTransaction &tx, const QString &id)
{
    if (!isUuid(id))
        return notFound(id);
    auto q = sql::exec(tx.db(), kSelect.arg(QString()) + QStringLiteral("WHERE p.id = ?::uuid"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound(id);
    return productFrom(*q);
}

Result<Product> Products::create(TenantTransaction &tx, const ProductDraft &draft)
{
    if (!draft.type)
        return makeError(errors::Required, QStringLiteral("'type' is required"), QStringLiteral("type"));
    if (!draft.name)
        return makeError(errors::Required, QStringLiteral("'name' is required"), QStringLiteral("name"));
    Product p;
    p.visibility = QStringLiteral("active");
    apply(p, draft);
    if (draft.tld && !draft.tld->trimmed().isEmpty() && p.tld.isEmpty())
        return makeError(errors::InvalidTld, QStringLiteral("'%1' is not a valid TLD").arg(*draft.tld),
                         QStringLiteral("tld"));
    if (auto s = validate(p); !s)
        return s.error();
    if (auto s = checkTemplate(tx, p); !s)
        return s.error();
    const QDateTime now = Clock::current().now();
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("INSERT INTO products (tenant_id, type, name, description, visibility, "
                       "                      template_id, tld, created_at, updated_at) "
                       "VALUES (?::uuid, ?, ?, coalesce(?, ''), ?, NULLIF(?, '')::uuid, NULLIF(?, ''), ?, ?) "
                       "RETURNING id"),
        {tx.tenantId(), p.type, p.name, p.description, p.visibility, p.templateId, p.tld, now, now});
    if (!q)
        return writeError(q.error());
    q->next();
    const QString id = q->value(0).toString();
    if (auto s = replacePrices(tx, id, p); !s)
        return s.error();
    return find(tx, id);
}

Result<Product> Products::update(TenantTransaction &tx, const QString &id, const ProductDraft &draft)
{
    auto existing = find(tx, id);
    if (!existing)
        return existing.error();
    Product p = *existing;
    apply(p, draft);
    if (draft.tld && !draft.tld->trimmed().isEmpty() && p.tld.isEmpty())
        return makeError(errors::InvalidTld, QStringLiteral("'%1' is not a valid TLD").arg(*draft.tld),
                         QStringLiteral("tld"));
    if (auto s = validate(p); !s)
        return s.error();
    if (auto s = checkTemplate(tx, p); !s)
        return s.error();
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("UPDATE products SET name = ?, description = coalesce(?, ''), visibility = ?, "
                       "       template_id = NULLIF(?, '')::uuid, tld = NULLIF(?, ''), updated_at = ? "
                       "WHERE id = ?::uuid"),
        {p.name, p.description, p.visibility, p.templateId, p.tld, Clock::current().now(), id});
    if (!q)
        return writeError(q.error());
    if (draft.prices || draft.domainPrices) {
        if (auto s = replacePrices(tx, id, p); !s)
            return s.error();
    }
    return find(tx, id);
}

Result<RemoveOutcome> Products::remove(TenantTransaction &tx, const QString &id)
{
    if (!isUuid(id))
        return notFound(id);
    // The savepoint lets a foreign key from an order line (the orders module) turn the delete
    // into a retirement instead of aborting the caller's transaction.
    if (auto q = sql::exec(tx.db(), QStringLiteral("SAVEPOINT product_remove")); !q)
        return q.error();
    auto deleted = sql::exec(
        tx.db(), QStringLiteral("DELETE FROM products WHERE id = ?::uuid AND first_ordered_at IS NULL"),
        {id});
    if (deleted && deleted->numRowsAffected() == 1)
        return RemoveOutcome::Deleted;
    if (!deleted) {
        if (!sql::hasSqlState(deleted.error(), sql::ForeignKeyViolation))
            return deleted.error();
        if (auto q = sql::exec(tx.db(), QStringLiteral("ROLLBACK TO SAVEPOINT product_remove")); !q)
            return q.error();
    }
    auto retired = sql::exec(tx.db(),
                             QStringLiteral("UPDATE products SET visibility = 'retired', updated_at = ? "
                                            "WHERE id = ?::uuid"),
                             {Clock::current().now(), id});
    if (!retired)
        return retired.error();
    if (retired->numRowsAffected() != 1)
        return notFound(id);
    return RemoveOutcome::Retired;
}

} // namespace mp::catalog
