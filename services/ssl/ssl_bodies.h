#pragma once

#include "api/request_body.h"

namespace mp::ssl {

const api::RequestBody &certificateRequestBody(); // POST /api/ssl/certificates

} // namespace mp::ssl
