#pragma once

#include "module/product_type.h"

namespace mp::mail {

// The `email` product type: an order line names the domain (options.domain); paying the first
// period puts it on the tenant's default mail host with the product's limits (mail_plans);
// suspension makes the host refuse its mail, termination removes it through its job.
provisioning::ProductType emailProductType();

} // namespace mp::mail
