#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace mp::api {

// The values of a body RequestBody::decode() accepted, read by type. Decoding already checked
// every type, so reads cannot fail: absent and null read as nullopt (has() tells them apart where
// an explicit null means "clear").
class BodyValues {
public:
    BodyValues() = default;
    BodyValues(QJsonObject object, QString prefix) : m_object(std::move(object)), m_prefix(std::move(prefix))
    {
    }

    bool has(const QString &key) const { return m_object.contains(key); }
    QString path(const QString &key) const { return m_prefix.isEmpty() ? key : m_prefix + u'.' + key; }

    std::optional<QString> string(const QString &key) const;
    QString string(const QString &key, const QString &fallback) const;
    std::optional<qint64> integer(const QString &key) const;
    std::optional<bool> boolean(const QString &key) const;
    std::optional<BodyValues> object(const QString &key) const;
    // The elements of an array of objects, each with its path ("prices[2]"); empty when absent.
    QList<BodyValues> objects(const QString &key) const;
    // An array of strings; empty when absent.
    QStringList strings(const QString &key) const;

    const QJsonObject &json() const { return m_object; }
    const QString &prefix() const { return m_prefix; }

private:
    QJsonObject m_object;
    QString m_prefix;
};

// "prices[3]" for array elements.
QString elementPath(const QString &arrayPath, qsizetype index);

} // namespace mp::api
