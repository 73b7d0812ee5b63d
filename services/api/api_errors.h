#pragma once

#include "core/error_code.h"

// Error codes of the API's request parsing. Each code is declared once, with its category; the category
// sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode InvalidText{"invalid_text", ErrorCategory::Unprocessable};
inline constexpr ErrorCode TextTooLong{"text_too_long", ErrorCategory::Unprocessable};

} // namespace mp::errors
