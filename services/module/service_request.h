#pragma once

#include <QString>

namespace mp::provisioning {

// The subscription a provisioner acts for.
struct ServiceRequest {
    QString subscriptionId;
    QString customerId;
    QString productId;
    QString productType; // a registered product type's id (ProductTypes)
    QString orderItemId; // the order line that bought it (host name, domain name), may be empty
    int quantity = 1;    // units the subscription pays for (a type with provisionsQuantity makes each)
};

} // namespace mp::provisioning
