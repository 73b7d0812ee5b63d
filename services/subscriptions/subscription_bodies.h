#pragma once

#include "api/request_body.h"

namespace mp::subscriptions {

const api::RequestBody &cancelBody(); // POST /api/subscriptions/{id}/cancel
const api::RequestBody &changeBody(); // POST /api/subscriptions/{id}/change

} // namespace mp::subscriptions
