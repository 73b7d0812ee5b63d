#pragma once

#include "core/error_code.h"

// The HTTP server's own error codes. Each code is declared once, with its category; the category sets the
// HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode BodyTooLarge{"body_too_large", ErrorCategory::PayloadTooLarge};
inline constexpr ErrorCode HeadTooLarge{"head_too_large", ErrorCategory::BadRequest};
inline constexpr ErrorCode LengthRequired{"length_required", ErrorCategory::BadRequest};
inline constexpr ErrorCode RequestTimeout{"request_timeout", ErrorCategory::BadRequest};
inline constexpr ErrorCode TooManyConnections{"too_many_connections", ErrorCategory::RateLimited};
inline constexpr ErrorCode InvalidListen{"invalid_listen", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ListenFailed{"listen_failed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode MethodNotAllowed{"method_not_allowed", ErrorCategory::MethodNotAllowed};
inline constexpr ErrorCode SchemaNotCurrent{"schema_not_current", ErrorCategory::Unavailable};

} // namespace mp::errors
