#include "cloudpods/cloudpod_routes.h"

#include "api/responses.h"
#include "cloudpods/cloud_pods.h"
#include "cloudpods/cloudpod_bodies.h"
#include "cloudpods/cloudpod_findings.h"
#include "cloudpods/provisioning_scripts.h"
#include "cloudpods/proxmox_clusters.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "http/api_context.h"
#include "http/router.h"
#include "jobs/jobs.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QUuid>

namespace mp::cloudpods {

namespace {

using api::errorResponse;

const QStringList kPodStatuses{QStringLiteral("pending"), QStringLiteral("provisioning"),
                               QStringLiteral("active"),  QStringLiteral("suspended"),
                               QStringLiteral("error"),   QStringLiteral("terminated")};

HttpResponse items(const QList<QJsonObject> &objects)
{
    QJsonArray array;
    for (const QJsonObject &o : objects)
        array.append(o);
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), array}});
}

} // namespace

Result<CloudPod> visiblePod(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    const auto id = api::uuidParam(request);
    const Error missing =
        makeError(errors::NotFound, QStringLiteral("no such CloudPod"), QStringLiteral("id"));
    if (!id)
        return missing;
    auto pod = CloudPods::find(tx.db(), *id);
    if (!pod)
        return pod;
    if (!isStaff(caller) && pod->customerId != caller.customerId)
        return missing;
    return pod;
}

namespace {

HttpResponse listPods(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    PodFilter filter;
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (name == QLatin1String("status")) {
            if (!kPodStatuses.contains(value))
                return HttpResponse::error(400, errors::InvalidParameter,
                                           QStringLiteral("status is one of %1").arg(kPodStatuses.join(u',')),
                                           name);
            filter.status = value;
        } else if (name == QLatin1String("node")) {
            filter.nodeName = value;
        } else if (name == QLatin1String("customer_id") && isStaff(caller)) {
            if (!isUuid(value))
                return HttpResponse::error(400, errors::InvalidParameter,
                                           QStringLiteral("customer_id must be a uuid"), name);
            filter.customerId = value;
        } else if (name == QLatin1String("limit")) {
            bool ok = false;
            filter.limit = value.toInt(&ok);
            if (!ok || filter.limit < 1 || filter.limit > 500)
                return HttpResponse::error(400, errors::InvalidParameter, QStringLiteral("limit is 1 to 500"),
                                           name);
        } else {
            return HttpResponse::error(400, errors::UnknownParameter,
                                       QStringLiteral("unknown parameter '%1'").arg(name), name);
        }
    }
    if (!isStaff(caller))
        filter.customerId = caller.customerId;
    auto pods = CloudPods::list(tx, filter);
    if (!pods)
        return errorResponse(pods.error());
    QJsonArray array;
    for (const CloudPod &p : std::as_const(*pods))
        array.append(CloudPods::toJson(p));
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), array}});
}

} // namespace

HttpResponse podDetail(TenantTransaction &tx, const CloudPod &pod, int status)
{
    QJsonObject body = CloudPods::toJson(pod);
    auto jobs = CloudPods::jobs(tx, pod.id);
    if (!jobs)
        return errorResponse(jobs.error());
    QJsonArray history;
    for (const JobRecord &job : std::as_const(*jobs)) {
        QJsonObject j = job.toJson();
        j.remove(QStringLiteral("payload"));
        j.remove(QStringLiteral("locked_by"));
        auto log = Jobs::log(tx.db(), job.id);
        if (!log)
            return errorResponse(log.error());
        QJsonArray lines;
        for (const JobLogLine &line : std::as_const(*log))
            lines.append(QJsonObject{{QStringLiteral("at"), api::timestamp(line.at)},
                                     {QStringLiteral("attempt"), line.attempt},
                                     {QStringLiteral("line"), line.line}});
        j.insert(QStringLiteral("log"), lines);
        history.append(j);
    }
    body.insert(QStringLiteral("jobs"), history);
    auto script = ProvisioningScripts::forPod(tx, pod.id);
    if (!script)
        return errorResponse(script.error());
    body.insert(QStringLiteral("post_install"), *script ? (*script)->toJson() : QJsonValue());
    return HttpResponse::json(status, body);
}

namespace {

HttpResponse getPod(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto pod = visiblePod(request, tx, caller);
    if (!pod)
        return errorResponse(pod.error());
    return podDetail(tx, *pod, 200);
}

HttpResponse createPod(const HttpRequest &request, TenantTransaction &tx)
{
    auto body = newPodBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    NewPod pod;
    pod.customerId = body->string(QStringLiteral("customer_id"), QString());
    pod.templateId = body->string(QStringLiteral("template_id"), QString());
    pod.hostname = body->string(QStringLiteral("hostname"), QString());
    auto created = CloudPods::create(tx, pod, Clock::current().now());
    if (!created)
        return errorResponse(created.error());
    HttpResponse response = podDetail(tx, *created, 201);
    response.headers.append({"Location", QStringLiteral("/api/cloudpods/%1").arg(created->id).toLatin1()});
    return response;
}

enum class Action { Retry, Suspend, Unsuspend, Terminate };

HttpResponse podAction(const HttpRequest &request, TenantTransaction &tx, const Caller &caller, Action action)
{
    auto pod = visiblePod(request, tx, caller);
    if (!pod)
        return errorResponse(pod.error());
    const QDateTime now = Clock::current().now();
    if (action == Action::Retry) {
        auto retried = CloudPods::retry(tx, pod->id, actorOf(caller), now);
        if (!retried)
            return errorResponse(retried.error());
        return podDetail(tx, *retried, 202);
    }
    if (pod->status == QLatin1String("terminated") || pod->terminateRequested)
        return HttpResponse::error(409, errors::InvalidTransition,
                                   QStringLiteral("the pod is terminated or being terminated"),
                                   QStringLiteral("status"));
    const Status s = action == Action::Terminate
                         ? CloudPods::requestTerminate(tx, pod->id, now)
                         : CloudPods::requestPower(tx, pod->id, action == Action::Suspend, now);
    if (!s)
        return errorResponse(s.error());
    auto fresh = CloudPods::find(tx.db(), pod->id);
    if (!fresh)
        return errorResponse(fresh.error());
    return podDetail(tx, *fresh, 202);
}

HttpResponse listFindings(const HttpRequest &request, TenantTransaction &tx)
{
    FindingFilter filter;
    filter.includeResolved = request.query.queryItemValue(QStringLiteral("all")) == QLatin1String("true");
    filter.limit = 500;
    auto page = CloudPodFindings::list(tx, filter);
    if (!page)
        return errorResponse(page.error());
    QList<QJsonObject> out;
    for (const Finding &f : std::as_const(page->items))
        out.append(CloudPodFindings::toJson(f));
    return items(out);
}

template<class F> HttpResponse created(const Result<QJsonObject> &result, F location)
{
    if (!result)
        return errorResponse(result.error());
    HttpResponse r = HttpResponse::json(201, *result);
    r.headers.append({"Location", location(*result).toLatin1()});
    return r;
}

HttpResponse listed(const Result<QList<QJsonObject>> &result)
{
    if (!result)
        return errorResponse(result.error());
    return items(*result);
}

} // namespace

void registerCloudPodRoutes(Router &router, ApiContext &context)
{
    ApiContext *ctx = &context;
    const auto staffRead = [ctx](auto work) {
        return [ctx, work](const HttpRequest &r) {
            return ctx->asStaff(
                r, false, [&r, &work](TenantTransaction &tx, const Caller &c) { return work(r, tx, c); });
        };
    };
    const auto staffWrite = [ctx](auto work) {
        return [ctx, work](const HttpRequest &r) {
            return ctx->asStaff(
                r, true, [&r, &work](TenantTransaction &tx, const Caller &c) { return work(r, tx, c); });
        };
    };

    router.add(QStringLiteral("GET"), QStringLiteral("/api/cloudpods"), [ctx](const HttpRequest &r) {
        return ctx->asCaller(r, false,
                             [&r](TenantTransaction &tx, const Caller &c) { return listPods(r, tx, c); });
    });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/cloudpods"),
               staffWrite([](const HttpRequest &r, TenantTransaction &tx, const Caller &) {
                   return createPod(r, tx);
               }));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/cloudpods/{id}"), [ctx](const HttpRequest &r) {
        return ctx->asCaller(r, false,
                             [&r](TenantTransaction &tx, const Caller &c) { return getPod(r, tx, c); });
    });
    const QList<QPair<QString, Action>> actions{{QStringLiteral("retry"), Action::Retry},
                                                {QStringLiteral("suspend"), Action::Suspend},
                                                {QStringLiteral("unsuspend"), Action::Unsuspend},
                                                {QStringLiteral("terminate"), Action::Terminate}};
    for (const auto &[name, action] : actions) {
        const Action a = action;
        router.add(QStringLiteral("POST"), QStringLiteral("/api/cloudpods/{id}/") + name,
                   staffWrite([a](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
                       return podAction(r, tx, c, a);
                   }));
    }
    router.add(QStringLiteral("GET"), QStringLiteral("/api/cloudpod-findings"),
               staffRead([](const HttpRequest &r, TenantTransaction &tx, const Caller &) {
                   return listFindings(r, tx);
               }));

    router.add(QStringLiteral("POST"), QStringLiteral("/api/cloudpod-findings/check"),
               staffWrite([](const HttpRequest &, TenantTransaction &tx, const Caller &) {
                   auto job = CloudPodFindings::requestCheck(tx);
                   if (!job)
                       return errorResponse(job.error());
                   return HttpResponse::json(202, QJsonObject{{QStringLiteral("job_id"), job->id},
                                                              {QStringLiteral("created"), job->created}});
               }));

    router.add(QStringLiteral("GET"), QStringLiteral("/api/proxmox/clusters"),
               staffRead([](const HttpRequest &, TenantTransaction &tx, const Caller &) {
                   return listed(ProxmoxClusters::list(tx));
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/proxmox/clusters"),
               staffWrite([](const HttpRequest &r, TenantTransaction &tx, const Caller &) {
                   auto body = ProxmoxClusters::clusterBody().parse(r);
                   if (!body)
                       return errorResponse(body.error());
                   return created(ProxmoxClusters::create(tx, body->json(), Clock::current().now()),
                                  [](const QJsonObject &o) {
                                      return QStringLiteral("/api/proxmox/clusters/") +
                                             o.value(QStringLiteral("id")).toString();
                                  });
               }));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/proxmox/clusters/{id}"),
               staffRead([](const HttpRequest &r, TenantTransaction &tx, const Caller &) {
                   auto c = ProxmoxClusters::find(tx, r.pathParams.value(QStringLiteral("id")));
                   return c ? HttpResponse::json(200, *c) : errorResponse(c.error());
               }));
    router.add(QStringLiteral("PATCH"), QStringLiteral("/api/proxmox/clusters/{id}"),
               staffWrite([](const HttpRequest &r, TenantTransaction &tx, const Caller &) {
                   auto body = ProxmoxClusters::clusterBody().parse(r);
                   if (!body)
                       return errorResponse(body.error());
                   auto c = ProxmoxClusters::update(tx, r.pathParams.value(QStringLiteral("id")),
                                                    body->json(), Clock::current().now());
                   return c ? HttpResponse::json(200, *c) : errorResponse(c.error());
               }));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/proxmox/clusters/{id}/nodes"),
               staffRead([](const HttpRequest &r, TenantTransaction &tx, const Caller &) {
                   const QString id = r.pathParams.value(QStringLiteral("id"));
                   auto c = ProxmoxClusters::find(tx, id);
                   if (!c)
                       return errorResponse(c.error());
                   return listed(ProxmoxClusters::nodes(tx, id));
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/proxmox/clusters/{id}/nodes"),
               staffWrite([](const HttpRequest &r, TenantTransaction &tx, const Caller &) {
                   auto body = ProxmoxClusters::nodeBody().parse(r);
                   if (!body)
                       return errorResponse(body.error());
                   return created(ProxmoxClusters::addNode(tx, r.pathParams.value(QStringLiteral("id")),
                                                           body->json(), Clock::current().now()),
                                  [](const QJsonObject &o) {
                                      return QStringLiteral("/api/proxmox/clusters/%1/nodes")
                                          .arg(o.value(QStringLiteral("cluster_id")).toString());
                                  });
               }));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/proxmox/nodes"),
               staffRead([](const HttpRequest &, TenantTransaction &tx, const Caller &) {
                   return listed(ProxmoxClusters::nodes(tx));
               }));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/ip-pools"),
               staffRead([](const HttpRequest &, TenantTransaction &tx, const Caller &) {
                   return listed(ProxmoxClusters::pools(tx));
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/ip-pools"),
               staffWrite([](const HttpRequest &r, TenantTransaction &tx, const Caller &) {
                   auto body = ProxmoxClusters::poolBody().parse(r);
                   if (!body)
                       return errorResponse(body.error());
                   return created(ProxmoxClusters::addPool(tx, body->json(), Clock::current().now()),
                                  [](const QJsonObject &) { return QStringLiteral("/api/ip-pools"); });
               }));
}

} // namespace mp::cloudpods
