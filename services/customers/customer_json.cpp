#include "customers/customer_json.h"

#include "api/json_fields.h"
#include "api/responses.h"

namespace mp::customers {

const QStringList &CustomerJson::staffFields()
{
    static const QStringList fields{
        QStringLiteral("name"),    QStringLiteral("email"),   QStringLiteral("company"),
        QStringLiteral("address"), QStringLiteral("country"), QStringLiteral("tax_id"),
        QStringLiteral("status"),  QStringLiteral("notes"),   QStringLiteral("password")};
    return fields;
}

const QStringList &CustomerJson::customerFields()
{
    static const QStringList fields{QStringLiteral("name"),    QStringLiteral("email"),
                                    QStringLiteral("company"), QStringLiteral("address"),
                                    QStringLiteral("country"), QStringLiteral("tax_id")};
    return fields;
}

const QStringList &CustomerJson::signupFields()
{
    static const QStringList fields{QStringLiteral("tenant_id"), QStringLiteral("name"),
                                    QStringLiteral("email"),     QStringLiteral("password"),
                                    QStringLiteral("company"),   QStringLiteral("address"),
                                    QStringLiteral("country"),   QStringLiteral("tax_id")};
    return fields;
}

Result<CustomerDraft> CustomerJson::draftFrom(const QJsonObject &body)
{
    const api::JsonFields f(body);
    CustomerDraft d;
    for (auto [key, target] :
         {std::pair{QStringLiteral("name"), &d.name}, std::pair{QStringLiteral("email"), &d.email},
          std::pair{QStringLiteral("company"), &d.company}, std::pair{QStringLiteral("country"), &d.country},
          std::pair{QStringLiteral("tax_id"), &d.taxId}, std::pair{QStringLiteral("status"), &d.status},
          std::pair{QStringLiteral("notes"), &d.notes}, std::pair{QStringLiteral("password"), &d.password}}) {
        auto v = f.optionalString(key);
        if (!v)
            return v.error();
        *target = *v;
        // null clears the optional text fields (but never name, email or status: validation says so).
        if (!v->has_value() && body.contains(key))
            *target = QString();
    }
    auto address = f.optionalObject(QStringLiteral("address"));
    if (!address)
        return address.error();
    if (address->has_value()) {
        const api::JsonFields a(**address, QStringLiteral("address"));
        if (auto s = a.onlyKnown({QStringLiteral("line1"), QStringLiteral("line2"), QStringLiteral("city"),
                                  QStringLiteral("postal_code"), QStringLiteral("region")});
            !s)
            return s.error();
        for (auto [key, target] :
             {std::pair{QStringLiteral("line1"), &d.line1}, std::pair{QStringLiteral("line2"), &d.line2},
              std::pair{QStringLiteral("city"), &d.city},
              std::pair{QStringLiteral("postal_code"), &d.postalCode},
              std::pair{QStringLiteral("region"), &d.region}}) {
            auto v = a.optionalString(key);
            if (!v)
                return v.error();
            // Inside an address object every line is given: absent means empty.
            *target = v->value_or(QString());
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
