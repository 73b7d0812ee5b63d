#pragma once

#include "http/http_message.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace mp {

using HttpHandler = std::function<HttpResponse(const HttpRequest &)>;

// Matches "METHOD /path/{param}/..." routes. A path that exists under another method answers
// 405 with Allow; an unknown path answers 404; both in the API's JSON error shape.
class Router {
public:
    // `maxBodyBytes` > 0 sets the route's own body limit (else the server's default applies).
    void add(const QString &method, const QString &pattern, HttpHandler handler, qsizetype maxBodyBytes = 0);
    // The route's own body limit, 0 for none or for no such route.
    qsizetype maxBodyBytes(const QString &method, const QString &path) const;
    // Answers the request and counts it in RequestMetrics (by route pattern and status).
    HttpResponse dispatch(HttpRequest &request) const;
    // "GET /api/products/{id}" for every route, for the OpenAPI coverage test.
    QStringList routes() const;

private:
    struct Route {
        QString method;
        QString pattern;
        QStringList segments;
        HttpHandler handler;
        qsizetype maxBodyBytes = 0;
    };
    HttpResponse answer(HttpRequest &request) const;
    static bool match(const Route &route, const QStringList &segments, QHash<QString, QString> *params);
    QList<Route> m_routes;
};

} // namespace mp
