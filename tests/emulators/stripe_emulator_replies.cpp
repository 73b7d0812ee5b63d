#include "emulators/stripe_emulator_replies.h"

namespace mp::test::stripe_reply {

HttpResponse error(int status, const QString &type, const QString &message, const QString &code,
                   const QString &param, const QJsonObject &extra)
{
    QJsonObject body = extra;
    body.insert(QStringLiteral("type"), type);
    body.insert(QStringLiteral("message"), message);
    if (!code.isEmpty()) {
        body.insert(QStringLiteral("code"), code);
        body.insert(
            QStringLiteral("doc_url"),
            QStringLiteral("https://stripe.com/docs/error-codes/%1").arg(QString(code).replace(u'_', u'-')));
    }
    if (!param.isEmpty())
        body.insert(QStringLiteral("param"), param);
    return HttpResponse::json(status, QJsonObject{{QStringLiteral("error"), body}});
}

HttpResponse missing(const QString &param)
{
    return error(400, QStringLiteral("invalid_request_error"),
                 QStringLiteral("Missing required param: %1.").arg(param),
                 QStringLiteral("parameter_missing"), param);
}

HttpResponse invalid(const QString &param, const QString &code, const QString &message)
{
    return error(400, QStringLiteral("invalid_request_error"), message, code, param);
}

HttpResponse noSuch(const QString &objectName, const QString &id, const QString &param)
{
    return error(404, QStringLiteral("invalid_request_error"),
                 QStringLiteral("No such %1: '%2'").arg(objectName, id), QStringLiteral("resource_missing"),
                 param);
}

std::optional<qint64> parseInteger(const QString &value)
{
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    if (!ok || value.trimmed() != value || value.startsWith(u'+'))
        return std::nullopt;
    return n;
}

} // namespace mp::test::stripe_reply
