#pragma once

#include "core/error_code.h"

// Provisioning's error codes: what a product type refuses on an order line, where both checkout and the
// module that owns the type answer with it. Each code is declared once, with its category; the category
// sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode InvalidHostname{"invalid_hostname", ErrorCategory::Unprocessable};

} // namespace mp::errors
