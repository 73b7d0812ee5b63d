#include "ssl/ssl_routes.h"

#include "ssl/ssl_jobs.h"

#include "api/responses.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "http/api_context.h"
#include "http/router.h"
#include "http/tenant_routes.h"
#include "ssl/ssl_bodies.h"
#include "ssl/ssl_certificates.h"
#include "ssl/ssl_environment.h"
#include "ssl/ssl_jobs.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlQuery>

namespace mp::ssl {

namespace {

using api::errorResponse;

// The certificate in the path, if the caller may see it: staff any of the tenant's, a customer
// only its own (another customer's answers exactly as a missing one).
Result<SslCertificate> visible(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    const Error missing =
        makeError(errors::NotFound, QStringLiteral("no such certificate"), QStringLiteral("id"));
    const auto id = api::uuidParam(request);
    if (!id)
        return missing;
    auto cert = SslCertificates::find(tx.db(), *id);
    if (!cert)
        return cert.error().code == errors::NotFound ? missing : cert.error();
    if (!isStaff(caller) && cert->customerId != caller.customerId)
        return missing;
    return cert;
}

// The latest job of the certificate: when it runs (or ran) and how the last attempt ended.
QJsonValue latestJob(const QSqlDatabase &db, const QString &id)
{
    auto q = sql::exec(
        db,
        QStringLiteral("SELECT id, kind, status::text, run_at, attempts, last_error FROM jobs "
                       "WHERE related_type = ? AND related_id = ? AND kind IN ('ssl.issue', 'ssl.revoke') "
                       "ORDER BY id DESC LIMIT 1"),
        {kCertificateRelatedType, id});
    if (!q || !q->next())
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("id"), q->value(0).toLongLong()},
                       {QStringLiteral("kind"), q->value(1).toString()},
                       {QStringLiteral("status"), q->value(2).toString()},
                       {QStringLiteral("run_at"), api::timestamp(q->value(3).toDateTime())},
                       {QStringLiteral("attempts"), q->value(4).toInt()},
                       {QStringLiteral("last_error"), q->value(5).isNull()
                                                          ? QJsonValue(QJsonValue::Null)
                                                          : QJsonValue(q->value(5).toString())}};
}

HttpResponse queued(const Result<QueuedCertificate> &q)
{
    if (!q)
        return errorResponse(q.error());
    return HttpResponse::json(202, QJsonObject{{QStringLiteral("certificate"), q->certificate.toJson()},
                                               {QStringLiteral("job_id"), q->jobId}});
}

HttpResponse list(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    QString customerId;
    for (const auto &[name, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        if (name == QLatin1String("customer_id") && isStaff(caller) && isUuid(value))
            customerId = value;
        else
            return HttpResponse::error(400, errors::UnknownParameter,
                                       QStringLiteral("unknown parameter '%1'").arg(name), name);
    }
    if (!isStaff(caller))
        customerId = caller.customerId;
    auto certs = SslCertificates::list(tx.db(), customerId);
    if (!certs)
        return errorResponse(certs.error());
    QJsonArray items;
    for (const SslCertificate &c : std::as_const(*certs))
        items.append(c.toJson());
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), items}});
}

HttpResponse create(const HttpRequest &request, TenantTransaction &tx, const Caller &)
{
    auto body = certificateRequestBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    CertificateRequest r;
    r.names = body->strings(QStringLiteral("names"));
    r.challenge = body->string(QStringLiteral("challenge"), QStringLiteral("http-01"));
    r.customerId = body->string(QStringLiteral("customer_id"), QString());
    if (!r.customerId.isEmpty() && !isUuid(r.customerId))
        return HttpResponse::error(422, errors::InvalidValue, QStringLiteral("customer_id must be a uuid"),
                                   QStringLiteral("customer_id"));
    return queued(SslCertificates::request(tx, r, Clock::current().now()));
}

// The CA's validator asks for the token without any credentials; the answer is the key
// authorization as plain text (RFC 8555 section 8.3), found without knowing the tenant.
HttpResponse challengeAnswer(const HttpRequest &request, const ApiContext &ctx)
{
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9_-]{16,128}$"));
    const QString t = request.pathParams.value(QStringLiteral("token"));
    HttpResponse notFound;
    notFound.status = 404;
    notFound.contentType = "text/plain";
    notFound.body = "no such challenge\n";
    if (!token.match(t).hasMatch())
        return notFound;
    auto q = sql::exec(ctx.database(), QStringLiteral("SELECT mpanel_ssl_http_challenge(?)"), {t});
    if (!q)
        return api::internalError(q.error());
    if (!q->next() || q->value(0).isNull())
        return notFound;
    HttpResponse answer;
    answer.status = 200;
    answer.contentType = "text/plain";
    answer.body = q->value(0).toString().toUtf8();
    return answer;
}

} // namespace

void registerSslRoutes(Router &router, ApiContext &context)
{
    SslEnvironment::adopt(context.config());
    ApiContext *ctx = &context;
    const auto anyone = [ctx](bool write, TenantRouteWork work) {
        return callerRoute(*ctx, write, std::move(work));
    };
    const auto staff = [ctx](bool write, TenantRouteWork work) {
        return staffRoute(*ctx, write, std::move(work));
    };
    router.add(QStringLiteral("GET"), QStringLiteral("/.well-known/acme-challenge/{token}"),
               [ctx](const HttpRequest &r) { return challengeAnswer(r, *ctx); });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/ssl/certificates"), anyone(false, &list));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/ssl/certificates"), staff(true, &create));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/ssl/certificates/{id}"),
               anyone(false, [](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
                   auto cert = visible(r, tx, c);
                   if (!cert)
                       return errorResponse(cert.error());
                   QJsonObject body = cert->toJson(true);
                   body.insert(QStringLiteral("job"), latestJob(tx.db(), cert->id));
                   return HttpResponse::json(200, body);
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/ssl/certificates/{id}/renew"),
               staff(true, [](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
                   auto cert = visible(r, tx, c);
                   if (!cert)
                       return errorResponse(cert.error());
                   return queued(SslCertificates::renew(tx, *cert, Clock::current().now()));
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/ssl/account/key-rollover"),
               staff(true, [](const HttpRequest &, TenantTransaction &tx, const Caller &) {
                   auto job = queueKeyRollover(tx.db(), tx.tenantId(), Clock::current().now());
                   if (!job)
                       return errorResponse(job.error());
                   return HttpResponse::json(202, QJsonObject{{QStringLiteral("job_id"), *job}});
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/ssl/certificates/{id}/revoke"),
               staff(true, [](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
                   auto cert = visible(r, tx, c);
                   if (!cert)
                       return errorResponse(cert.error());
                   return queued(SslCertificates::revoke(tx, *cert, Clock::current().now()));
               }));
}

} // namespace mp::ssl
