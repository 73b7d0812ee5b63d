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

HttpResponse HttpResponse::error(int status, const ErrorCode &code, const QString &message,
                                 const QString &field)
{
    return error(status, makeError(code, message, field));
}

HttpResponse HttpResponse::error(int status, const Error &e)
{
    QJsonObject inner{{QStringLiteral("code"), e.code}, {QStringLiteral("message"), e.message}};
    if (!e.field.isEmpty())
        inner.insert(QStringLiteral("field"), e.field);
    return json(status, QJsonObject{{QStringLiteral("error"), inner}});
}

} // namespace mp
