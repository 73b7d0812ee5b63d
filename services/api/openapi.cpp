#include "api/openapi.h"

#include "api/request_body.h"
#include "http/router.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QList>
#include <QMutex>

namespace mp::api {

namespace {

// What every module shares: the error shape, paging parameters, bearer auth, health probes;
// and, until the job engine carries its own fragment, its routes.
const char *kCore = R"json({
  "paths": {
    "/healthz": {"get": {"summary": "The process answers", "security": [],
      "responses": {"200": {"description": "ok"}}}},
    "/readyz": {"get": {"summary": "The database answers and its schema is current", "security": [],
      "responses": {"200": {"description": "ready"}, "503": {"$ref": "#/components/responses/Error"}}}},
    "/api/openapi.json": {"get": {"summary": "This document", "security": [],
      "responses": {"200": {"description": "OpenAPI 3 document"}}}},
    "/api/jobs": {"get": {"summary": "Background jobs of the tenant, newest first (staff)", "tags": ["jobs"],
      "parameters": [{"name": "status", "in": "query", "schema": {"type": "string"}},
        {"name": "kind", "in": "query", "schema": {"type": "string"}},
        {"name": "related_type", "in": "query", "schema": {"type": "string"}},
        {"name": "related_id", "in": "query", "schema": {"type": "string"}},
        {"name": "before", "in": "query", "schema": {"type": "string"}, "description": "next_before of the previous page"},
        {"$ref": "#/components/parameters/Limit"}],
      "responses": {"200": {"description": "{\"items\": [...], \"next_before\": ...}; the same list is also under \"jobs\" for older clients"},
        "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/api/jobs/{id}": {"get": {"summary": "One job with its log (staff)", "tags": ["jobs"],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "The job"}, "400": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/jobs/{id}/retry": {"post": {"summary": "Retry a failed job (staff)", "tags": ["jobs"],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "The job"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/jobs/{id}/cancel": {"post": {"summary": "Cancel a job that has not finished (staff)", "tags": ["jobs"],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "The job"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/tokens/{id}/revoke": {"post": {"summary": "Revoke one of the tenant's API tokens (owner or admin)", "tags": ["staff"],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}],
      "responses": {"200": {"description": "{\"id\", \"revoked_at\"}"}, "403": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"}}}}
  },
  "components": {
    "securitySchemes": {
      "bearer": {"type": "http", "scheme": "bearer",
        "description": "Staff tokens (mpt_...) from `mpanel-service token create`; customer access tokens (mpc_...) from /api/auth/login or /api/auth/signup."}
    },
    "parameters": {
      "Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"},
        "description": "A malformed id, like another tenant's id, answers 404."},
      "Limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50}},
      "Cursor": {"name": "cursor", "in": "query", "schema": {"type": "string"},
        "description": "next_cursor of the previous page; only valid with the same sort."}
    },
    "responses": {
      "Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    },
    "schemas": {
      "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object",
        "required": ["code", "message"], "properties": {
          "code": {"type": "string", "example": "unknown_cycle"},
          "message": {"type": "string"},
          "field": {"type": "string", "description": "The input at fault, e.g. prices[1].currency", "example": "prices[1].cycle"}}}}}
    }
  }
})json";

QMutex g_fragmentsMutex;
QList<QJsonObject> &fragments()
{
    static QList<QJsonObject> list;
    return list;
}

QList<DescribedBody> &bodies()
{
    static QList<DescribedBody> list;
    return list;
}

QList<std::pair<QString, std::function<QJsonObject()>>> &providers()
{
    static QList<std::pair<QString, std::function<QJsonObject()>>> list;
    return list;
}

} // namespace

void OpenApi::addFragment(const QJsonObject &fragment)
{
    QMutexLocker lock(&g_fragmentsMutex);
    if (!fragments().contains(fragment))
        fragments().append(fragment);
}

void OpenApi::addFragmentProvider(const QString &key, std::function<QJsonObject()> fragment)
{
    QMutexLocker lock(&g_fragmentsMutex);
    for (const auto &p : std::as_const(providers())) {
        if (p.first == key)
            return;
    }
    providers().append({key, std::move(fragment)});
}

QJsonObject OpenApi::fragment(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

void OpenApi::describeRequestBody(QJsonObject &fragment, const QString &method, const QString &path,
                                  const RequestBody &body, bool required)
{
    const QJsonObject requestBody{
        {QStringLiteral("required"), required},
        {QStringLiteral("content"),
         QJsonObject{{QStringLiteral("application/json"),
                      QJsonObject{{QStringLiteral("schema"), body.schemaOrRef()}}}}}};
    QJsonObject schemas;
    body.addSchemas(schemas);
    merge(fragment,
          QJsonObject{{QStringLiteral("paths"),
                       QJsonObject{{path, QJsonObject{{method, QJsonObject{{QStringLiteral("requestBody"),
                                                                            requestBody}}}}}}},
                      {QStringLiteral("components"), QJsonObject{{QStringLiteral("schemas"), schemas}}}});
    QMutexLocker lock(&g_fragmentsMutex);
    for (const DescribedBody &d : std::as_const(bodies())) {
        if (d.method == method && d.path == path)
            return;
    }
    bodies().append(DescribedBody{method, path, &body});
}

QList<DescribedBody> OpenApi::describedBodies()
{
    QMutexLocker lock(&g_fragmentsMutex);
    return bodies();
}

void OpenApi::merge(QJsonObject &into, const QJsonObject &fragment)
{
    for (auto it = fragment.begin(); it != fragment.end(); ++it) {
        if (it.value().isObject() && into.value(it.key()).isObject()) {
            QJsonObject inner = into.value(it.key()).toObject();
            merge(inner, it.value().toObject());
            into.insert(it.key(), inner);
        } else {
            into.insert(it.key(), it.value());
        }
    }
}

QJsonObject OpenApi::document()
{
    QJsonObject doc{
        {QStringLiteral("openapi"), QStringLiteral("3.0.3")},
        {QStringLiteral("info"),
         QJsonObject{{QStringLiteral("title"), QStringLiteral("mPanel API")},
                     {QStringLiteral("version"), QStringLiteral("0.1.0")},
                     {QStringLiteral("description"),
                      QStringLiteral("Hosting billing: catalog, customers and more. Errors are "
                                     "{\"error\": {\"code\", \"message\", \"field\"}}; amounts are "
                                     "decimal strings in the currency's precision.")}}},
        {QStringLiteral("security"), QJsonArray{QJsonObject{{QStringLiteral("bearer"), QJsonArray()}}}}};
    merge(doc, fragment(kCore));
    QList<std::function<QJsonObject()>> lazy;
    {
        QMutexLocker lock(&g_fragmentsMutex);
        for (const QJsonObject &f : std::as_const(fragments()))
            merge(doc, f);
        for (const auto &p : std::as_const(providers()))
            lazy.append(p.second);
    }
    // Providers run unlocked: one may describe a request body, which registers it under the lock.
    for (const auto &make : std::as_const(lazy))
        merge(doc, make());
    return doc;
}

void registerOpenApiRoute(Router &router)
{
    router.add(QStringLiteral("GET"), QStringLiteral("/api/openapi.json"),
               [](const HttpRequest &) { return HttpResponse::json(200, OpenApi::document()); });
}

} // namespace mp::api
