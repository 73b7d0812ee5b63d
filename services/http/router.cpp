#include "http/router.h"

#include "core/errors.h"
#include "http/http_errors.h"

namespace mp {

static QStringList splitPath(const QString &path)
{
    return path.split(u'/', Qt::SkipEmptyParts);
}

void Router::add(const QString &method, const QString &pattern, HttpHandler handler)
{
    m_routes.append(Route{method, pattern, splitPath(pattern), std::move(handler)});
}

bool Router::match(const Route &route, const QStringList &segments, QHash<QString, QString> *params)
{
    if (route.segments.size() != segments.size())
        return false;
    QHash<QString, QString> captured;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const QString &want = route.segments.at(i);
        if (want.startsWith(u'{') && want.endsWith(u'}'))
            captured.insert(want.mid(1, want.size() - 2), segments.at(i));
        else if (want != segments.at(i))
            return false;
    }
    *params = captured;
    return true;
}

HttpResponse Router::dispatch(HttpRequest &request) const
{
    const QStringList segments = splitPath(request.path);
    QStringList allowed;
    for (const Route &route : m_routes) {
        QHash<QString, QString> params;
        if (!match(route, segments, &params))
            continue;
        if (route.method != request.method) {
            allowed << route.method;
            continue;
        }
        request.pathParams = params;
        return route.handler(request);
    }
    if (!allowed.isEmpty()) {
        HttpResponse r = HttpResponse::error(405, errors::MethodNotAllowed,
                                             QStringLiteral("%1 is not allowed here").arg(request.method));
        r.headers.append({"Allow", allowed.join(QStringLiteral(", ")).toLatin1()});
        return r;
    }
    return HttpResponse::error(404, errors::NotFound,
                               QStringLiteral("no such endpoint: %1").arg(request.path));
}

QStringList Router::routes() const
{
    QStringList out;
    for (const Route &route : m_routes)
        out << route.method + u' ' + route.pattern;
    return out;
}

} // namespace mp
