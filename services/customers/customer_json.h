#pragma once

#include "api/request_body.h"
#include "core/result.h"
#include "customers/customer.h"

#include <QJsonObject>
#include <QStringList>

namespace mp::customers {

// The customer's API shape. `notes` is staff-only: customers never see or set it.
class CustomerJson {
public:
    static const api::RequestBody &staffBody();    // create and update by staff (CustomerInput)
    static const api::RequestBody &customerBody(); // a customer editing their own profile
    static const api::RequestBody &signupBody();   // POST /api/auth/signup (Signup)

    // Wrong JSON types are "invalid_type" (400) naming the field ("address.city"); lengths,
    // email and country are checked by Customers.
    static Result<CustomerDraft> draftFrom(const QJsonObject &body, const api::RequestBody &declaration);
    static CustomerDraft draftFrom(const api::BodyValues &values);
    static QJsonObject toJson(const Customer &customer, bool forStaff);
};

} // namespace mp::customers
