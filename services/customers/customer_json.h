#pragma once

#include "core/result.h"
#include "customers/customer.h"

#include <QJsonObject>
#include <QStringList>

namespace mp::customers {

// The customer's API shape. `notes` is staff-only: customers never see or set it.
class CustomerJson {
public:
    static const QStringList &staffFields();    // create and update by staff
    static const QStringList &customerFields(); // a customer editing their own profile
    static const QStringList &signupFields();

    // Wrong JSON types are "invalid_type" (400) naming the field ("address.city").
    static Result<CustomerDraft> draftFrom(const QJsonObject &body);
    static QJsonObject toJson(const Customer &customer, bool forStaff);
};

} // namespace mp::customers
