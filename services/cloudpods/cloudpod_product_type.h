#pragma once

#include "module/product_type.h"

namespace mp::cloudpods {

// The "cloudpod" product type: a product names a CloudPod template, an order line carries the
// pod's host name, and paying for it creates a pod whose provisioning job builds the guest.
provisioning::ProductType cloudPodProductType();

} // namespace mp::cloudpods
