#pragma once

#include "api/request_body.h"

namespace mp::customers {

// POST /api/auth/login: tenant, email and password, all required.
const api::RequestBody &loginBody();
// POST /api/auth/refresh and /api/auth/logout (RefreshToken). Optional here: logout may name the
// session by its bearer token instead, so refresh checks it is there itself.
const api::RequestBody &refreshTokenBody();
// POST /api/auth/password-reset: the tenant and the account's email.
const api::RequestBody &passwordResetRequestBody();
// POST /api/auth/password-reset/confirm: the tenant, the mailed token and the new password.
const api::RequestBody &passwordResetConfirmBody();

} // namespace mp::customers
