#pragma once

#include "core/error_code.h"

// The error codes the Stripe emulator's own checks return: Stripe's codes (stripe.md section 5),
// and the emulator's, where Stripe has no equivalent. Replies pick their HTTP status themselves.
namespace mp::test::stripe_errors {

inline constexpr ErrorCode ResourceMissing{"resource_missing", ErrorCategory::NotFound};
inline constexpr ErrorCode CardDeclined{"card_declined", ErrorCategory::Unprocessable};
inline constexpr ErrorCode PaymentIntentAuthenticationFailure{"payment_intent_authentication_failure",
                                                              ErrorCategory::Unprocessable};
inline constexpr ErrorCode SessionNotOpen{"session_not_open", ErrorCategory::Unprocessable};
inline constexpr ErrorCode CardNumberUnsupported{"card_number_unsupported", ErrorCategory::Unprocessable};
inline constexpr ErrorCode NotLoopback{"not_loopback", ErrorCategory::BadRequest};

} // namespace mp::test::stripe_errors
