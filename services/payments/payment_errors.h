#pragma once

#include "core/error_code.h"

// Payments' error codes (the Stripe client's own are in stripe/stripe_errors.h). Each code is declared
// once, with its category; the category sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode PaymentProviderError{"payment_provider_error", ErrorCategory::Unprocessable};
inline constexpr ErrorCode PaymentsNotConfigured{"payments_not_configured", ErrorCategory::Unprocessable};
inline constexpr ErrorCode PaymentsUnavailable{"payments_unavailable", ErrorCategory::Unavailable};

} // namespace mp::errors
