#pragma once

#include "http/http_message.h"

#include <QHash>
#include <QString>

namespace mp::portal {

// The portal's files, compiled into the binary as the Qt resource ":/portal-assets/" (no web
// server, CDN or build step: plain HTML, CSS and JavaScript). A file is served with an ETag and,
// when asked for under its current version ("?v=<hash>", as the page links it), cached for a
// year; the page itself is revalidated on every load, so a new binary's files are seen at once.
class PortalAssets {
public:
    static const PortalAssets &instance();

    // GET /portal/assets/{name}: 404 for an unknown name, 304 for a matching If-None-Match.
    HttpResponse file(const HttpRequest &request, const QString &name) const;
    // The single page (index.html) with its assets linked under their versions.
    HttpResponse page(const HttpRequest &request) const;
    // Every embedded file name, for the tests (no inline script in any page).
    QStringList names() const { return m_files.keys(); }
    QByteArray content(const QString &name) const { return m_files.value(name).body; }

private:
    PortalAssets();
    struct Asset {
        QByteArray body;
        QByteArray contentType;
        QByteArray etag; // "\"<hash>\""
        QString version; // the hash, as the page links it
    };
    static HttpResponse answer(const HttpRequest &request, const Asset &asset,
                               const QByteArray &cacheControl);
    QHash<QString, Asset> m_files;
    Asset m_page;
};

} // namespace mp::portal
