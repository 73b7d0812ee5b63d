#pragma once

#include "core/error_code.h"
#include "core/errors.h"
#include "core/result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace mp::api {

class RequestBody;

// One field of a request body: its JSON kind, whether it must be given, the values and bounds it
// may take and how it reads in the API documentation. RequestBody decodes a body from a list of
// these and writes the same list out as the body's JSON Schema, so the two cannot disagree.
class BodyField {
public:
    enum class Kind { String, Integer, Boolean, Money, Object, ObjectArray, StringArray };
    // A value check beyond shape (a currency code, a Proxmox name): gets the present, non-null
    // value and its path ("prices[2].currency") and answers the API's error for it.
    using Check = std::function<Status(const QJsonValue &value, const QString &path)>;

    // Strings that declare no maxLength are held to this many characters (and documented so): no
    // outside text is unbounded, whatever column it ends up in.
    static constexpr int kDefaultMaxLength = 10000;

    static BodyField string(QString name);
    // Integers only: 3 is fine, 3.5, "3" and 1e300 are not.
    static BodyField integer(QString name);
    static BodyField boolean(QString name);
    // A decimal string such as "9.99", never a JSON number (schema: #/components/schemas/Amount).
    // Its precision depends on a currency, so Money::parse runs where the currency is known.
    static BodyField money(QString name);
    static BodyField object(QString name, const RequestBody &table);
    static BodyField objects(QString name, const RequestBody &table);
    // An array of strings (a record set's records); each element is checked like a string field.
    static BodyField strings(QString name);

    // Absent or null is an error with `code` ("'path' is required").
    BodyField &&required(const ErrorCode &code = errors::Required) &&;
    // Documents that an explicit null means something (usually "clear"); null is accepted for every
    // optional field and reads as absent.
    BodyField &&nullable() &&;
    // Only these values; anything else is `code`: "'path' must be one of a, b, c". A named enum
    // becomes its own schema (#/components/schemas/<schemaName>) that the field refers to.
    BodyField &&oneOf(QStringList values, const ErrorCode &code, QString schemaName = {}) &&;
    // Values known only when asked (product types the modules declared).
    BodyField &&oneOf(std::function<QStringList()> values, const ErrorCode &code, QString schemaName = {}) &&;
    BodyField &&minimum(qint64 value) &&;
    BodyField &&maximum(qint64 value) &&;
    BodyField &&minLength(int value) &&;
    BodyField &&maxLength(int value) &&;
    // Bounds are enforced by the decoder when they have an error code; without one they document
    // a limit the domain code checks with the context it needs (a password's length, a currency's
    // precision).
    BodyField &&outOfRange(const ErrorCode &code) &&;
    BodyField &&check(Check check) &&;
    BodyField &&format(QString format) &&; // "uuid", "email", "date", "ipv4": documentation only
    BodyField &&describe(QString description) &&;
    BodyField &&example(QJsonValue example) &&;
    BodyField &&defaultValue(QJsonValue value) &&;
    BodyField &&writeOnly() &&;
    // A field answers carry and requests must not: documented with readOnly, refused as unknown.
    BodyField &&readOnly() &&;

    const QString &name() const { return m_name; }
    Kind kind() const { return m_kind; }
    bool isRequired() const { return m_required; }
    bool isReadOnly() const { return m_readOnly; }
    bool isNullable() const { return m_nullable; }
    const ErrorCode &requiredCode() const { return m_requiredCode; }
    QStringList allowedValues() const { return m_values ? m_values() : QStringList(); }
    const std::optional<ErrorCode> &enumCode() const { return m_enumCode; }
    const QString &enumSchemaName() const { return m_enumSchema; }
    std::optional<qint64> minimumValue() const { return m_minimum; }
    std::optional<qint64> maximumValue() const { return m_maximum; }
    std::optional<int> minimumLength() const { return m_minLength; }
    std::optional<int> maximumLength() const { return m_maxLength; }
    // The declared maxLength, else kDefaultMaxLength for strings (and none for other kinds).
    std::optional<int> effectiveMaximumLength() const;
    const std::optional<ErrorCode> &rangeCode() const { return m_rangeCode; }
    const Check &valueCheck() const { return m_check; }
    // The table of an object or of each element of an array of objects.
    const RequestBody *table() const { return m_table.get(); }

    // This field's JSON Schema (a $ref for named tables and enums, Amount for money).
    QJsonObject schema() const;

private:
    BodyField(QString name, Kind kind) : m_name(std::move(name)), m_kind(kind) {}

    QString m_name;
    Kind m_kind;
    bool m_required = false;
    bool m_nullable = false;
    bool m_readOnly = false;
    bool m_writeOnly = false;
    ErrorCode m_requiredCode = errors::Required;
    std::function<QStringList()> m_values;
    std::optional<ErrorCode> m_enumCode;
    QString m_enumSchema;
    std::optional<qint64> m_minimum;
    std::optional<qint64> m_maximum;
    std::optional<int> m_minLength;
    std::optional<int> m_maxLength;
    std::optional<ErrorCode> m_rangeCode;
    Check m_check;
    QString m_format;
    QString m_description;
    QJsonValue m_example{QJsonValue::Undefined};
    QJsonValue m_default{QJsonValue::Undefined};
    std::shared_ptr<const RequestBody> m_table;
};

} // namespace mp::api
