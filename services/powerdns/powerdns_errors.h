#pragma once

#include "core/error_code.h"

// The PowerDNS client's error codes. PowerDNS answers 422 with JSON {"error": "..."} and 400,
// 401, 404 and 409 as plain text; each becomes one code here, with its category.
namespace mp::errors {

inline constexpr ErrorCode PowerdnsAborted{"powerdns_aborted", ErrorCategory::Unprocessable};
inline constexpr ErrorCode PowerdnsAuthentication{"powerdns_authentication", ErrorCategory::Unprocessable};
inline constexpr ErrorCode PowerdnsBadRequest{"powerdns_bad_request", ErrorCategory::Unprocessable};
inline constexpr ErrorCode PowerdnsBlockingNotAllowed{"powerdns_blocking_not_allowed",
                                                      ErrorCategory::Unprocessable};
inline constexpr ErrorCode PowerdnsConflict{"powerdns_conflict", ErrorCategory::Conflict};
inline constexpr ErrorCode PowerdnsInvalidResponse{"powerdns_invalid_response", ErrorCategory::Unprocessable};
inline constexpr ErrorCode PowerdnsInvalidSettings{"powerdns_invalid_settings", ErrorCategory::Unprocessable};
inline constexpr ErrorCode PowerdnsNetwork{"powerdns_network", ErrorCategory::Unprocessable};
inline constexpr ErrorCode PowerdnsNotFound{"powerdns_not_found", ErrorCategory::NotFound};
inline constexpr ErrorCode PowerdnsRejected{"powerdns_rejected", ErrorCategory::Unprocessable};
inline constexpr ErrorCode PowerdnsServerError{"powerdns_server_error", ErrorCategory::Unprocessable};
inline constexpr ErrorCode PowerdnsTimeout{"powerdns_timeout", ErrorCategory::Unprocessable};
inline constexpr ErrorCode PowerdnsTls{"powerdns_tls", ErrorCategory::Unprocessable};

} // namespace mp::errors
