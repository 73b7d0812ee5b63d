#pragma once

#include "core/error_code.h"

// Billing's error codes: checkout, invoices, credit notes. Each code is declared once, with its category;
// the category sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode CustomerInactive{"customer_inactive", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidDomain{"invalid_domain", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidLine{"invalid_line", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidOptions{"invalid_options", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidNumberFormat{"invalid_number_format", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidQuantity{"invalid_quantity", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidState{"invalid_state", ErrorCategory::Unprocessable};
inline constexpr ErrorCode OverCredit{"over_credit", ErrorCategory::Unprocessable};
inline constexpr ErrorCode PdfUnavailable{"pdf_unavailable", ErrorCategory::Unprocessable};
inline constexpr ErrorCode PriceMissing{"price_missing", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProductRetired{"product_retired", ErrorCategory::Unprocessable};
inline constexpr ErrorCode UnknownCustomer{"unknown_customer", ErrorCategory::Unprocessable};

} // namespace mp::errors
