#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace mp {

struct Error;
struct ErrorCode;

// A request as the router hands it to a handler: detached from QtHttpServer, so handlers can
// be unit-tested without a socket.
struct HttpRequest {
    QString method; // "GET", "POST", ...
    QString path;
    QUrlQuery query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QHostAddress remoteAddress;
    QHash<QString, QString> pathParams; // filled by the router: "/api/products/{id}" -> "id"
    QString routePattern;               // filled by the router: "/api/products/{id}"

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    QString bearerToken() const;                     // from "Authorization: Bearer ..."
};

struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse json(int status, const QJsonDocument &document);
    // The API's one error shape: {"error": {"code", "message", "field"?}}.
    static HttpResponse error(int status, const ErrorCode &code, const QString &message,
                              const QString &field = {});
    static HttpResponse error(int status, const Error &error);
    // The whole HTTP/1.1 answer as it goes on the wire.
    QByteArray wire() const;
};

} // namespace mp
