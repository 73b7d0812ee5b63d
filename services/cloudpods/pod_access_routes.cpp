#include "cloudpods/pod_access_routes.h"

#include "api/responses.h"
#include "cloudpods/cloud_pods.h"
#include "cloudpods/cloudpod_bodies.h"
#include "cloudpods/cloudpod_routes.h"
#include "cloudpods/customer_ssh_keys.h"
#include "cloudpods/pod_access.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "http/api_context.h"
#include "http/router.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace mp::cloudpods {

namespace {

using api::errorResponse;

// Who may hand out a way into a pod: the customer for their own (visiblePod checks it), and staff
// as PodAccess allows.
bool mayGrantAccess(const Caller &caller)
{
    return !isStaff(caller) || PodAccess::staffMayGrantAccess(caller.role);
}

HttpResponse forbidden()
{
    return HttpResponse::error(
        403, errors::Forbidden,
        QStringLiteral("resetting or reinstalling a pod is for the customer, support, admins "
                       "and owners"));
}

HttpResponse resetPassword(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    if (!mayGrantAccess(caller))
        return forbidden();
    if (auto body = api::emptyBody().parse(request, api::RequestBody::Empty::AllowedAsEmptyObject); !body)
        return errorResponse(body.error());
    auto pod = visiblePod(request, tx, caller);
    if (!pod)
        return errorResponse(pod.error());
    auto password = PodAccess::requestPasswordReset(tx, *pod, Clock::current().now());
    if (!password)
        return errorResponse(password.error());
    return HttpResponse::json(
        202, QJsonObject{{QStringLiteral("pod_id"), pod->id},
                         {QStringLiteral("user"), pod->loginUser},
                         {QStringLiteral("root_password"), *password},
                         {QStringLiteral("note"), QStringLiteral("shown once: set through the "
                                                                 "guest agent in a moment")}});
}

HttpResponse reinstall(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    if (!mayGrantAccess(caller))
        return forbidden();
    auto body = reinstallBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto pod = visiblePod(request, tx, caller);
    if (!pod)
        return errorResponse(pod.error());
    if (body->string(QStringLiteral("confirm"), QString())
            .trimmed()
            .compare(pod->hostname, Qt::CaseInsensitive) != 0)
        return HttpResponse::error(
            422, errors::InvalidValue,
            QStringLiteral("type the pod's host name (%1) to confirm: the guest is erased")
                .arg(pod->hostname),
            QStringLiteral("confirm"));
    auto password = PodAccess::requestReinstall(
        tx, *pod, body->boolean(QStringLiteral("root_password")).value_or(false), Clock::current().now());
    if (!password)
        return errorResponse(password.error());
    auto fresh = CloudPods::find(tx.db(), pod->id);
    if (!fresh)
        return errorResponse(fresh.error());
    HttpResponse response = podDetail(tx, *fresh, 202);
    if (!password->isEmpty()) {
        QJsonObject json = QJsonDocument::fromJson(response.body).object();
        json.insert(QStringLiteral("root_password"), *password); // shown once
        response = HttpResponse::json(202, json);
    }
    return response;
}

// The customer whose keys a call is about: a customer's own; staff name one (customer_id).
Result<QString> keyOwner(const Caller &caller, const QString &requested)
{
    if (!isStaff(caller)) {
        if (!requested.isEmpty() && requested != caller.customerId)
            return makeError(errors::Forbidden, QStringLiteral("customers manage their own keys"),
                             QStringLiteral("customer_id"));
        return caller.customerId;
    }
    if (!isUuid(requested))
        return makeError(errors::MissingField,
                         QStringLiteral("staff: send customer_id, the customer whose keys"),
                         QStringLiteral("customer_id"));
    return requested;
}

HttpResponse listKeys(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto owner =
        keyOwner(caller, request.query.queryItemValue(QStringLiteral("customer_id"), QUrl::FullyDecoded));
    if (!owner)
        return errorResponse(owner.error());
    auto keys = CustomerSshKeys::list(tx, *owner);
    if (!keys)
        return errorResponse(keys.error());
    QJsonArray items;
    for (const SavedSshKey &k : std::as_const(*keys))
        items.append(k.toJson());
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), items}});
}

HttpResponse addKey(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto body = sshKeyBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto owner = keyOwner(caller, body->string(QStringLiteral("customer_id"), QString()));
    if (!owner)
        return errorResponse(owner.error());
    auto key =
        CustomerSshKeys::add(tx, *owner, body->string(QStringLiteral("name"), QString()),
                             body->string(QStringLiteral("public_key"), QString()), Clock::current().now());
    if (!key)
        return errorResponse(key.error());
    HttpResponse response = HttpResponse::json(201, key->toJson());
    response.headers.append({"Location", QStringLiteral("/api/ssh-keys/%1").arg(key->id).toLatin1()});
    return response;
}

HttpResponse removeKey(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    const QString owner = isStaff(caller) ? QString() : caller.customerId;
    if (auto s = CustomerSshKeys::remove(tx, owner, request.pathParams.value(QStringLiteral("id"))); !s)
        return errorResponse(s.error());
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("deleted"), true}});
}

} // namespace

void registerPodAccessRoutes(Router &router, ApiContext &context)
{
    ApiContext *ctx = &context;
    const auto write = [ctx](HttpResponse (*work)(const HttpRequest &, TenantTransaction &, const Caller &)) {
        return [ctx, work](const HttpRequest &r) {
            return ctx->asCaller(
                r, true, [&r, work](TenantTransaction &tx, const Caller &c) { return work(r, tx, c); });
        };
    };
    router.add(QStringLiteral("POST"), QStringLiteral("/api/cloudpods/{id}/reset-password"),
               write(&resetPassword));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/cloudpods/{id}/reinstall"), write(&reinstall));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/ssh-keys"), [ctx](const HttpRequest &r) {
        return ctx->asCaller(r, false,
                             [&r](TenantTransaction &tx, const Caller &c) { return listKeys(r, tx, c); });
    });
    router.add(QStringLiteral("POST"), QStringLiteral("/api/ssh-keys"), write(&addKey));
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/ssh-keys/{id}"), write(&removeKey));
}

} // namespace mp::cloudpods
