#pragma once

#include "core/error_code.h"

// The console's sign-in error codes. Each code is declared once, with its category; the category sets the
// HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode AuthenticationFailed{"authentication_failed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode NotSignedIn{"not_signed_in", ErrorCategory::Unprocessable};
inline constexpr ErrorCode NotStaff{"not_staff", ErrorCategory::Unprocessable};

} // namespace mp::errors
