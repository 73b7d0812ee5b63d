#include "api/request_body.h"

#include "api/api_errors.h"
#include "core/storable_text.h"
#include "http/api_context.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace mp::api {

namespace {

const char *kAmountDescription =
    "A decimal string with at most the currency's decimals; never a JSON number.";

QJsonObject amountSchema()
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                       {QStringLiteral("pattern"), QStringLiteral("^-?[0-9]+(\\.[0-9]+)?$")},
                       {QStringLiteral("example"), QStringLiteral("9.99")},
                       {QStringLiteral("description"), QLatin1String(kAmountDescription)}};
}

Error wrongType(const QString &path, const char *expected)
{
    return makeError(errors::InvalidType,
                     QStringLiteral("'%1' must be %2").arg(path, QLatin1String(expected)), path);
}

bool isInteger(const QJsonValue &v)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    // Beyond 2^53 a JSON number no longer names one integer; every field we read is far smaller.
    return std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= 9007199254740991.0;
}

// The JSON type of a present, non-null value; the first pass.
std::optional<Error> shapeError(const BodyField &f, const QJsonValue &v, const QString &path)
{
    switch (f.kind()) {
    case BodyField::Kind::String:
    case BodyField::Kind::Money:
        if (!v.isString())
            return wrongType(path, "a string");
        // Refused here, where every body is decoded, rather than failing in the database.
        if (const QString problem = StorableText::problem(v.toString()); !problem.isEmpty())
            return makeError(errors::InvalidText,
                             QStringLiteral("'%1' must be text without %2").arg(path, problem), path);
        return std::nullopt;
    case BodyField::Kind::Integer:
        if (!isInteger(v))
            return wrongType(path, "an integer");
        return std::nullopt;
    case BodyField::Kind::Boolean:
        if (!v.isBool())
            return wrongType(path, "true or false");
        return std::nullopt;
    case BodyField::Kind::Object:
        if (!v.isObject())
            return wrongType(path, "an object");
        return std::nullopt;
    case BodyField::Kind::ObjectArray:
    case BodyField::Kind::StringArray:
        if (!v.isArray())
            return wrongType(path, "an array");
        return std::nullopt;
    }
    return std::nullopt;
}

QString rangeText(std::optional<qint64> low, std::optional<qint64> high)
{
    if (low && high)
        return QStringLiteral("from %1 to %2").arg(*low).arg(*high);
    if (low)
        return QStringLiteral("at least %1").arg(*low);
    return QStringLiteral("at most %1").arg(*high);
}

// Allowed values, bounds and the field's own check, for a value of the right type; the second pass.
std::optional<Error> valueError(const BodyField &f, const QJsonValue &v, const QString &path)
{
    if (f.enumCode()) {
        const QStringList allowed = f.allowedValues();
        if (!allowed.contains(v.toString()))
            return makeError(
                *f.enumCode(),
                QStringLiteral("'%1' must be one of %2").arg(path, allowed.join(QStringLiteral(", "))), path);
    }
    if (f.rangeCode()) {
        if (f.kind() == BodyField::Kind::Integer) {
            const qint64 n = qint64(v.toDouble());
            if ((f.minimumValue() && n < *f.minimumValue()) || (f.maximumValue() && n > *f.maximumValue()))
                return makeError(*f.rangeCode(),
                                 QStringLiteral("'%1' must be %2")
                                     .arg(path, rangeText(f.minimumValue(), f.maximumValue())),
                                 path);
        } else if (v.isString()) {
            const qsizetype n = v.toString().size();
            if ((f.minimumLength() && n < *f.minimumLength()) ||
                (f.maximumLength() && n > *f.maximumLength())) {
                std::optional<qint64> low, high;
                if (f.minimumLength())
                    low = *f.minimumLength();
                if (f.maximumLength())
                    high = *f.maximumLength();
                return makeError(*f.rangeCode(),
                                 QStringLiteral("'%1' must be %2 characters").arg(path, rangeText(low, high)),
                                 path);
            }
        }
    }
    // A string without a declared maximum (one the domain code checks itself) still has a ceiling.
    if (f.kind() == BodyField::Kind::String && !f.maximumLength() && f.effectiveMaximumLength() &&
        v.toString().size() > *f.effectiveMaximumLength())
        return makeError(
            errors::TextTooLong,
            QStringLiteral("'%1' must be at most %2 characters").arg(path).arg(*f.effectiveMaximumLength()),
            path);
    if (f.valueCheck()) {
        if (auto s = f.valueCheck()(v, path); !s)
            return s.error();
    }
    return std::nullopt;
}

} // namespace

RequestBody::RequestBody(QString schemaName) : m_name(std::move(schemaName)) {}

RequestBody RequestBody::extending(const RequestBody &base, QString schemaName)
{
    RequestBody body(std::move(schemaName));
    body.m_base = std::make_shared<const RequestBody>(base);
    return body;
}

RequestBody &RequestBody::add(BodyField field) &
{
    m_fields.append(std::move(field));
    return *this;
}

RequestBody &&RequestBody::add(BodyField field) &&
{
    m_fields.append(std::move(field));
    return std::move(*this);
}

RequestBody &&RequestBody::requireOf(const QString &baseField, const ErrorCode &code) &&
{
    m_baseRequired.insert(baseField, code);
    return std::move(*this);
}

QList<BodyField> RequestBody::fields() const
{
    QList<BodyField> all = m_fields;
    if (m_base) {
        for (BodyField f : m_base->fields()) {
            if (m_baseRequired.contains(f.name()))
                f = std::move(f).required(m_baseRequired.value(f.name()));
            all.append(std::move(f));
        }
    }
    return all;
}

void RequestBody::collect(const QJsonObject &object, const QString &prefix, QList<Error> &out,
                          bool firstOnly) const
{
    const auto pathOf = [&prefix](const QString &key) {
        return prefix.isEmpty() ? key : prefix + u'.' + key;
    };
    const auto done = [&out, firstOnly] { return firstOnly && !out.isEmpty(); };
    const QList<BodyField> all = fields();

    for (auto it = object.begin(); it != object.end(); ++it) {
        const bool known = std::any_of(all.begin(), all.end(), [&it](const BodyField &f) {
            return f.name() == it.key() && !f.isReadOnly();
        });
        if (!known)
            out.append(makeError(errors::UnknownField,
                                 QStringLiteral("unknown field '%1'").arg(pathOf(it.key())),
                                 pathOf(it.key())));
        if (done())
            return;
    }

    for (const BodyField &f : all) {
        if (f.isReadOnly())
            continue;
        const QJsonValue v = object.value(f.name());
        const QString path = pathOf(f.name());
        if (v.isUndefined() || v.isNull()) {
            if (f.isRequired())
                out.append(makeError(f.requiredCode(), QStringLiteral("'%1' is required").arg(path), path));
        } else if (auto e = shapeError(f, v, path)) {
            out.append(*e);
        }
        if (done())
            return;
    }

    for (const BodyField &f : all) {
        const QJsonValue v = object.value(f.name());
        if (f.isReadOnly() || v.isUndefined() || v.isNull())
            continue;
        const QString path = pathOf(f.name());
        if (shapeError(f, v, path))
            continue; // already answered by the first pass
        if (auto e = valueError(f, v, path)) {
            out.append(*e);
        } else if (f.kind() == BodyField::Kind::Object) {
            f.table()->collect(v.toObject(), path, out, firstOnly);
        } else if (f.kind() == BodyField::Kind::ObjectArray) {
            const QJsonArray array = v.toArray();
            for (qsizetype i = 0; i < array.size() && !done(); ++i) {
                const QString at = elementPath(path, i);
                if (!array.at(i).isObject())
                    out.append(wrongType(at, "an object"));
                else
                    f.table()->collect(array.at(i).toObject(), at, out, firstOnly);
            }
        } else if (f.kind() == BodyField::Kind::StringArray) {
            const QJsonArray array = v.toArray();
            for (qsizetype i = 0; i < array.size() && !done(); ++i) {
                const QString at = elementPath(path, i);
                if (!array.at(i).isString())
                    out.append(wrongType(at, "a string"));
                else if (array.at(i).toString().contains(QChar(0)))
                    out.append(makeError(errors::InvalidText,
                                         QStringLiteral("'%1' must not contain NUL characters").arg(at), at));
            }
        }
        if (done())
            return;
    }
}

QList<Error> RequestBody::problems(const QJsonObject &object, const QString &prefix) const
{
    QList<Error> out;
    collect(object, prefix, out, false);
    return out;
}

Result<BodyValues> RequestBody::decode(const QJsonObject &object, const QString &prefix) const
{
    QList<Error> out;
    collect(object, prefix, out, true);
    if (!out.isEmpty())
        return out.first();
    return BodyValues(object, prefix);
}

Result<BodyValues> RequestBody::parse(const HttpRequest &request, Empty empty) const
{
    if (empty == Empty::AllowedAsEmptyObject && request.body.trimmed().isEmpty())
        return decode(QJsonObject());
    QStringList accepted;
    for (const BodyField &f : fields()) {
        if (!f.isReadOnly())
            accepted.append(f.name());
    }
    auto object = parseJsonBody(request, accepted);
    if (!object)
        return object.error();
    return decode(*object);
}

QJsonObject RequestBody::schema() const
{
    QJsonObject properties;
    QJsonArray required;
    for (const BodyField &f : m_fields) {
        properties.insert(f.name(), f.schema());
        if (f.isRequired())
            required.append(f.name());
    }
    if (m_base) {
        // Base fields required only here come after the additions' own, as fields() orders them.
        for (const BodyField &f : m_base->fields()) {
            if (m_baseRequired.contains(f.name()))
                required.append(f.name());
        }
    }
    QJsonObject own{{QStringLiteral("type"), QStringLiteral("object")}};
    if (!required.isEmpty())
        own.insert(QStringLiteral("required"), required);
    if (!properties.isEmpty())
        own.insert(QStringLiteral("properties"), properties);
    if (!m_base) {
        own.insert(QStringLiteral("additionalProperties"), false);
        return own;
    }
    return QJsonObject{{QStringLiteral("allOf"), QJsonArray{m_base->schemaOrRef(), own}}};
}

QJsonObject RequestBody::schemaOrRef() const
{
    if (m_name.isEmpty())
        return schema();
    return QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/components/schemas/") + m_name}};
}

void RequestBody::addSchemas(QJsonObject &schemas) const
{
    if (!m_name.isEmpty())
        schemas.insert(m_name, schema());
    if (m_base)
        m_base->addSchemas(schemas);
    for (const BodyField &f : m_fields) {
        if (f.kind() == BodyField::Kind::Money)
            schemas.insert(QStringLiteral("Amount"), amountSchema());
        if (!f.enumSchemaName().isEmpty())
            schemas.insert(f.enumSchemaName(), QJsonObject{{QStringLiteral("type"), QStringLiteral("string")},
                                                           {QStringLiteral("enum"),
                                                            QJsonArray::fromStringList(f.allowedValues())}});
        if (f.table())
            f.table()->addSchemas(schemas);
    }
}

const RequestBody &emptyBody()
{
    static const RequestBody body;
    return body;
}

} // namespace mp::api
