#pragma once

#include "core/error_code.h"

// Subscriptions' error codes: renewals and plan changes. Each code is declared once, with its category;
// the category sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode AlreadyInvoiced{"already_invoiced", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ChangePending{"change_pending", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidCycle{"invalid_cycle", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidMode{"invalid_mode", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidProduct{"invalid_product", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidSubscription{"invalid_subscription", ErrorCategory::Unprocessable};
inline constexpr ErrorCode NoChange{"no_change", ErrorCategory::Unprocessable};
inline constexpr ErrorCode NoPrice{"no_price", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProductTypeMismatch{"product_type_mismatch", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProductUnavailable{"product_unavailable", ErrorCategory::Unprocessable};
inline constexpr ErrorCode RenewalFailed{"renewal_failed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode RenewalInvoiced{"renewal_invoiced", ErrorCategory::Unprocessable};

} // namespace mp::errors
