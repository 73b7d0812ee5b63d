#pragma once

#include "core/error_code.h"

// The catalog's error codes: products, prices, TLDs. Each code is declared once, with its category; the
// category sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode DomainPricesNotAllowed{"domain_prices_not_allowed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DuplicatePrice{"duplicate_price", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidDescription{"invalid_description", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidTld{"invalid_tld", ErrorCategory::Unprocessable};
inline constexpr ErrorCode NegativePrice{"negative_price", ErrorCategory::Unprocessable};
inline constexpr ErrorCode PricesNotAllowed{"prices_not_allowed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode RegisterPriceRequired{"register_price_required", ErrorCategory::Unprocessable};
inline constexpr ErrorCode TemplateNotAllowed{"template_not_allowed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode TemplateRequired{"template_required", ErrorCategory::Unprocessable};
inline constexpr ErrorCode TldNotAllowed{"tld_not_allowed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode TldTaken{"tld_taken", ErrorCategory::Conflict};
inline constexpr ErrorCode UnknownAction{"unknown_action", ErrorCategory::Unprocessable};
inline constexpr ErrorCode UnknownType{"unknown_type", ErrorCategory::Unprocessable};
inline constexpr ErrorCode UnknownVisibility{"unknown_visibility", ErrorCategory::Unprocessable};

} // namespace mp::errors
