#pragma once

#include "core/error_code.h"

// The companion service's error codes. Each code is declared once, with its category; the category sets
// the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode SchemaBehind{"schema_behind", ErrorCategory::Unprocessable};

} // namespace mp::errors
