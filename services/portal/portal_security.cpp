#include "portal/portal_security.h"

#include "portal/portal_errors.h"

#include <QUrl>

namespace mp::portal {

namespace {

// Compares without stopping at the first difference, so timing tells nothing about the token.
bool sameToken(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size() || a.isEmpty())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

QString hostPort(const QUrl &url)
{
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

// An Origin header, when the browser sends one, must name the host the request came to, or the
// public address (a proxy in front may pass on another Host).
Status checkOrigin(const HttpRequest &request, const QString &publicUrl)
{
    const QByteArray origin = request.header("Origin");
    if (origin.isEmpty())
        return {};
    const QUrl url(QString::fromLatin1(origin));
    const QString host = QString::fromLatin1(request.header("Host"));
    const QString originHost = hostPort(url);
    const bool ours =
        originHost.compare(host, Qt::CaseInsensitive) == 0 ||
        (!publicUrl.isEmpty() && originHost.compare(hostPort(QUrl(publicUrl)), Qt::CaseInsensitive) == 0);
    if (!ours)
        return makeError(errors::CsrfRejected, QStringLiteral("the request came from another site"),
                         QStringLiteral("Origin"));
    return {};
}

} // namespace

const QByteArray &PortalSecurity::contentSecurityPolicy()
{
    static const QByteArray policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "font-src 'self'; manifest-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    return policy;
}

void PortalSecurity::addHeaders(HttpResponse &response)
{
    response.headers.append({"Content-Security-Policy", contentSecurityPolicy()});
    response.headers.append({QByteArray("X-Content-Type-Options"), QByteArray("nosniff")});
    response.headers.append({QByteArray("X-Frame-Options"), QByteArray("DENY")});
    response.headers.append({QByteArray("Referrer-Policy"), QByteArray("same-origin")});
    response.headers.append({QByteArray("Cross-Origin-Opener-Policy"), QByteArray("same-origin")});
    response.headers.append(
        {QByteArray("Permissions-Policy"), QByteArray("camera=(), microphone=(), geolocation=()")});
}

bool PortalSecurity::isUnsafe(const QString &method)
{
    return method != QLatin1String("GET") && method != QLatin1String("HEAD") &&
           method != QLatin1String("OPTIONS");
}

Status PortalSecurity::checkCsrf(const HttpRequest &request, const PortalSession &session,
                                 const QString &publicUrl)
{
    if (auto origin = checkOrigin(request, publicUrl); !origin)
        return origin;
    if (!sameToken(request.header("X-CSRF-Token"), session.csrfToken.toLatin1()))
        return makeError(
            errors::CsrfRejected,
            QStringLiteral("send the session's CSRF token in X-CSRF-Token (GET /portal/session)"),
            QStringLiteral("X-CSRF-Token"));
    return {};
}

Status PortalSecurity::checkFromOurPage(const HttpRequest &request, const QString &publicUrl)
{
    if (auto origin = checkOrigin(request, publicUrl); !origin)
        return origin;
    if (!request.header("Content-Type").trimmed().startsWith("application/json") ||
        request.header("X-Requested-With") != "mpanel-portal")
        return makeError(errors::CsrfRejected,
                         QStringLiteral("send JSON with X-Requested-With: mpanel-portal from a portal page"),
                         QStringLiteral("X-Requested-With"));
    return {};
}

} // namespace mp::portal
