#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace mp::test {

struct HttpResult {
    int status = 0; // 0: no answer (connection refused, timeout)
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QJsonObject json() const;
    QByteArray header(const QByteArray &name) const;
};

// One blocking HTTP call for tests, made with QNetworkAccessManager while a local event loop
// runs, so an in-process server answers too.
HttpResult httpCall(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                    const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 10000);

} // namespace mp::test
