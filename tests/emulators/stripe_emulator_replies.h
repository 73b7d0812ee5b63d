#pragma once

// Helpers shared by the emulator's source files: Stripe's error shape and parameter parsing.

#include "http/http_message.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace mp::test::stripe_reply {

// {"error": {"type", "message", "code"?, "param"?, "doc_url"?}} (stripe.md section 5).
HttpResponse error(int status, const QString &type, const QString &message, const QString &code = {},
                   const QString &param = {}, const QJsonObject &extra = {});
HttpResponse missing(const QString &param);
HttpResponse invalid(const QString &param, const QString &code, const QString &message);
HttpResponse noSuch(const QString &objectName, const QString &id, const QString &param);

// Stripe's integers are plain decimal digits (an optional leading minus).
std::optional<qint64> parseInteger(const QString &value);

} // namespace mp::test::stripe_reply
