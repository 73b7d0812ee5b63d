#pragma once

#include "core/error_code.h"

// The Stripe client's error codes: one per stripe::ErrorKind (errorKindCode), the webhook signature
// checks, and the settings. Each code is declared once, with its category; the category sets the HTTP
// status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode StripeAborted{"stripe_aborted", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeApiError{"stripe_api_error", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeAuthenticationError{"stripe_authentication_error",
                                                     ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeBlockingNotAllowed{"stripe_blocking_not_allowed",
                                                    ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeCardError{"stripe_card_error", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeConflict{"stripe_conflict", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeEventInvalid{"stripe_event_invalid", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeIdempotencyError{"stripe_idempotency_error", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeInvalidParams{"stripe_invalid_params", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeInvalidRequest{"stripe_invalid_request", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeInvalidResponse{"stripe_invalid_response", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeNetworkError{"stripe_network_error", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripePermissionError{"stripe_permission_error", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeRateLimit{"stripe_rate_limit", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeSignatureMismatch{"stripe_signature_mismatch", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeSignatureMissing{"stripe_signature_missing", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeSignatureNoTimestamp{"stripe_signature_no_timestamp",
                                                      ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeSignatureNoV1{"stripe_signature_no_v1", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeSignatureStale{"stripe_signature_stale", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeTimeout{"stripe_timeout", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeWebhookBodyEmpty{"stripe_webhook_body_empty", ErrorCategory::Unprocessable};
inline constexpr ErrorCode StripeWebhookSecretMissing{"stripe_webhook_secret_missing",
                                                      ErrorCategory::Unprocessable};

} // namespace mp::errors
