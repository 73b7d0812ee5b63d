#pragma once

#include "api/request_body.h"

namespace mp::monitoring {

const api::RequestBody &nodeBody();
const api::RequestBody &checkBody();

} // namespace mp::monitoring
