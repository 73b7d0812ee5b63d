#pragma once

#include "core/error_code.h"

// The Namesilo client's error codes. Namesilo answers HTTP 200 for its own refusals and puts the
// outcome in reply.code: every code outside 300-302 becomes namesilo_rejected with Namesilo's
// detail as the message (the reply code is kept on the call); the rest are transport and shape.
namespace mp::errors {

inline constexpr ErrorCode NamesiloAborted{"namesilo_aborted", ErrorCategory::Unprocessable};
inline constexpr ErrorCode NamesiloBlockingNotAllowed{"namesilo_blocking_not_allowed",
                                                      ErrorCategory::Unprocessable};
inline constexpr ErrorCode NamesiloHttpError{"namesilo_http_error", ErrorCategory::Unprocessable};
inline constexpr ErrorCode NamesiloInvalidResponse{"namesilo_invalid_response", ErrorCategory::Unprocessable};
inline constexpr ErrorCode NamesiloInvalidSettings{"namesilo_invalid_settings", ErrorCategory::Unprocessable};
inline constexpr ErrorCode NamesiloNetwork{"namesilo_network", ErrorCategory::Unprocessable};
inline constexpr ErrorCode NamesiloRejected{"namesilo_rejected", ErrorCategory::Unprocessable};
inline constexpr ErrorCode NamesiloTimeout{"namesilo_timeout", ErrorCategory::Unprocessable};
inline constexpr ErrorCode NamesiloTls{"namesilo_tls", ErrorCategory::Unprocessable};

} // namespace mp::errors
