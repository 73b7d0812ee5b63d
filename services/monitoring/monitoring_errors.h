#pragma once

#include "core/error_code.h"

// Monitoring's error codes. Each code is declared once, with its category; the category sets the
// HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode InvalidExposition{"invalid_exposition", ErrorCategory::Unavailable};
inline constexpr ErrorCode InvalidTarget{"invalid_target", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidRange{"invalid_range", ErrorCategory::Unprocessable};
inline constexpr ErrorCode MonitoringNameTaken{"monitoring_name_taken", ErrorCategory::Conflict};

} // namespace mp::errors
