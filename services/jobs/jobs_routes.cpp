#include "jobs/jobs_routes.h"

#include "api/request_body.h"
#include "core/errors.h"
#include "http/api_context.h"
#include "http/router.h"
#include "jobs/job_errors.h"
#include "jobs/jobs.h"

#include <QJsonArray>

namespace mp {

namespace {

const QStringList kListParameters = {QStringLiteral("status"),       QStringLiteral("kind"),
                                     QStringLiteral("related_type"), QStringLiteral("related_id"),
                                     QStringLiteral("before"),       QStringLiteral("limit")};

// Job ids are positive integers; anything else is bad input, not a missing job.
Result<qint64> jobId(const HttpRequest &request)
{
    bool ok = false;
    const qint64 id = request.pathParams.value(QStringLiteral("id")).toLongLong(&ok);
    if (!ok || id <= 0)
        return makeError(errors::InvalidId, QStringLiteral("a job id is a positive integer"),
                         QStringLiteral("id"));
    return id;
}

HttpResponse errorResponse(const Error &error)
{
    const int status = statusForError(error);
    if (status >= 500)
        return HttpResponse::error(500, errors::Internal, QStringLiteral("the database is unavailable"));
    return HttpResponse::error(status, error);
}

Result<JobFilter> parseFilter(const QUrlQuery &query)
{
    JobFilter filter;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (!kListParameters.contains(name))
            return makeError(errors::UnknownParameter, QStringLiteral("unknown parameter '%1'").arg(name),
                             name);
        if (name == QLatin1String("status")) {
            filter.status = jobStatusFromString(value);
            if (!filter.status)
                return makeError(
                    errors::InvalidStatus,
                    QStringLiteral("status is one of queued, running, completed, failed, dead, cancelled"),
                    name);
        } else if (name == QLatin1String("kind")) {
            filter.kind = value;
        } else if (name == QLatin1String("related_type")) {
            filter.relatedType = value;
        } else if (name == QLatin1String("related_id")) {
            filter.relatedId = value;
        } else {
            bool ok = false;
            const qint64 number = value.toLongLong(&ok);
            const bool isLimit = name == QLatin1String("limit");
            if (!ok || number < 1 || (isLimit && number > 500))
                return makeError(errors::InvalidParameter,
                                 isLimit ? QStringLiteral("limit is a number from 1 to 500")
                                         : QStringLiteral("before is a job id"),
                                 name);
            if (isLimit)
                filter.limit = int(number);
            else
                filter.beforeId = number;
        }
    }
    if (filter.relatedType.isEmpty() != filter.relatedId.isEmpty())
        return makeError(errors::InvalidParameter, QStringLiteral("related_type and related_id go together"),
                         QStringLiteral("related_type"));
    return filter;
}

// POST bodies carry nothing today; an empty body or {} is accepted.
Status checkEmptyBody(const HttpRequest &request)
{
    auto body = api::emptyBody().parse(request, api::RequestBody::Empty::AllowedAsEmptyObject);
    if (!body)
        return body.error();
    return {};
}

using JobAction = Result<JobRecord> (*)(const QSqlDatabase &, qint64, const QString &);

HttpResponse runAction(const ApiContext &context, const HttpRequest &request, JobAction action)
{
    auto id = jobId(request);
    if (!id)
        return HttpResponse::error(400, id.error());
    if (auto s = checkEmptyBody(request); !s)
        return HttpResponse::error(400, s.error());
    return context.asStaff(request, true, [&](TenantTransaction &tx, const Caller &caller) {
        auto job = action(tx.db(), id.value(), actorOf(caller));
        if (!job)
            return errorResponse(job.error());
        return HttpResponse::json(200, job->toJson());
    });
}

} // namespace

void registerJobRoutes(Router &router, ApiContext &context)
{
    router.add(QStringLiteral("GET"), QStringLiteral("/api/jobs"), [&context](const HttpRequest &request) {
        auto filter = parseFilter(request.query);
        if (!filter)
            return HttpResponse::error(400, filter.error());
        return context.asStaff(request, false, [&](TenantTransaction &tx, const Caller &) {
            auto jobs = Jobs::list(tx.db(), filter.value());
            if (!jobs)
                return errorResponse(jobs.error());
            QJsonArray items;
            for (const JobRecord &job : jobs.value())
                items.append(job.toJson());
            const bool more = jobs->size() == filter->limit;
            return HttpResponse::json(
                // "items" as every list answers; "jobs" stays for the clients written before.
                200, QJsonObject{{QStringLiteral("items"), items},
                                 {QStringLiteral("jobs"), items},
                                 {QStringLiteral("next_before"),
                                  more ? QJsonValue(QString::number(jobs->last().id)) : QJsonValue()}});
        });
    });
    router.add(QStringLiteral("GET"), QStringLiteral("/api/jobs/{id}"),
               [&context](const HttpRequest &request) {
                   auto id = jobId(request);
                   if (!id)
                       return HttpResponse::error(400, id.error());
                   return context.asStaff(request, false, [&](TenantTransaction &tx, const Caller &) {
                       auto job = Jobs::find(tx.db(), id.value());
                       if (!job)
                           return errorResponse(job.error());
                       auto lines = Jobs::log(tx.db(), id.value());
                       if (!lines)
                           return errorResponse(lines.error());
                       QJsonArray log;
                       for (const JobLogLine &line : lines.value())
                           log.append(QJsonObject{{QStringLiteral("at"), line.at.toString(Qt::ISODateWithMs)},
                                                  {QStringLiteral("attempt"), line.attempt},
                                                  {QStringLiteral("line"), line.line}});
                       QJsonObject body = job->toJson();
                       body.insert(QStringLiteral("log"), log);
                       return HttpResponse::json(200, body);
                   });
               });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/jobs/{id}/retry"),
               [&context](const HttpRequest &request) { return runAction(context, request, &Jobs::retry); });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/jobs/{id}/cancel"),
               [&context](const HttpRequest &request) { return runAction(context, request, &Jobs::cancel); });
}

} // namespace mp
