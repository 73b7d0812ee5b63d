#pragma once

#include "core/error_code.h"

// Error codes every module uses. A module's own codes live in its folder (billing/billing_errors.h, ...).
// Each code is declared once, with its category; the category sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode ConfigInvalid{"config_invalid", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ConfigSecretExposed{"config_secret_exposed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ConfigSyntax{"config_syntax", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ConfigUnreadable{"config_unreadable", ErrorCategory::Unprocessable};
inline constexpr ErrorCode Conflict{"conflict", ErrorCategory::Conflict};
inline constexpr ErrorCode DatabaseError{"database_error", ErrorCategory::Internal};
inline constexpr ErrorCode DatabaseUnreachable{"database_unreachable", ErrorCategory::Unprocessable};
inline constexpr ErrorCode Forbidden{"forbidden", ErrorCategory::Forbidden};
inline constexpr ErrorCode Internal{"internal", ErrorCategory::Internal};
inline constexpr ErrorCode InvalidAction{"invalid_action", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidName{"invalid_name", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidParameter{"invalid_parameter", ErrorCategory::BadRequest};
inline constexpr ErrorCode InvalidReason{"invalid_reason", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidStatus{"invalid_status", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidTenant{"invalid_tenant", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidTransition{"invalid_transition", ErrorCategory::Conflict};
inline constexpr ErrorCode InvalidType{"invalid_type", ErrorCategory::BadRequest};
inline constexpr ErrorCode InvalidValue{"invalid_value", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidYears{"invalid_years", ErrorCategory::Unprocessable};
inline constexpr ErrorCode MalformedJson{"malformed_json", ErrorCategory::BadRequest};
inline constexpr ErrorCode MissingField{"missing_field", ErrorCategory::Unprocessable};
inline constexpr ErrorCode NameTaken{"name_taken", ErrorCategory::Conflict};
inline constexpr ErrorCode NotFound{"not_found", ErrorCategory::NotFound};
inline constexpr ErrorCode RateLimited{"rate_limited", ErrorCategory::RateLimited};
inline constexpr ErrorCode Required{"required", ErrorCategory::Unprocessable};
inline constexpr ErrorCode Unauthenticated{"unauthenticated", ErrorCategory::Unauthenticated};
inline constexpr ErrorCode UnknownCycle{"unknown_cycle", ErrorCategory::Unprocessable};
inline constexpr ErrorCode UnknownField{"unknown_field", ErrorCategory::BadRequest};
inline constexpr ErrorCode UnknownParameter{"unknown_parameter", ErrorCategory::BadRequest};
inline constexpr ErrorCode UnknownProduct{"unknown_product", ErrorCategory::Unprocessable};
inline constexpr ErrorCode WeakPassword{"weak_password", ErrorCategory::Unprocessable};

} // namespace mp::errors
