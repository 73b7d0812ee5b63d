#include "api/json_fields.h"

#include "api/api_errors.h"
#include "core/errors.h"

#include <cmath>

namespace mp::api {

Error JsonFields::wrongType(const QString &key, const char *expected) const
{
    return makeError(errors::InvalidType,
                     QStringLiteral("'%1' must be %2").arg(path(key), QLatin1String(expected)), path(key));
}

Result<std::optional<QString>> JsonFields::optionalString(const QString &key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::optional<QString>();
    if (!v.isString())
        return wrongType(key, "a string");
    // PostgreSQL text cannot hold NUL; refuse it here rather than fail in the database.
    if (v.toString().contains(QChar(0)))
        return makeError(errors::InvalidText,
                         QStringLiteral("'%1' must not contain NUL characters").arg(path(key)), path(key));
    return std::optional<QString>(v.toString());
}

Result<QString> JsonFields::requiredString(const QString &key) const
{
    auto v = optionalString(key);
    if (!v)
        return v.error();
    if (!v->has_value())
        return makeError(errors::Required, QStringLiteral("'%1' is required").arg(path(key)), path(key));
    return **v;
}

Result<std::optional<qint64>> JsonFields::optionalInteger(const QString &key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::optional<qint64>();
    if (!v.isDouble())
        return wrongType(key, "an integer");
    const double d = v.toDouble();
    // Beyond 2^53 a JSON number no longer names one integer; every field we read is far smaller.
    if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > 9007199254740991.0)
        return wrongType(key, "an integer");
    return std::optional<qint64>(qint64(d));
}

Result<std::optional<bool>> JsonFields::optionalBool(const QString &key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::optional<bool>();
    if (!v.isBool())
        return wrongType(key, "true or false");
    return std::optional<bool>(v.toBool());
}

Result<std::optional<QJsonArray>> JsonFields::optionalArray(const QString &key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::optional<QJsonArray>();
    if (!v.isArray())
        return wrongType(key, "an array");
    return std::optional<QJsonArray>(v.toArray());
}

Result<std::optional<QJsonObject>> JsonFields::optionalObject(const QString &key) const
{
    const QJsonValue v = m_object.value(key);
    if (v.isUndefined() || v.isNull())
        return std::optional<QJsonObject>();
    if (!v.isObject())
        return wrongType(key, "an object");
    return std::optional<QJsonObject>(v.toObject());
}

Status JsonFields::onlyKnown(const QStringList &allowed) const
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!allowed.contains(it.key()))
            return makeError(errors::UnknownField, QStringLiteral("unknown field '%1'").arg(path(it.key())),
                             path(it.key()));
    }
    return {};
}

QString elementPath(const QString &arrayPath, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(arrayPath).arg(index);
}

} // namespace mp::api
