#include "mail/mail_routes.h"

#include "api/responses.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "http/api_context.h"
#include "http/router.h"
#include "http/tenant_routes.h"
#include "mail/mail_aliases.h"
#include "mail/mail_bodies.h"
#include "mail/mail_dns_health.h"
#include "mail/mail_domains.h"
#include "mail/mail_errors.h"
#include "mail/mail_hosts.h"
#include "mail/mail_mailboxes.h"
#include "mail/mail_names.h"
#include "mail/mail_send_holds.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace mp::mail {

namespace {

using api::errorResponse;

template<typename T> HttpResponse items(const Result<QList<T>> &rows)
{
    if (!rows)
        return errorResponse(rows.error());
    QJsonArray array;
    for (const T &row : *rows)
        array.append(row.toJson());
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), array}});
}

template<typename T> HttpResponse one(const Result<T> &row, int status = 200)
{
    return row ? HttpResponse::json(status, row->toJson()) : errorResponse(row.error());
}

HttpResponse queued(const Result<qint64> &job)
{
    return job ? HttpResponse::json(202, QJsonObject{{QStringLiteral("job_id"), *job}})
               : errorResponse(job.error());
}

bool mayManage(const Caller &caller, const QString &customerId)
{
    return isStaff(caller) || (!customerId.isEmpty() && customerId == caller.customerId);
}

Result<MailDomain> visibleDomain(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    const Error missing =
        makeError(errors::NotFound, QStringLiteral("no such mail domain"), QStringLiteral("domain"));
    auto name = mailDomainName(request.pathParams.value(QStringLiteral("domain")), QStringLiteral("domain"));
    if (!name)
        return missing;
    auto domain = MailDomains::find(tx.db(), *name);
    if (!domain)
        return domain.error().code == errors::NotFound ? missing : domain.error();
    if (!mayManage(caller, domain->customerId))
        return missing;
    return domain;
}

Result<Mailbox> visibleMailbox(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto mailbox = Mailboxes::find(tx.db(), request.pathParams.value(QStringLiteral("id")));
    if (!mailbox)
        return mailbox.error();
    if (!mayManage(caller, mailbox->customerId))
        return makeError(errors::NotFound, QStringLiteral("no such mailbox"), QStringLiteral("id"));
    return mailbox;
}

std::optional<int> optionalInt(const api::BodyValues &body, const QString &key)
{
    const auto v = body.integer(key);
    return v ? std::optional<int>(int(*v)) : std::nullopt;
}

// A nullable field given: its value (inner empty for null); not given: empty.
std::optional<std::optional<int>> givenInt(const api::BodyValues &body, const QString &key)
{
    if (!body.has(key))
        return std::nullopt;
    return optionalInt(body, key);
}

HttpResponse createDomain(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto body = newDomainBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    NewMailDomain domain;
    domain.name = body->string(QStringLiteral("name"), QString());
    domain.customerId = body->string(QStringLiteral("customer_id"), QString());
    domain.hostId = body->string(QStringLiteral("host_id"), QString());
    domain.maxMailboxes = optionalInt(*body, QStringLiteral("max_mailboxes"));
    domain.maxQuotaMb = optionalInt(*body, QStringLiteral("max_quota_mb"));
    domain.mailboxSendsPerHour = optionalInt(*body, QStringLiteral("mailbox_sends_per_hour"));
    domain.domainSendsPerHour = optionalInt(*body, QStringLiteral("domain_sends_per_hour"));
    if (!domain.customerId.isEmpty() && !isUuid(domain.customerId))
        return HttpResponse::error(422, errors::InvalidValue, QStringLiteral("customer_id must be a uuid"),
                                   QStringLiteral("customer_id"));
    return one(MailDomains::create(tx, domain, actorOf(caller), Clock::current().now()), 201);
}

HttpResponse changeDomain(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto domain = visibleDomain(request, tx, caller);
    if (!domain)
        return errorResponse(domain.error());
    auto body = domainChangeBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    if (!isStaff(caller)) {
        for (const QString &staffOnly : {QStringLiteral("max_mailboxes"), QStringLiteral("max_quota_mb"),
                                         QStringLiteral("mailbox_sends_per_hour"),
                                         QStringLiteral("domain_sends_per_hour"), QStringLiteral("status")}) {
            if (body->has(staffOnly))
                return HttpResponse::error(403, errors::Forbidden,
                                           QStringLiteral("%1 is set by the plan").arg(staffOnly), staffOnly);
        }
    }
    MailDomainChange change;
    if (body->has(QStringLiteral("catch_all")))
        change.catchAll = body->string(QStringLiteral("catch_all"), QString());
    if (const auto policy = body->string(QStringLiteral("dmarc_policy")))
        change.dmarcPolicy = *policy;
    change.maxMailboxes = givenInt(*body, QStringLiteral("max_mailboxes"));
    change.maxQuotaMb = givenInt(*body, QStringLiteral("max_quota_mb"));
    change.mailboxSendsPerHour = givenInt(*body, QStringLiteral("mailbox_sends_per_hour"));
    change.domainSendsPerHour = givenInt(*body, QStringLiteral("domain_sends_per_hour"));
    if (const auto status = body->string(QStringLiteral("status")))
        change.status = *status;
    return one(MailDomains::change(tx, *domain, change, actorOf(caller), Clock::current().now()));
}

HttpResponse createMailbox(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto domain = visibleDomain(request, tx, caller);
    if (!domain)
        return errorResponse(domain.error());
    auto body = newMailboxBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    return one(Mailboxes::create(tx, *domain, body->string(QStringLiteral("local_part"), QString()),
                                 body->string(QStringLiteral("password"), QString()),
                                 optionalInt(*body, QStringLiteral("quota_mb")), Clock::current().now()),
               201);
}

HttpResponse changeMailbox(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto mailbox = visibleMailbox(request, tx, caller);
    if (!mailbox)
        return errorResponse(mailbox.error());
    auto body = mailboxChangeBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    MailboxChange change;
    change.password = body->string(QStringLiteral("password"));
    change.quotaMb = optionalInt(*body, QStringLiteral("quota_mb"));
    change.enabled = body->boolean(QStringLiteral("enabled"));
    return one(Mailboxes::change(tx, *mailbox, change, Clock::current().now()));
}

HttpResponse createAlias(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto domain = visibleDomain(request, tx, caller);
    if (!domain)
        return errorResponse(domain.error());
    auto body = newAliasBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    return one(MailAliases::create(tx, *domain, body->string(QStringLiteral("local_part"), QString()),
                                   body->strings(QStringLiteral("destinations")), Clock::current().now()),
               201);
}

HttpResponse putPlan(const HttpRequest &request, TenantTransaction &tx)
{
    const QString productId = request.pathParams.value(QStringLiteral("product_id"));
    if (!isUuid(productId))
        return HttpResponse::error(404, errors::NotFound, QStringLiteral("no such product"),
                                   QStringLiteral("product_id"));
    auto body = planBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto product =
        sql::exec(tx.db(), QStringLiteral("SELECT type FROM products WHERE id = ?::uuid"), {productId});
    if (!product)
        return errorResponse(product.error());
    if (!product->next())
        return HttpResponse::error(404, errors::NotFound, QStringLiteral("no such product"),
                                   QStringLiteral("product_id"));
    if (product->value(0).toString() != kEmailProductType)
        return HttpResponse::error(422, errors::MailNotEmailProduct,
                                   QStringLiteral("mail limits belong to email products"),
                                   QStringLiteral("product_id"));
    const auto nullable = [](const std::optional<int> &v) {
        return v ? QVariant(*v) : QVariant(QMetaType::fromType<int>());
    };
    QJsonObject answer{{QStringLiteral("product_id"), productId}};
    QVariantList binds{tx.tenantId(), productId};
    for (const char *field :
         {"max_mailboxes", "max_quota_mb", "mailbox_sends_per_hour", "domain_sends_per_hour"}) {
        const auto value = optionalInt(*body, QLatin1String(field));
        answer.insert(QLatin1String(field), value ? QJsonValue(*value) : QJsonValue());
        binds << nullable(value);
    }
    binds << Clock::current().now().toUTC();
    auto q = sql::exec(
        tx.db(),
        QStringLiteral(
            "INSERT INTO mail_plans (tenant_id, product_id, max_mailboxes, max_quota_mb, "
            "mailbox_sends_per_hour, domain_sends_per_hour, updated_at) VALUES (?::uuid, ?::uuid, "
            "?, ?, ?, ?, ?::timestamptz) ON CONFLICT (tenant_id, product_id) DO UPDATE SET "
            "max_mailboxes = EXCLUDED.max_mailboxes, max_quota_mb = EXCLUDED.max_quota_mb, "
            "mailbox_sends_per_hour = EXCLUDED.mailbox_sends_per_hour, "
            "domain_sends_per_hour = EXCLUDED.domain_sends_per_hour, updated_at = EXCLUDED.updated_at"),
        binds);
    if (!q)
        return errorResponse(q.error());
    return HttpResponse::json(200, answer);
}

} // namespace

void registerMailRoutes(Router &router, ApiContext &context)
{
    ApiContext *ctx = &context;
    const auto anyone = [ctx](bool write, TenantRouteWork work) {
        return callerRoute(*ctx, write, std::move(work));
    };
    const auto staff = [ctx](bool write, TenantRouteWork work) {
        return staffRoute(*ctx, write, std::move(work));
    };
    using R = const HttpRequest &;
    using T = TenantTransaction &;
    using C = const Caller &;

    router.add(QStringLiteral("GET"), QStringLiteral("/api/mail/hosts"),
               staff(false, [](R, T tx, C) { return items(MailHosts::list(tx.db())); }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/mail/hosts"), staff(true, [](R r, T tx, C) {
                   auto body = MailHosts::body().parse(r);
                   if (!body)
                       return errorResponse(body.error());
                   return one(MailHosts::create(tx, *body, Clock::current().now()), 201);
               }));
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/mail/plans/{product_id}"),
               staff(true, [](R r, T tx, C) { return putPlan(r, tx); }));

    router.add(QStringLiteral("GET"), QStringLiteral("/api/mail/domains"), anyone(false, [](R, T tx, C c) {
                   return items(MailDomains::list(tx.db(), isStaff(c) ? QString() : c.customerId));
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/mail/domains"), staff(true, &createDomain));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/mail/domains/{domain}"),
               anyone(false, [](R r, T tx, C c) { return one(visibleDomain(r, tx, c)); }));
    router.add(QStringLiteral("PATCH"), QStringLiteral("/api/mail/domains/{domain}"),
               anyone(true, &changeDomain));
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/mail/domains/{domain}"),
               staff(true, [](R r, T tx, C c) {
                   auto domain = visibleDomain(r, tx, c);
                   if (!domain)
                       return errorResponse(domain.error());
                   return queued(MailDomains::remove(tx, *domain, Clock::current().now()));
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/mail/domains/{domain}/dkim/rotate"),
               anyone(true, [](R r, T tx, C c) {
                   auto domain = visibleDomain(r, tx, c);
                   if (!domain)
                       return errorResponse(domain.error());
                   return queued(MailDomains::queueRotation(tx, *domain));
               }));

    router.add(QStringLiteral("POST"), QStringLiteral("/api/mail/domains/{domain}/dns-check"),
               anyone(true, [](R r, T tx, C c) {
                   auto domain = visibleDomain(r, tx, c);
                   if (!domain)
                       return errorResponse(domain.error());
                   auto health = MailDnsHealth::check(tx, *domain, Clock::current().now());
                   return health ? HttpResponse::json(200, *health) : errorResponse(health.error());
               }));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/mail/domains/{domain}/send-holds"),
               anyone(false, [](R r, T tx, C c) {
                   auto domain = visibleDomain(r, tx, c);
                   if (!domain)
                       return errorResponse(domain.error());
                   return items(SendHolds::list(tx.db(), domain->id));
               }));

    router.add(QStringLiteral("GET"), QStringLiteral("/api/mail/domains/{domain}/mailboxes"),
               anyone(false, [](R r, T tx, C c) {
                   auto domain = visibleDomain(r, tx, c);
                   if (!domain)
                       return errorResponse(domain.error());
                   return items(Mailboxes::list(tx.db(), domain->id));
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/mail/domains/{domain}/mailboxes"),
               anyone(true, &createMailbox));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/mail/mailboxes/{id}"),
               anyone(false, [](R r, T tx, C c) { return one(visibleMailbox(r, tx, c)); }));
    router.add(QStringLiteral("PATCH"), QStringLiteral("/api/mail/mailboxes/{id}"),
               anyone(true, &changeMailbox));
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/mail/mailboxes/{id}"),
               anyone(true, [](R r, T tx, C c) {
                   auto mailbox = visibleMailbox(r, tx, c);
                   if (!mailbox)
                       return errorResponse(mailbox.error());
                   return queued(Mailboxes::remove(tx, *mailbox, Clock::current().now()));
               }));

    router.add(QStringLiteral("GET"), QStringLiteral("/api/mail/domains/{domain}/aliases"),
               anyone(false, [](R r, T tx, C c) {
                   auto domain = visibleDomain(r, tx, c);
                   if (!domain)
                       return errorResponse(domain.error());
                   return items(MailAliases::list(tx.db(), domain->id));
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/mail/domains/{domain}/aliases"),
               anyone(true, &createAlias));
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/mail/aliases/{id}"),
               anyone(true, [](R r, T tx, C c) {
                   auto alias = MailAliases::find(tx.db(), r.pathParams.value(QStringLiteral("id")));
                   if (!alias)
                       return errorResponse(alias.error());
                   if (!mayManage(c, alias->customerId))
                       return HttpResponse::error(404, errors::NotFound, QStringLiteral("no such alias"),
                                                  QStringLiteral("id"));
                   auto removed = MailAliases::remove(tx, *alias);
                   return removed ? HttpResponse::json(200, alias->toJson()) : errorResponse(removed.error());
               }));
}

} // namespace mp::mail
