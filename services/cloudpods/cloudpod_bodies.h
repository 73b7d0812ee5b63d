#pragma once

#include "api/request_body.h"

namespace mp::cloudpods {

// POST /api/cloudpods: a pod for a customer from a template, outside any subscription.
const api::RequestBody &newPodBody();

} // namespace mp::cloudpods
