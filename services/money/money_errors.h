#pragma once

#include "core/error_code.h"

// Money's error codes: parsing amounts and arithmetic. Each code is declared once, with its category; the
// category sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode CurrencyMismatch{"currency_mismatch", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidAmount{"invalid_amount", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidArgument{"invalid_argument", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidCurrency{"invalid_currency", ErrorCategory::Unprocessable};
inline constexpr ErrorCode Overflow{"overflow", ErrorCategory::Unprocessable};
inline constexpr ErrorCode TooManyDecimals{"too_many_decimals", ErrorCategory::Unprocessable};

} // namespace mp::errors
