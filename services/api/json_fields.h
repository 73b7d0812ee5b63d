#pragma once

#include "core/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace mp::api {

// Typed reads from a parsed request body. A field of the wrong JSON type is an "invalid_type"
// error naming the field by its path ("prices[2].amount"), so a client never meets a 500 or a
// silently coerced value. Absent or null optional fields read as nullopt.
class JsonFields {
public:
    JsonFields(QJsonObject object, QString prefix = {})
        : m_object(std::move(object)), m_prefix(std::move(prefix))
    {
    }

    bool has(const QString &key) const { return m_object.contains(key); }
    QString path(const QString &key) const { return m_prefix.isEmpty() ? key : m_prefix + u'.' + key; }

    Result<std::optional<QString>> optionalString(const QString &key) const;
    Result<QString> requiredString(const QString &key) const;
    // Integers only: 3 is fine, 3.5, "3" and 1e300 are not; bounds checked by the caller.
    Result<std::optional<qint64>> optionalInteger(const QString &key) const;
    Result<std::optional<bool>> optionalBool(const QString &key) const;
    Result<std::optional<QJsonArray>> optionalArray(const QString &key) const;
    Result<std::optional<QJsonObject>> optionalObject(const QString &key) const;

    // Checks that every key of the object is in `allowed` (nested objects have no parseJsonBody).
    Status onlyKnown(const QStringList &allowed) const;

private:
    Error wrongType(const QString &key, const char *expected) const;
    QJsonObject m_object;
    QString m_prefix;
};

// "prices[3]" for array elements.
QString elementPath(const QString &arrayPath, qsizetype index);

} // namespace mp::api
