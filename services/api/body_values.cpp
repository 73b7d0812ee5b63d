#include "api/body_values.h"

#include <QJsonArray>

namespace mp::api {

std::optional<QString> BodyValues::string(const QString &key) const
{
    const QJsonValue v = m_object.value(key);
    if (!v.isString())
        return std::nullopt;
    return v.toString();
}

QString BodyValues::string(const QString &key, const QString &fallback) const
{
    return string(key).value_or(fallback);
}

std::optional<qint64> BodyValues::integer(const QString &key) const
{
    const QJsonValue v = m_object.value(key);
    if (!v.isDouble())
        return std::nullopt;
    return qint64(v.toDouble());
}

std::optional<bool> BodyValues::boolean(const QString &key) const
{
    const QJsonValue v = m_object.value(key);
    if (!v.isBool())
        return std::nullopt;
    return v.toBool();
}

std::optional<BodyValues> BodyValues::object(const QString &key) const
{
    const QJsonValue v = m_object.value(key);
    if (!v.isObject())
        return std::nullopt;
    return BodyValues(v.toObject(), path(key));
}

QList<BodyValues> BodyValues::objects(const QString &key) const
{
    QList<BodyValues> out;
    const QJsonArray array = m_object.value(key).toArray();
    for (qsizetype i = 0; i < array.size(); ++i)
        out.append(BodyValues(array.at(i).toObject(), elementPath(path(key), i)));
    return out;
}

QStringList BodyValues::strings(const QString &key) const
{
    QStringList out;
    const QJsonArray array = m_object.value(key).toArray();
    for (const QJsonValue &v : array)
        out.append(v.toString());
    return out;
}

QString elementPath(const QString &arrayPath, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(arrayPath).arg(index);
}

} // namespace mp::api
