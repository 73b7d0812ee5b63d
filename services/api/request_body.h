#pragma once

#include "api/body_field.h"
#include "api/body_values.h"
#include "core/result.h"
#include "http/http_message.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>

namespace mp::api {

// One request body declared once, used twice (as FastAPI/pydantic models are): decode() checks a
// JSON object against the field table and answers the API's field-level errors (unknown_field,
// invalid_type, required, enum and range codes) naming the field by its path
// ("prices[2].amount"); schema() writes the same table as the body's JSON Schema for the OpenAPI
// document. Domain rules that need more than one field or the database stay with the module.
//
// Errors come in two passes per object, so a body with several faults answers the shape fault
// first: unknown fields, then every field's JSON type and presence, then values (allowed values,
// bounds, checks, nested objects), each pass in declaration order.
class RequestBody {
public:
    // Named bodies are documented as #/components/schemas/<schemaName>; unnamed ones inline.
    explicit RequestBody(QString schemaName = {});
    // `base` plus the fields added to this one, documented as allOf [base, additions]; requireOf()
    // makes a base field required here.
    static RequestBody extending(const RequestBody &base, QString schemaName);

    RequestBody &add(BodyField field) &;
    RequestBody &&add(BodyField field) &&;
    RequestBody &&requireOf(const QString &baseField, const ErrorCode &code = errors::Required) &&;

    Result<BodyValues> decode(const QJsonObject &object, const QString &prefix = {}) const;
    // Every fault, not just the first (tests compare the decoder with the schema through this).
    QList<Error> problems(const QJsonObject &object, const QString &prefix = {}) const;

    enum class Empty { Refused, AllowedAsEmptyObject };
    // The request's body as JSON, then decode(). Malformed JSON or a non-object is a 400 on "body".
    Result<BodyValues> parse(const HttpRequest &request, Empty empty = Empty::Refused) const;

    const QString &schemaName() const { return m_name; }
    // The fields this body accepts and documents, base fields (with requireOf applied) last.
    QList<BodyField> fields() const;

    // The body's own schema (an object, or allOf for an extension).
    QJsonObject schema() const;
    // A $ref for named bodies, else schema().
    QJsonObject schemaOrRef() const;
    // The named schemas this body's documentation refers to, itself included, into `schemas`
    // (components.schemas).
    void addSchemas(QJsonObject &schemas) const;

private:
    void collect(const QJsonObject &object, const QString &prefix, QList<Error> &out, bool firstOnly) const;

    QString m_name;
    QList<BodyField> m_fields;
    std::shared_ptr<const RequestBody> m_base;
    QMap<QString, ErrorCode> m_baseRequired; // base field -> required code
};

// The body of an action that takes no input: nothing, or {} (parse with AllowedAsEmptyObject).
const RequestBody &emptyBody();

} // namespace mp::api
