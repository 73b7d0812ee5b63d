#include "http/http_message.h"

#include "core/result.h"

namespace mp {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString HttpRequest::bearerToken() const
{
    const QByteArray value = header("Authorization").trimmed();
    if (value.size() < 8 || value.left(7).compare("Bearer ", Qt::CaseInsensitive) != 0)
        return {};
    return QString::fromLatin1(value.mid(7).trimmed());
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    return json(status, QJsonDocument(object));
}

HttpResponse HttpResponse::json(int status, const QJsonDocument &document)
{
    HttpResponse r;
    r.status = status;
    r.body = document.toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse HttpResponse::error(int status, const QString &code, const QString &message,
                                 const QString &field)
{
    QJsonObject inner{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}};
    if (!field.isEmpty())
        inner.insert(QStringLiteral("field"), field);
    return json(status, QJsonObject{{QStringLiteral("error"), inner}});
}

HttpResponse HttpResponse::error(int status, const Error &e)
{
    return error(status, e.code, e.message, e.field);
}

} // namespace mp
