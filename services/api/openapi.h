#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace mp {
class Router;
}

namespace mp::api {

class RequestBody;

// A request body the document describes, for tests that hold each declaration to its schema.
struct DescribedBody {
    QString method; // "post"
    QString path;   // "/api/products"
    const RequestBody *body = nullptr;
};

// The OpenAPI 3 description of the REST API, served at GET /api/openapi.json. Each module
// contributes its paths and schemas as a JSON fragment next to its routes; tst_api_openapi
// checks that every route the Router knows is described, so the document cannot drift.
class OpenApi {
public:
    // Every module adds its fragment when it registers its routes (idempotent: registering the
    // modules twice in one process, as tests do, adds nothing new).
    static void addFragment(const QJsonObject &fragment);
    // A fragment computed each time the document is built (e.g. an enum of what modules
    // declared); `key` keeps a second registration out.
    static void addFragmentProvider(const QString &key, std::function<QJsonObject()> fragment);
    static QJsonObject document();
    // Merges a fragment {"paths": {...}, "components": {"schemas": {...}, ...}} into `into`.
    static void merge(QJsonObject &into, const QJsonObject &fragment);
    // Parses a fragment written as JSON text (module fragments are raw string literals).
    static QJsonObject fragment(const char *json);
    // Sets `method path`'s requestBody in `fragment` from a declaration (a $ref for a named body,
    // with its schemas added to components.schemas; inline otherwise). `body` must outlive the
    // process: module bodies are function-local statics.
    static void describeRequestBody(QJsonObject &fragment, const QString &method, const QString &path,
                                    const RequestBody &body, bool required = true);
    static QList<DescribedBody> describedBodies();
};

void registerOpenApiRoute(Router &router);

} // namespace mp::api
