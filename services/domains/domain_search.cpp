#include "domains/domain_search.h"

#include "db/sql.h"
#include "domains/domains_errors.h"
#include "money/currency.h"
#include "money/money.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>

namespace mp::domains {

namespace {

// The tenant's TLD products with their one-year prices in the currency.
const auto kProducts = QStringLiteral(R"sql(
SELECT p.id::text, p.tld,
       (SELECT amount_minor FROM tld_prices t WHERE t.product_id = p.id AND t.action = 'register' AND t.years = 1 AND t.currency = ?),
       (SELECT amount_minor FROM tld_prices t WHERE t.product_id = p.id AND t.action = 'renew' AND t.years = 1 AND t.currency = ?),
       (SELECT amount_minor FROM tld_prices t WHERE t.product_id = p.id AND t.action = 'transfer' AND t.years = 1 AND t.currency = ?)
FROM products p
WHERE p.tld IS NOT NULL AND (p.visibility = 'active' OR (? AND p.visibility = 'hidden'))
ORDER BY length(p.tld), p.tld
)sql");

struct TldProduct {
    QString productId, tld;
    QVariant registerMinor, renewMinor, transferMinor;
};

QJsonValue price(const QVariant &minor, const Currency &currency)
{
    if (minor.isNull())
        return QJsonValue();
    return Money(minor.toLongLong(), currency).toDecimalString();
}

QString stateName(Availability::State s)
{
    switch (s) {
    case Availability::State::Available:
        return QStringLiteral("available");
    case Availability::State::Taken:
        return QStringLiteral("taken");
    case Availability::State::Invalid:
        return QStringLiteral("invalid");
    }
    return QStringLiteral("taken");
}

} // namespace

const api::RequestBody &DomainSearch::body()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("DomainSearchRequest"))
            .add(BodyField::string(QStringLiteral("name"))
                     .required()
                     .minLength(1)
                     .maxLength(253)
                     .outOfRange(errors::DomainsInvalidSearch)
                     .describe(
                         QStringLiteral("a name (\"example\") or a domain (\"example.com\"): searched in "
                                        "every TLD the catalog sells")))
            .add(BodyField::string(QStringLiteral("currency"))
                     .describe(QStringLiteral("default: the tenant's currency")));
    return body;
}

Result<QJsonObject> DomainSearch::run(const QSqlDatabase &db, Registrar &registrar,
                                      const SearchRequest &request)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$"));
    QString query = request.name.trimmed().toLower();
    if (query.endsWith(u'.'))
        query.chop(1);
    const QString sld = query.section(u'.', 0, 0);
    const QString asked = query.section(u'.', 1);
    if (!label.match(sld).hasMatch())
        return makeError(
            errors::DomainsInvalidSearch,
            QStringLiteral("a name is letters, digits and hyphens (not at either end), 1 to 63 of them"),
            QStringLiteral("name"));
    QString code = request.currency;
    if (code.isEmpty()) {
        auto d = sql::exec(db, QStringLiteral("SELECT default_currency FROM tenants"));
        if (!d)
            return d.error();
        code = d->next() ? d->value(0).toString() : QStringLiteral("EUR");
    }
    const auto currency = Currency::fromCode(code);
    if (!currency)
        return makeError(errors::DomainsInvalidSearch, QStringLiteral("not an ISO 4217 currency code"),
                         QStringLiteral("currency"));

    auto q =
        sql::exec(db, kProducts, {currency->code(), currency->code(), currency->code(), request.forStaff});
    if (!q)
        return q.error();
    QList<TldProduct> products;
    while (q->next())
        products.append(
            {q->value(0).toString(), q->value(1).toString(), q->value(2), q->value(3), q->value(4)});
    // The TLD typed first, the rest in the catalog's order.
    std::stable_sort(products.begin(), products.end(), [&asked](const TldProduct &a, const TldProduct &b) {
        return (a.tld == asked) > (b.tld == asked);
    });

    QStringList names;
    for (const TldProduct &p : std::as_const(products))
        names << sld + u'.' + p.tld;
    QHash<QString, Availability> answers;
    const int chunk = qMax(1, registrar.maxAvailabilityNames());
    for (int i = 0; i < names.size(); i += chunk) {
        auto checked = registrar.checkAvailability(names.mid(i, chunk));
        if (!checked)
            return checked.error();
        for (const Availability &a : std::as_const(*checked))
            answers.insert(a.name, a);
    }

    QJsonArray results;
    for (const TldProduct &p : std::as_const(products)) {
        const QString name = sld + u'.' + p.tld;
        const Availability a = answers.value(name, Availability{name, Availability::State::Taken, false, {}});
        // A premium name costs what the registry asks, not the catalog's price.
        const bool orderable =
            a.state == Availability::State::Available && !a.premium && !p.registerMinor.isNull();
        QJsonObject o{{QStringLiteral("domain"), name},
                      {QStringLiteral("tld"), p.tld},
                      {QStringLiteral("product_id"), p.productId},
                      {QStringLiteral("status"), stateName(a.state)},
                      {QStringLiteral("available"), a.state == Availability::State::Available},
                      {QStringLiteral("premium"), a.premium},
                      {QStringLiteral("orderable"), orderable},
                      {QStringLiteral("currency"), currency->code()},
                      {QStringLiteral("register_price"), price(p.registerMinor, *currency)},
                      {QStringLiteral("renew_price"), price(p.renewMinor, *currency)},
                      {QStringLiteral("transfer_price"), price(p.transferMinor, *currency)}};
        if (request.forStaff && !a.registrarPrice.isEmpty())
            o.insert(QStringLiteral("registrar_price"), a.registrarPrice);
        results.append(o);
    }
    return QJsonObject{{QStringLiteral("query"), query},
                       {QStringLiteral("registrar"), registrar.id()},
                       {QStringLiteral("items"), results}};
}

} // namespace mp::domains
