#pragma once

#include "core/result.h"
#include "http/http_message.h"

#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace mp::api {

// An Error from a service as an API answer, with the status statusForError() picks.
HttpResponse errorResponse(const Error &error);
// A database failure: logged in full, answered as a 500 that leaks no SQL.
HttpResponse internalError(const Error &error);

// The {id} path parameter as a canonical uuid; nullopt for anything else (the caller answers
// 404: a malformed id names no row, exactly like another tenant's id).
std::optional<QString> uuidParam(const HttpRequest &request, const QString &name = QStringLiteral("id"));

// Timestamps in API bodies: RFC 3339 UTC with milliseconds.
QJsonValue timestamp(const QDateTime &t);

} // namespace mp::api
