#include "domains/domains_routes.h"

#include "api/responses.h"
#include "billing/checkout.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "domains/domain.h"
#include "domains/domain_jobs_queue.h"
#include "domains/domain_search.h"
#include "domains/domain_store.h"
#include "domains/domains_bodies.h"
#include "domains/domains_errors.h"
#include "domains/registrar_accounts.h"
#include "http/api_context.h"
#include "http/router.h"
#include "http/tenant_routes.h"
#include "subscriptions/subscription_renewals.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>

namespace mp::domains {

namespace {

using api::errorResponse;

// The domain in the path if the caller may see it: staff any of the tenant's, a customer only
// its own (another customer's answers exactly as a missing one).
Result<Domain> visibleDomain(const HttpRequest &request, TenantTransaction &tx, const Caller &caller,
                             bool forUpdate = false)
{
    auto d = DomainStore::find(tx.db(), request.pathParams.value(QStringLiteral("id")), forUpdate);
    if (!d)
        return d.error();
    if (!isStaff(caller) && d->customerId != caller.customerId)
        return makeError(errors::DomainsNotFound, QStringLiteral("no such domain"), QStringLiteral("id"));
    return d;
}

HttpResponse listDomains(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    DomainFilter filter;
    filter.today = Clock::current().now().toUTC().date();
    for (const auto &[name, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        bool ok = true;
        if (name == QLatin1String("customer_id") && isStaff(caller)) {
            ok = isUuid(value);
            filter.customerId = value;
        } else if (name == QLatin1String("expiring_within_days")) {
            filter.expiringWithinDays = value.toInt(&ok);
            ok = ok && filter.expiringWithinDays >= 0 && filter.expiringWithinDays <= 3650;
        } else if (name == QLatin1String("after")) {
            filter.after = value.toLower();
        } else if (name == QLatin1String("limit")) {
            filter.limit = value.toInt(&ok);
            ok = ok && filter.limit >= 1 && filter.limit <= 1000;
        } else {
            return HttpResponse::error(400, errors::UnknownParameter,
                                       QStringLiteral("unknown parameter '%1'").arg(name), name);
        }
        if (!ok)
            return HttpResponse::error(400, errors::InvalidParameter,
                                       QStringLiteral("'%1' has an invalid value").arg(name), name);
    }
    if (!isStaff(caller))
        filter.customerId = caller.customerId;
    auto list = DomainStore::list(tx.db(), filter);
    if (!list)
        return errorResponse(list.error());
    QJsonArray items;
    for (const Domain &d : std::as_const(*list))
        items.append(d.toJson(isStaff(caller)));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), items}});
}

HttpResponse queued(const Result<qint64> &job, const Domain &domain, bool forStaff)
{
    if (!job)
        return errorResponse(job.error());
    return HttpResponse::json(202, QJsonObject{{QStringLiteral("domain"), domain.toJson(forStaff)},
                                               {QStringLiteral("job_id"), *job}});
}

// A change at the registrar for a domain it holds: queued as one job per action and wish.
HttpResponse registrarChange(const HttpRequest &request, TenantTransaction &tx, const Caller &caller,
                             const QString &action, const QJsonObject &payload = {}, const QString &wish = {})
{
    auto d = visibleDomain(request, tx, caller);
    if (!d)
        return errorResponse(d.error());
    if (d->status != domain_status::active)
        return HttpResponse::error(409, errors::DomainsNotActive,
                                   QStringLiteral("%1 is %2: the registrar holds no active domain to change")
                                       .arg(d->name, d->status),
                                   QStringLiteral("status"));
    QJsonObject p = payload;
    p.insert(QStringLiteral("action"), action);
    const QString key =
        QStringLiteral("%1:%2:%3%4")
            .arg(kinds::registrarChange, d->id, action, wish.isEmpty() ? QString() : u':' + wish);
    return queued(queueDomainJob(tx.db(), tx.tenantId(), kinds::registrarChange, d->id, p, key), *d,
                  isStaff(caller));
}

HttpResponse changeNameservers(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    static const QRegularExpression host(
        QStringLiteral("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$"));
    auto body = nameserversBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    QStringList ns;
    for (QString n : body->strings(QStringLiteral("nameservers"))) {
        n = n.trimmed().toLower();
        if (n.endsWith(u'.'))
            n.chop(1);
        if (!host.match(n).hasMatch())
            return HttpResponse::error(422, errors::DomainsInvalidNameservers,
                                       QStringLiteral("'%1' is not a host name").arg(n),
                                       QStringLiteral("nameservers[%1]").arg(ns.size()));
        ns << n;
    }
    if (ns.size() < 2 || ns.size() > 13 || ns.removeDuplicates() > 0)
        return HttpResponse::error(422, errors::DomainsInvalidNameservers,
                                   QStringLiteral("2 to 13 different name servers"),
                                   QStringLiteral("nameservers"));
    const QString wish = QString::fromLatin1(
        QCryptographicHash::hash(ns.join(u',').toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
    return registrarChange(request, tx, caller, QStringLiteral("nameservers"),
                           {{QStringLiteral("nameservers"), QJsonArray::fromStringList(ns)}}, wish);
}

HttpResponse renew(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto d = visibleDomain(request, tx, caller);
    if (!d)
        return errorResponse(d.error());
    if (d->subscriptionId.isEmpty())
        return HttpResponse::error(409, errors::DomainsNotActive,
                                   QStringLiteral("%1 has no subscription").arg(d->name),
                                   QStringLiteral("id"));
    auto invoice = subscriptions::SubscriptionRenewals::renewNow(tx, d->subscriptionId, actorOf(caller),
                                                                 Clock::current().now());
    if (!invoice)
        return errorResponse(invoice.error());
    return HttpResponse::json(201, QJsonObject{{QStringLiteral("domain"), d->toJson(isStaff(caller))},
                                               {QStringLiteral("invoice_id"), *invoice}});
}

// The live product selling the domain's TLD: the longest suffix the catalog has (co.uk before uk).
Result<QString> productFor(TenantTransaction &tx, const QString &domain)
{
    const QStringList labels = domain.split(u'.');
    for (int i = 1; i < labels.size(); ++i) {
        const QString tld = labels.mid(i).join(u'.');
        auto q = sql::exec(
            tx.db(),
            QStringLiteral("SELECT id::text FROM products WHERE tld = ? AND visibility <> 'retired'"), {tld});
        if (!q)
            return q.error();
        if (q->next())
            return q->value(0).toString();
    }
    return makeError(errors::DomainsInvalidName, QStringLiteral("no domain product sells this TLD"),
                     QStringLiteral("domain"));
}

HttpResponse transfer(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto body = transferBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    billing::CheckoutRequest r;
    r.domain = body->string(QStringLiteral("domain"), QString()).trimmed().toLower();
    r.domainAction = QStringLiteral("transfer");
    r.years = body->integer(QStringLiteral("years")).value_or(1);
    r.currency = body->string(QStringLiteral("currency"), QString());
    r.options = {{QStringLiteral("auth_code"), body->string(QStringLiteral("auth_code"), QString())}};
    r.placedBy = actorOf(caller);
    const QString customerId = body->string(QStringLiteral("customer_id"), QString());
    if (isStaff(caller)) {
        if (customerId.isEmpty())
            return HttpResponse::error(
                422, errors::MissingField,
                QStringLiteral("staff transfer on behalf of a customer: send customer_id"),
                QStringLiteral("customer_id"));
        r.customerId = customerId;
        r.byStaff = true;
    } else {
        if (!customerId.isEmpty() && customerId != caller.customerId)
            return HttpResponse::error(403, errors::Forbidden,
                                       QStringLiteral("customers order for themselves"),
                                       QStringLiteral("customer_id"));
        r.customerId = caller.customerId;
    }
    auto product = productFor(tx, r.domain);
    if (!product)
        return errorResponse(product.error());
    r.productId = *product;
    auto placed = billing::Checkout::place(tx, r, Clock::current().now());
    if (!placed)
        return errorResponse(placed.error());
    HttpResponse response = HttpResponse::json(
        201, QJsonObject{{QStringLiteral("order_id"), placed->orderId},
                         {QStringLiteral("invoice_id"), placed->invoice.id},
                         {QStringLiteral("invoice_number"), placed->invoice.number},
                         {QStringLiteral("currency"), placed->invoice.currency.code()},
                         {QStringLiteral("amount_due"), placed->invoice.total.toDecimalString()}});
    response.headers.append(
        {"Location", QStringLiteral("/api/invoices/%1").arg(placed->invoice.id).toLatin1()});
    return response;
}

HttpResponse search(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto body = DomainSearch::body().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto registrar = RegistrarAccounts::open(tx.db());
    if (!registrar)
        return errorResponse(registrar.error());
    SearchRequest s;
    s.name = body->string(QStringLiteral("name"), QString());
    s.currency = body->string(QStringLiteral("currency"), QString());
    s.forStaff = isStaff(caller);
    auto found = DomainSearch::run(tx.db(), **registrar, s);
    if (!found)
        return errorResponse(found.error());
    return HttpResponse::json(200, *found);
}

// Per TLD the catalog sells: its one-year prices and the registrar's cost as the last price sync
// read it; the margin where both are in the same currency.
const auto kMargins = QStringLiteral(R"sql(
SELECT p.tld, t.currency, t.amount_minor, r.currency, r.registration_minor, r.renew_minor, r.fetched_at,
       (SELECT amount_minor FROM tld_prices x WHERE x.product_id = p.id AND x.action = 'renew' AND x.years = 1
          AND x.currency = t.currency)
FROM products p
JOIN tld_prices t ON t.product_id = p.id AND t.action = 'register' AND t.years = 1
LEFT JOIN domain_registrar_prices r ON r.tld = p.tld
WHERE p.tld IS NOT NULL AND p.visibility <> 'retired'
ORDER BY p.tld, t.currency
)sql");

HttpResponse margins(const HttpRequest &, TenantTransaction &tx, const Caller &)
{
    auto q = sql::exec(tx.db(), kMargins);
    if (!q)
        return errorResponse(q.error());
    QJsonArray items;
    while (q->next()) {
        const QString currency = q->value(1).toString();
        const QString costCurrency = q->value(3).toString();
        QJsonObject o{{QStringLiteral("tld"), q->value(0).toString()},
                      {QStringLiteral("currency"), currency},
                      {QStringLiteral("register_price_minor"), q->value(2).toLongLong()},
                      {QStringLiteral("renew_price_minor"),
                       q->value(7).isNull() ? QJsonValue() : q->value(7).toLongLong()},
                      {QStringLiteral("cost_currency"), costCurrency.isEmpty() ? QJsonValue() : costCurrency},
                      {QStringLiteral("register_cost_minor"),
                       q->value(4).isNull() ? QJsonValue() : q->value(4).toLongLong()},
                      {QStringLiteral("renew_cost_minor"),
                       q->value(5).isNull() ? QJsonValue() : q->value(5).toLongLong()},
                      {QStringLiteral("cost_fetched_at"),
                       q->value(6).isNull() ? QJsonValue() : api::timestamp(q->value(6).toDateTime())}};
        if (costCurrency == currency && !q->value(4).isNull())
            o.insert(QStringLiteral("register_margin_minor"),
                     q->value(2).toLongLong() - q->value(4).toLongLong());
        items.append(o);
    }
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), items}});
}

HttpResponse retry(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto d = visibleDomain(request, tx, caller, true);
    if (!d)
        return errorResponse(d.error());
    if (d->status != domain_status::registrationFailed && d->status != domain_status::transferFailed)
        return HttpResponse::error(
            409, errors::DomainsNotActive,
            QStringLiteral("%1 is %2: only a failed registration or transfer is retried")
                .arg(d->name, d->status),
            QStringLiteral("status"));
    if (auto s = DomainStore::setStatus(tx.db(), d->id, domain_status::pending, {}, Clock::current().now());
        !s)
        return errorResponse(s.error());
    d->status = domain_status::pending;
    return queued(queueDomainJob(tx.db(), tx.tenantId(), kinds::registerDomain, d->id), *d, true);
}

} // namespace

void registerDomainRoutes(Router &router, ApiContext &context)
{
    ApiContext *ctx = &context;
    const auto anyone = [ctx](bool write, TenantRouteWork work) {
        return callerRoute(*ctx, write, std::move(work));
    };
    const auto staff = [ctx](bool write, TenantRouteWork work) {
        return staffRoute(*ctx, write, std::move(work));
    };

    router.add(QStringLiteral("GET"), QStringLiteral("/api/domains"), anyone(false, &listDomains));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/domains/search"), anyone(true, &search));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/domains/transfer"), anyone(true, &transfer));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/domains/registrar"),
               staff(false, [](const HttpRequest &, TenantTransaction &tx, const Caller &) {
                   auto a = RegistrarAccounts::read(tx.db());
                   return a ? HttpResponse::json(200, a->toJson()) : errorResponse(a.error());
               }));
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/domains/registrar"),
               staff(true, [](const HttpRequest &r, TenantTransaction &tx, const Caller &) {
                   auto body = RegistrarAccounts::body().parse(r);
                   if (!body)
                       return errorResponse(body.error());
                   auto a = RegistrarAccounts::write(tx, *body, Clock::current().now());
                   return a ? HttpResponse::json(200, a->toJson()) : errorResponse(a.error());
               }));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/domains/prices"), staff(false, &margins));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/domains/{id}"),
               anyone(false, [](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
                   auto d = visibleDomain(r, tx, c);
                   return d ? HttpResponse::json(200, d->toJson(isStaff(c))) : errorResponse(d.error());
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/domains/{id}/renew"), anyone(true, &renew));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/domains/{id}/nameservers"),
               anyone(true, &changeNameservers));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/domains/{id}/lock"),
               anyone(true, [](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
                   auto body = lockBody().parse(r);
                   if (!body)
                       return errorResponse(body.error());
                   const bool locked = body->boolean(QStringLiteral("locked")).value_or(true);
                   return registrarChange(r, tx, c,
                                          locked ? QStringLiteral("lock") : QStringLiteral("unlock"));
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/domains/{id}/auth-code"),
               anyone(true, [](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
                   return registrarChange(r, tx, c, QStringLiteral("auth_code"));
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/domains/{id}/dnssec"),
               anyone(true, [](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
                   return registrarChange(r, tx, c, QStringLiteral("dnssec"));
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/domains/{id}/retry"), staff(true, &retry));
}

} // namespace mp::domains
