#pragma once

#include "core/error_code.h"

// Customers' error codes: accounts, sign-in, sessions. Each code is declared once, with its category; the
// category sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode AccountDisabled{"account_disabled", ErrorCategory::Forbidden};
inline constexpr ErrorCode EmailTaken{"email_taken", ErrorCategory::Conflict};
inline constexpr ErrorCode InvalidCountry{"invalid_country", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidCredentials{"invalid_credentials", ErrorCategory::Unauthenticated};
inline constexpr ErrorCode InvalidEmail{"invalid_email", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidResetToken{"invalid_reset_token", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidPassword{"invalid_password", ErrorCategory::Unprocessable};
inline constexpr ErrorCode NotACustomerToken{"not_a_customer_token", ErrorCategory::BadRequest};
inline constexpr ErrorCode TokenReused{"token_reused", ErrorCategory::Unprocessable};
inline constexpr ErrorCode UnknownStatus{"unknown_status", ErrorCategory::Unprocessable};
inline constexpr ErrorCode UnknownTenant{"unknown_tenant", ErrorCategory::Unprocessable};

} // namespace mp::errors
