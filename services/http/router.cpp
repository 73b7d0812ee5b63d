#include "http/router.h"

#include "core/errors.h"
#include "core/storable_text.h"
#include "http/http_errors.h"
#include "http/request_metrics.h"

#include <QElapsedTimer>

#include <QUrl>

namespace mp {

static QStringList splitPath(const QString &path)
{
    return path.split(u'/', Qt::SkipEmptyParts);
}

void Router::add(const QString &method, const QString &pattern, HttpHandler handler, qsizetype maxBodyBytes)
{
    m_routes.append(Route{method, pattern, splitPath(pattern), std::move(handler), maxBodyBytes});
}

qsizetype Router::maxBodyBytes(const QString &method, const QString &path) const
{
    const QStringList segments = splitPath(path);
    for (const Route &route : m_routes) {
        QHash<QString, QString> params;
        if (route.method == method && match(route, segments, &params))
            return route.maxBodyBytes;
    }
    return 0;
}

// Besides "{param}" segments, a last segment "{rest*}" matches the rest of the path (one segment
// or more), captured as "rest" with its slashes.
bool Router::match(const Route &route, const QStringList &segments, QHash<QString, QString> *params)
{
    // A last segment "{name*}" takes the rest of the path (one segment or more), joined by '/'.
    const bool tail = !route.segments.isEmpty() && route.segments.last().endsWith(QLatin1String("*}"));
    if (tail ? segments.size() < route.segments.size() : route.segments.size() != segments.size())
        return false;
    QHash<QString, QString> captured;
    if (tail) {
        const QString &want = route.segments.last();
        captured.insert(want.mid(1, want.size() - 3), segments.mid(route.segments.size() - 1).join(u'/'));
    }
    for (qsizetype i = 0; i < route.segments.size() - (tail ? 1 : 0); ++i) {
        const QString &want = route.segments.at(i);
        if (want.startsWith(u'{') && want.endsWith(u'}'))
            captured.insert(want.mid(1, want.size() - 2), segments.at(i));
        else if (want != segments.at(i))
            return false;
    }
    *params = captured;
    return true;
}

// The one check of the request's text outside the body, before any handler reads it: a path,
// query parameter or header that could not be stored (a NUL from %00, a lone surrogate) is a 400
// naming it. Bodies are checked where they are decoded (api::RequestBody).
static std::optional<HttpResponse> unstorableUrlText(const HttpRequest &request)
{
    const auto refuse = [](const QString &field, const QString &problem) {
        return HttpResponse::error(400, errors::InvalidParameter,
                                   QStringLiteral("'%1' must be text without %2").arg(field, problem), field);
    };
    // The path as the router matches it may still hold %00; what a handler could decode counts.
    const QString decodedPath = QUrl::fromPercentEncoding(request.path.toUtf8());
    if (const QString problem = StorableText::problem(decodedPath); !problem.isEmpty())
        return refuse(QStringLiteral("path"), problem);
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        const QString keyProblem = StorableText::problem(key);
        if (!keyProblem.isEmpty())
            return refuse(StorableText::repaired(key), keyProblem);
        if (const QString problem = StorableText::problem(value); !problem.isEmpty())
            return refuse(key, problem);
    }
    for (const auto &[name, value] : request.headers) {
        if (value.contains('\0'))
            return refuse(QString::fromLatin1(name), QStringLiteral("a NUL character"));
    }
    return std::nullopt;
}

HttpResponse Router::dispatch(HttpRequest &request) const
{
    QElapsedTimer timer;
    timer.start();
    HttpResponse response = answer(request);
    RequestMetrics::record(
        request.method, request.routePattern.isEmpty() ? QStringLiteral("unmatched") : request.routePattern,
        response.status, double(timer.nsecsElapsed()) / 1e9);
    return response;
}

HttpResponse Router::answer(HttpRequest &request) const
{
    if (auto refused = unstorableUrlText(request))
        return *refused;
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
        request.routePattern = route.pattern;
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
    // A tail "{rest*}" is listed as "{rest}", the way OpenAPI writes a path parameter.
    for (const Route &route : m_routes)
        out << route.method + u' ' + QString(route.pattern).replace(QLatin1String("*}"), QLatin1String("}"));
    return out;
}

} // namespace mp
