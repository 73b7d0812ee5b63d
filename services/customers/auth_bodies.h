#pragma once

#include "api/request_body.h"

namespace mp::customers {

// POST /api/auth/login: tenant, email and password, all required.
const api::RequestBody &loginBody();
// POST /api/auth/refresh and /api/auth/logout (RefreshToken). Optional here: logout may name the
// session by its bearer token instead, so refresh checks it is there itself.
const api::RequestBody &refreshTokenBody();

} // namespace mp::customers
