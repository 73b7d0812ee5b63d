#include "api/body_field.h"

#include "api/request_body.h"

#include <QJsonArray>

namespace mp::api {

BodyField BodyField::string(QString name)
{
    return BodyField(std::move(name), Kind::String);
}

BodyField BodyField::integer(QString name)
{
    return BodyField(std::move(name), Kind::Integer);
}

BodyField BodyField::boolean(QString name)
{
    return BodyField(std::move(name), Kind::Boolean);
}

BodyField BodyField::money(QString name)
{
    return BodyField(std::move(name), Kind::Money);
}

BodyField BodyField::object(QString name, const RequestBody &table)
{
    BodyField f(std::move(name), Kind::Object);
    f.m_table = std::make_shared<const RequestBody>(table);
    return f;
}

BodyField BodyField::objects(QString name, const RequestBody &table)
{
    BodyField f(std::move(name), Kind::ObjectArray);
    f.m_table = std::make_shared<const RequestBody>(table);
    return f;
}

BodyField BodyField::strings(QString name)
{
    return BodyField(std::move(name), Kind::StringArray);
}

BodyField &&BodyField::required(const ErrorCode &code) &&
{
    m_required = true;
    m_requiredCode = code;
    return std::move(*this);
}

BodyField &&BodyField::nullable() &&
{
    m_nullable = true;
    return std::move(*this);
}

BodyField &&BodyField::oneOf(QStringList values, const ErrorCode &code, QString schemaName) &&
{
    return std::move(*this).oneOf([values = std::move(values)] { return values; }, code,
                                  std::move(schemaName));
}

BodyField &&BodyField::oneOf(std::function<QStringList()> values, const ErrorCode &code,
                             QString schemaName) &&
{
    m_values = std::move(values);
    m_enumCode = code;
    m_enumSchema = std::move(schemaName);
    return std::move(*this);
}

BodyField &&BodyField::minimum(qint64 value) &&
{
    m_minimum = value;
    return std::move(*this);
}

BodyField &&BodyField::maximum(qint64 value) &&
{
    m_maximum = value;
    return std::move(*this);
}

BodyField &&BodyField::minLength(int value) &&
{
    m_minLength = value;
    return std::move(*this);
}

BodyField &&BodyField::maxLength(int value) &&
{
    m_maxLength = value;
    return std::move(*this);
}

BodyField &&BodyField::outOfRange(const ErrorCode &code) &&
{
    m_rangeCode = code;
    return std::move(*this);
}

BodyField &&BodyField::check(Check check) &&
{
    m_check = std::move(check);
    return std::move(*this);
}

BodyField &&BodyField::format(QString format) &&
{
    m_format = std::move(format);
    return std::move(*this);
}

BodyField &&BodyField::describe(QString description) &&
{
    m_description = std::move(description);
    return std::move(*this);
}

BodyField &&BodyField::example(QJsonValue example) &&
{
    m_example = std::move(example);
    return std::move(*this);
}

BodyField &&BodyField::defaultValue(QJsonValue value) &&
{
    m_default = std::move(value);
    return std::move(*this);
}

BodyField &&BodyField::writeOnly() &&
{
    m_writeOnly = true;
    return std::move(*this);
}

BodyField &&BodyField::readOnly() &&
{
    m_readOnly = true;
    return std::move(*this);
}

std::optional<int> BodyField::effectiveMaximumLength() const
{
    if (m_maxLength || m_kind != Kind::String || m_values)
        return m_maxLength;
    return kDefaultMaxLength;
}

namespace {

QJsonObject ref(const QString &name)
{
    return QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/") + name}};
}

} // namespace

QJsonObject BodyField::schema() const
{
    QJsonObject s;
    switch (m_kind) {
    case Kind::String:
        s.insert(QStringLiteral("type"), QStringLiteral("string"));
        break;
    case Kind::Integer:
        s.insert(QStringLiteral("type"), QStringLiteral("integer"));
        break;
    case Kind::Boolean:
        s.insert(QStringLiteral("type"), QStringLiteral("boolean"));
        break;
    case Kind::Money:
        s = ref(QStringLiteral("Amount"));
        break;
    case Kind::Object:
        s = m_table->schemaOrRef();
        break;
    case Kind::ObjectArray:
        s.insert(QStringLiteral("type"), QStringLiteral("array"));
        s.insert(QStringLiteral("items"), m_table->schemaOrRef());
        break;
    case Kind::StringArray:
        s.insert(QStringLiteral("type"), QStringLiteral("array"));
        s.insert(QStringLiteral("items"), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}});
        break;
    }
    if (m_values) {
        if (!m_enumSchema.isEmpty())
            s = ref(m_enumSchema);
        else
            s.insert(QStringLiteral("enum"), QJsonArray::fromStringList(m_values()));
    }
    if (!m_format.isEmpty())
        s.insert(QStringLiteral("format"), m_format);
    if (m_minimum)
        s.insert(QStringLiteral("minimum"), *m_minimum);
    if (m_maximum)
        s.insert(QStringLiteral("maximum"), *m_maximum);
    if (m_minLength)
        s.insert(QStringLiteral("minLength"), *m_minLength);
    if (const auto max = effectiveMaximumLength())
        s.insert(QStringLiteral("maxLength"), *max);
    if (m_nullable)
        s.insert(QStringLiteral("nullable"), true);
    if (m_readOnly)
        s.insert(QStringLiteral("readOnly"), true);
    if (m_writeOnly)
        s.insert(QStringLiteral("writeOnly"), true);
    if (!m_description.isEmpty())
        s.insert(QStringLiteral("description"), m_description);
    if (!m_example.isUndefined())
        s.insert(QStringLiteral("example"), m_example);
    if (!m_default.isUndefined())
        s.insert(QStringLiteral("default"), m_default);
    return s;
}

} // namespace mp::api
