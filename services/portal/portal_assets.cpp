#include "portal/portal_assets.h"

#include "core/errors.h"
#include "portal/portal_security.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace mp::portal {

namespace {

const QString kRoot = QStringLiteral(":/portal-assets/");

QByteArray contentTypeOf(const QString &name)
{
    static const QHash<QString, QByteArray> types{{QStringLiteral("html"), "text/html; charset=utf-8"},
                                                  {QStringLiteral("js"), "text/javascript; charset=utf-8"},
                                                  {QStringLiteral("css"), "text/css; charset=utf-8"},
                                                  {QStringLiteral("svg"), "image/svg+xml"},
                                                  {QStringLiteral("png"), "image/png"},
                                                  {QStringLiteral("json"), "application/json"}};
    return types.value(QFileInfo(name).suffix(), "application/octet-stream");
}

QString versionOf(const QByteArray &body)
{
    return QString::fromLatin1(QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex().left(16));
}

} // namespace

const PortalAssets &PortalAssets::instance()
{
    static const PortalAssets assets;
    return assets;
}

PortalAssets::PortalAssets()
{
    QDirIterator it(kRoot, QDir::Files);
    QByteArray index;
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString name = path.mid(kRoot.size());
        const QByteArray body = file.readAll();
        if (name == QLatin1String("index.html")) {
            index = body;
            continue;
        }
        const QString version = versionOf(body);
        m_files.insert(name, Asset{body, contentTypeOf(name), '"' + version.toLatin1() + '"', version});
    }
    // The page links each asset as "{{name}}": replaced by its versioned URL, so a changed file
    // is a new URL and the year-long cache never serves a stale one.
    for (auto f = m_files.cbegin(); f != m_files.cend(); ++f)
        index.replace(
            "{{" + f.key().toUtf8() + "}}",
            (QStringLiteral("/portal/assets/") + f.key() + QStringLiteral("?v=") + f->version).toUtf8());
    const QString version = versionOf(index);
    m_page = Asset{index, "text/html; charset=utf-8", '"' + version.toLatin1() + '"', version};
}

HttpResponse PortalAssets::answer(const HttpRequest &request, const Asset &asset,
                                  const QByteArray &cacheControl)
{
    HttpResponse r;
    r.contentType = asset.contentType;
    bool unchanged = false;
    for (const QByteArray &tag : request.header("If-None-Match").split(','))
        unchanged = unchanged || tag.trimmed() == asset.etag;
    if (unchanged)
        r.status = 304;
    else
        r.body = asset.body;
    r.headers.append({"ETag", asset.etag});
    r.headers.append({"Cache-Control", cacheControl});
    PortalSecurity::addHeaders(r);
    return r;
}

HttpResponse PortalAssets::file(const HttpRequest &request, const QString &name) const
{
    const auto it = m_files.constFind(name);
    if (it == m_files.cend())
        return HttpResponse::error(404, errors::NotFound, QStringLiteral("no such file: %1").arg(name));
    const bool versioned = request.query.queryItemValue(QStringLiteral("v")) == it->version;
    return answer(request, *it, versioned ? "public, max-age=31536000, immutable" : "no-cache");
}

HttpResponse PortalAssets::page(const HttpRequest &request) const
{
    return answer(request, m_page, "no-cache");
}

} // namespace mp::portal
