#pragma once

#include "core/error_code.h"

// Tenancy's error codes: staff logins and tenants. Each code is declared once, with its category; the
// category sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode InvalidLogin{"invalid_login", ErrorCategory::Unprocessable};
inline constexpr ErrorCode LoginTaken{"login_taken", ErrorCategory::Conflict};

} // namespace mp::errors
