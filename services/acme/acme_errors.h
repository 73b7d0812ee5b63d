#pragma once

#include "core/error_code.h"

// The ACME client's error codes. A CA's problem document (RFC 8555 section 6.7,
// urn:ietf:params:acme:error:*) becomes one of the acme_* codes below with the CA's words; the
// transport failures are the four every provider has.
namespace mp::errors {

inline constexpr ErrorCode AcmeAborted{"acme_aborted", ErrorCategory::Unprocessable};
inline constexpr ErrorCode AcmeBadNonce{"acme_bad_nonce", ErrorCategory::Unprocessable};
inline constexpr ErrorCode AcmeBlockingNotAllowed{"acme_blocking_not_allowed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode AcmeChallengeFailed{"acme_challenge_failed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode AcmeInvalidResponse{"acme_invalid_response", ErrorCategory::Unprocessable};
inline constexpr ErrorCode AcmeInvalidSettings{"acme_invalid_settings", ErrorCategory::Unprocessable};
inline constexpr ErrorCode AcmeKey{"acme_key", ErrorCategory::Internal};
inline constexpr ErrorCode AcmeNetwork{"acme_network", ErrorCategory::Unprocessable};
inline constexpr ErrorCode AcmeNoAccount{"acme_account_does_not_exist", ErrorCategory::Unprocessable};
inline constexpr ErrorCode AcmeOrderFailed{"acme_order_failed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode AcmeRateLimited{"acme_rate_limited", ErrorCategory::RateLimited};
inline constexpr ErrorCode AcmeRejected{"acme_rejected", ErrorCategory::Unprocessable};
inline constexpr ErrorCode AcmeServerError{"acme_server_error", ErrorCategory::Unprocessable};
inline constexpr ErrorCode AcmeTimeout{"acme_timeout", ErrorCategory::Unprocessable};
inline constexpr ErrorCode AcmeTls{"acme_tls", ErrorCategory::Unprocessable};
inline constexpr ErrorCode AcmeUnauthorized{"acme_unauthorized", ErrorCategory::Unprocessable};

} // namespace mp::errors
