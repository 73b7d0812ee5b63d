#include "acme/acme_problem.h"

#include "acme/acme_errors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mp {

namespace {

const QLatin1String kPrefix("urn:ietf:params:acme:error:");

AcmeProblem fromObject(const QJsonObject &o, int status)
{
    AcmeProblem p;
    p.type = o.value(QLatin1String("type")).toString();
    if (p.type.startsWith(kPrefix))
        p.type = p.type.mid(kPrefix.size());
    p.detail = o.value(QLatin1String("detail")).toString();
    p.status = o.value(QLatin1String("status")).toInt(status);
    for (const QJsonValue &v : o.value(QLatin1String("subproblems")).toArray()) {
        const QJsonObject sub = v.toObject();
        const QString who =
            sub.value(QLatin1String("identifier")).toObject().value(QLatin1String("value")).toString();
        const QString words = sub.value(QLatin1String("detail")).toString();
        p.subproblems << (who.isEmpty() ? words : who + QStringLiteral(": ") + words);
    }
    return p;
}

} // namespace

AcmeProblem AcmeProblem::parse(const QByteArray &body, int httpStatus)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        return fromObject(doc.object(), httpStatus);
    AcmeProblem p;
    p.status = httpStatus;
    p.detail = QString::fromUtf8(body.left(300)).trimmed();
    if (p.detail.isEmpty())
        p.detail = QStringLiteral("HTTP %1 without a problem document").arg(httpStatus);
    return p;
}

Error AcmeProblem::toError(const QString &what) const
{
    const ErrorCode &code = type == QLatin1String("badNonce")              ? errors::AcmeBadNonce
                            : type == QLatin1String("rateLimited")         ? errors::AcmeRateLimited
                            : type == QLatin1String("unauthorized")        ? errors::AcmeUnauthorized
                            : type == QLatin1String("accountDoesNotExist") ? errors::AcmeNoAccount
                            : type == QLatin1String("serverInternal") || status >= 500
                                ? errors::AcmeServerError
                                : errors::AcmeRejected;
    QString message = QStringLiteral("%1 was refused by the CA: %2").arg(what, detail);
    if (!type.isEmpty())
        message += QStringLiteral(" (%1)").arg(type);
    if (!subproblems.isEmpty())
        message += QStringLiteral("; ") + subproblems.join(QStringLiteral("; "));
    return makeError(code, message);
}

Error acmeProblemError(const QJsonObject &problem, const QString &what)
{
    return fromObject(problem, 0).toError(what);
}

} // namespace mp
