#pragma once

#include "core/error_code.h"

// The customer portal's error codes. Each code is declared once, with its category; the category
// sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode CsrfRejected{"csrf_rejected", ErrorCategory::Forbidden};
inline constexpr ErrorCode NotSignedIn{"not_signed_in", ErrorCategory::Unauthenticated};
inline constexpr ErrorCode PortalNoTenant{"portal_no_tenant", ErrorCategory::Unavailable};
inline constexpr ErrorCode SessionExpired{"session_expired", ErrorCategory::Unauthenticated};

} // namespace mp::errors
