#include "customers/customer_json.h"

#include "api/responses.h"
#include "customers/customer_errors.h"

namespace mp::customers {

namespace {

using api::BodyField;
using api::RequestBody;

const RequestBody &addressBody()
{
    static const RequestBody body = RequestBody(QStringLiteral("Address"))
                                        .add(BodyField::string(QStringLiteral("line1")))
                                        .add(BodyField::string(QStringLiteral("line2")))
                                        .add(BodyField::string(QStringLiteral("city")))
                                        .add(BodyField::string(QStringLiteral("postal_code")))
                                        .add(BodyField::string(QStringLiteral("region")));
    return body;
}

// The profile fields a customer may set on itself, in the order every body lists them.
BodyField nameField()
{
    return BodyField::string(QStringLiteral("name")).minLength(1).maxLength(200);
}

BodyField emailField()
{
    return BodyField::string(QStringLiteral("email"))
        .format(QStringLiteral("email"))
        .describe(QStringLiteral("Unique per tenant, ignoring case"));
}

// At least 10 characters, checked by the password hasher with the rest of its rules.
BodyField passwordField()
{
    return BodyField::string(QStringLiteral("password")).minLength(10);
}

RequestBody &addProfileRest(RequestBody &body)
{
    return body.add(BodyField::string(QStringLiteral("company")))
        .add(BodyField::object(QStringLiteral("address"), addressBody()))
        .add(BodyField::string(QStringLiteral("country"))
                 .nullable()
                 .describe(QStringLiteral("ISO 3166-1 alpha-2"))
                 .example(QStringLiteral("DE")))
        .add(BodyField::string(QStringLiteral("tax_id")))
        .add(BodyField::string(QStringLiteral("language"))
                 .nullable()
                 .oneOf({QStringLiteral("en"), QStringLiteral("de")}, errors::InvalidValue)
                 .describe(QStringLiteral("the language of the customer's mail; null: from the country "
                                          "(German for DE, AT, CH, LI)")));
}

} // namespace

const RequestBody &CustomerJson::staffBody()
{
    static const RequestBody body = [] {
        RequestBody b(QStringLiteral("CustomerInput"));
        b.add(nameField()).add(emailField());
        addProfileRest(b)
            .add(BodyField::string(QStringLiteral("status"))
                     .oneOf({QStringLiteral("active"), QStringLiteral("suspended"), QStringLiteral("closed")},
                            errors::UnknownStatus)
                     .describe(QStringLiteral("Staff only")))
            .add(BodyField::string(QStringLiteral("notes")).describe(QStringLiteral("Staff only")))
            .add(passwordField().writeOnly().describe(
                QStringLiteral("Staff only: sets or resets the password")));
        return b;
    }();
    return body;
}

const RequestBody &CustomerJson::customerBody()
{
    static const RequestBody body = [] {
        RequestBody b;
        b.add(nameField()).add(emailField());
        addProfileRest(b);
        return b;
    }();
    return body;
}

const RequestBody &CustomerJson::signupBody()
{
    static const RequestBody body = [] {
        RequestBody b(QStringLiteral("Signup"));
        b.add(BodyField::string(QStringLiteral("tenant_id")).required().format(QStringLiteral("uuid")))
            .add(nameField().required())
            .add(emailField().required())
            .add(passwordField().required());
        addProfileRest(b);
        return b;
    }();
    return body;
}

Result<CustomerDraft> CustomerJson::draftFrom(const QJsonObject &body, const api::RequestBody &declaration)
{
    auto values = declaration.decode(body);
    if (!values)
        return values.error();
    return draftFrom(*values);
}

CustomerDraft CustomerJson::draftFrom(const api::BodyValues &values)
{
    CustomerDraft d;
    for (auto [key, target] :
         {std::pair{QStringLiteral("name"), &d.name}, std::pair{QStringLiteral("email"), &d.email},
          std::pair{QStringLiteral("company"), &d.company}, std::pair{QStringLiteral("country"), &d.country},
          std::pair{QStringLiteral("language"), &d.language}, std::pair{QStringLiteral("tax_id"), &d.taxId},
          std::pair{QStringLiteral("status"), &d.status}, std::pair{QStringLiteral("notes"), &d.notes},
          std::pair{QStringLiteral("password"), &d.password}}) {
        *target = values.string(key);
        // null clears the optional text fields (but never name, email or status: validation says so).
        if (!*target && values.has(key))
            *target = QString();
    }
    if (const auto address = values.object(QStringLiteral("address"))) {
        for (auto [key, target] :
             {std::pair{QStringLiteral("line1"), &d.line1}, std::pair{QStringLiteral("line2"), &d.line2},
              std::pair{QStringLiteral("city"), &d.city},
              std::pair{QStringLiteral("postal_code"), &d.postalCode},
              std::pair{QStringLiteral("region"), &d.region}}) {
            // Inside an address object every line is given: absent means empty.
            *target = address->string(key, QString());
        }
    }
    return d;
}

QJsonObject CustomerJson::toJson(const Customer &c, bool forStaff)
{
    QJsonObject o{
        {QStringLiteral("id"), c.id},
        {QStringLiteral("name"), c.name},
        {QStringLiteral("email"), c.email},
        {QStringLiteral("company"), c.company},
        {QStringLiteral("address"), QJsonObject{{QStringLiteral("line1"), c.address.line1},
                                                {QStringLiteral("line2"), c.address.line2},
                                                {QStringLiteral("city"), c.address.city},
                                                {QStringLiteral("postal_code"), c.address.postalCode},
                                                {QStringLiteral("region"), c.address.region}}},
        {QStringLiteral("country"), c.country.isEmpty() ? QJsonValue() : QJsonValue(c.country)},
        {QStringLiteral("language"), c.language.isEmpty() ? QJsonValue() : QJsonValue(c.language)},
        {QStringLiteral("tax_id"), c.taxId},
        {QStringLiteral("status"), c.status},
        {QStringLiteral("has_password"), c.hasPassword},
        {QStringLiteral("created_at"), api::timestamp(c.createdAt)},
        {QStringLiteral("updated_at"), api::timestamp(c.updatedAt)}};
    if (forStaff)
        o.insert(QStringLiteral("notes"), c.notes);
    return o;
}

} // namespace mp::customers
