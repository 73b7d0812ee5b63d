#include "api/responses.h"

#include "core/uuid_text.h"

#include "core/errors.h"
#include "core/json_log.h"
#include "http/api_context.h"

#include <QUuid>

namespace mp::api {

HttpResponse internalError(const Error &error)
{
    JsonLog::write(QStringLiteral("api_database_error"),
                   {{QStringLiteral("message"), error.message}, {QStringLiteral("sqlstate"), error.field}});
    return HttpResponse::error(500, errors::Internal, QStringLiteral("the request could not be completed"));
}

HttpResponse errorResponse(const Error &error)
{
    const int status = statusForError(error);
    if (status >= 500)
        return internalError(error);
    return HttpResponse::error(status, error);
}

std::optional<QString> uuidParam(const HttpRequest &request, const QString &name)
{
    const QString id = request.pathParams.value(name);
    if (!isUuid(id))
        return std::nullopt;
    return id.toLower();
}

QJsonValue timestamp(const QDateTime &t)
{
    if (!t.isValid())
        return QJsonValue();
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace mp::api
