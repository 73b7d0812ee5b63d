#include "cloudpods/provisioning_script_routes.h"

#include "api/openapi.h"
#include "api/responses.h"
#include "cloudpods/cloudpod_bodies.h"
#include "cloudpods/cloudpod_routes.h"
#include "cloudpods/provisioning_scripts.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "http/api_context.h"
#include "http/router.h"

#include <QRegularExpression>

namespace mp::cloudpods {

namespace {

using api::errorResponse;

Result<QString> templateId(const HttpRequest &request, TenantTransaction &tx)
{
    const QString id = request.pathParams.value(QStringLiteral("id"));
    const Error missing = makeError(errors::NotFound, QStringLiteral("no such template"));
    if (!isUuid(id))
        return missing;
    auto q = sql::exec(tx.db(), QStringLiteral("SELECT 1 FROM cloudpod_templates WHERE id = ?::uuid"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return missing;
    return id;
}

HttpResponse getScript(const HttpRequest &request, TenantTransaction &tx)
{
    auto id = templateId(request, tx);
    if (!id)
        return errorResponse(id.error());
    auto script = ProvisioningScripts::forTemplate(tx, *id);
    if (!script)
        return errorResponse(script.error());
    if (!*script)
        return HttpResponse::error(404, errors::NotFound,
                                   QStringLiteral("the template has no post-install script"));
    return HttpResponse::json(200, (*script)->toJson());
}

HttpResponse putScript(const HttpRequest &request, TenantTransaction &tx)
{
    auto id = templateId(request, tx);
    if (!id)
        return errorResponse(id.error());
    auto body = scriptBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    TemplateScript script;
    script.script = body->string(QStringLiteral("script"), QString());
    script.sshPort = int(body->integer(QStringLiteral("ssh_port")).value_or(22));
    script.sshUser = body->string(QStringLiteral("ssh_user"), QString());
    static const QRegularExpression userName(QStringLiteral("^[a-z_][a-z0-9_.-]{0,31}$"));
    if (!script.sshUser.isEmpty() && !userName.match(script.sshUser).hasMatch())
        return errorResponse(makeError(errors::InvalidValue,
                                       QStringLiteral("ssh_user must be a user name (a-z, 0-9, _ . -)"),
                                       QStringLiteral("ssh_user")));
    if (auto s = ProvisioningScripts::setForTemplate(tx, *id, script, Clock::current().now()); !s)
        return errorResponse(s.error());
    return HttpResponse::json(200, script.toJson());
}

HttpResponse deleteScript(const HttpRequest &request, TenantTransaction &tx)
{
    auto id = templateId(request, tx);
    if (!id)
        return errorResponse(id.error());
    if (auto s = ProvisioningScripts::setForTemplate(tx, *id, std::nullopt, Clock::current().now()); !s)
        return errorResponse(s.error());
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("deleted"), true}});
}

HttpResponse rerun(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    if (auto body = api::emptyBody().parse(request, api::RequestBody::Empty::AllowedAsEmptyObject); !body)
        return errorResponse(body.error());
    auto pod = visiblePod(request, tx, caller);
    if (!pod)
        return errorResponse(pod.error());
    auto job = ProvisioningScripts::requestRerun(tx, *pod);
    if (!job)
        return errorResponse(job.error());
    return HttpResponse::json(
        202, QJsonObject{{QStringLiteral("pod_id"), pod->id}, {QStringLiteral("job_id"), *job}});
}

HttpResponse removeKey(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto pod = visiblePod(request, tx, caller);
    if (!pod)
        return errorResponse(pod.error());
    auto job = ProvisioningScripts::requestKeyRemoval(tx, *pod);
    if (!job)
        return errorResponse(job.error());
    return HttpResponse::json(
        202, QJsonObject{{QStringLiteral("pod_id"), pod->id}, {QStringLiteral("job_id"), *job}});
}

const char *kFragment = R"json({
  "paths": {
    "/api/cloudpod-templates/{id}/script": {
      "get": {"summary": "The template's post-install script", "tags": ["cloudpods"],
        "parameters": [{"$ref": "#/components/parameters/Id"}],
        "responses": {"200": {"description": "{script, ssh_port, ssh_user}"}, "404": {"$ref": "#/components/responses/Error"}}},
      "put": {"summary": "Set the template's post-install script: pods made from the template afterwards get a key of mPanel's own and run the script once over SSH when the guest answers; its output goes to the provisioning job's log and a non-zero exit fails the step",
        "tags": ["cloudpods"], "parameters": [{"$ref": "#/components/parameters/Id"}],
        "responses": {"200": {"description": "{script, ssh_port, ssh_user}"}, "404": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}},
      "delete": {"summary": "Remove the template's post-install script", "tags": ["cloudpods"],
        "parameters": [{"$ref": "#/components/parameters/Id"}],
        "responses": {"200": {"description": "{deleted: true}"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/cloudpods/{id}/script/rerun": {"post": {"summary": "Run the pod's post-install script once more (it never runs twice by itself, not even when a job is retried); staff",
      "tags": ["cloudpods"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"202": {"description": "{pod_id, job_id}"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/cloudpods/{id}/mpanel-key": {"delete": {"summary": "Take mPanel's SSH key off the guest (a job logs in with it one last time and removes it from authorized_keys); mPanel forgets its private key. The customer for their own pod, or staff",
      "tags": ["cloudpods"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"202": {"description": "{pod_id, job_id}"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}}}}
  }
})json";

} // namespace

void registerProvisioningScriptRoutes(Router &router, ApiContext &context)
{
    ApiContext *ctx = &context;
    const QString script = QStringLiteral("/api/cloudpod-templates/{id}/script");
    router.add(QStringLiteral("GET"), script, [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, false,
                            [&r](TenantTransaction &tx, const Caller &) { return getScript(r, tx); });
    });
    router.add(QStringLiteral("PUT"), script, [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, true,
                            [&r](TenantTransaction &tx, const Caller &) { return putScript(r, tx); });
    });
    router.add(QStringLiteral("DELETE"), script, [ctx](const HttpRequest &r) {
        return ctx->asStaff(r, true,
                            [&r](TenantTransaction &tx, const Caller &) { return deleteScript(r, tx); });
    });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/cloudpods/{id}/script/rerun"),
               [ctx](const HttpRequest &r) {
                   return ctx->asStaff(
                       r, true, [&r](TenantTransaction &tx, const Caller &c) { return rerun(r, tx, c); });
               });
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/cloudpods/{id}/mpanel-key"),
               [ctx](const HttpRequest &r) {
                   return ctx->asCaller(
                       r, true, [&r](TenantTransaction &tx, const Caller &c) { return removeKey(r, tx, c); });
               });
}

QJsonObject provisioningScriptOpenApi()
{
    QJsonObject fragment = api::OpenApi::fragment(kFragment);
    api::OpenApi::describeRequestBody(fragment, QStringLiteral("put"),
                                      QStringLiteral("/api/cloudpod-templates/{id}/script"), scriptBody());
    return fragment;
}

} // namespace mp::cloudpods
