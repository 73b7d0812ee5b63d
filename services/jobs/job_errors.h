#pragma once

#include "core/error_code.h"

// The job engine's error codes. The job_* ones are how a handler tells the engine how it ended
// (JobContext::cancelled(), interrupted(), permanent()). Each code is declared once, with its category;
// the category sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode InvalidId{"invalid_id", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidKind{"invalid_kind", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidMaxAttempts{"invalid_max_attempts", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidPriority{"invalid_priority", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidRelated{"invalid_related", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidSetting{"invalid_setting", ErrorCategory::Unprocessable};
inline constexpr ErrorCode JobCancelled{"job_cancelled", ErrorCategory::Unprocessable};
inline constexpr ErrorCode JobInterrupted{"job_interrupted", ErrorCategory::Unprocessable};
inline constexpr ErrorCode JobPermanent{"job_permanent", ErrorCategory::Unprocessable};
inline constexpr ErrorCode JobsUnavailable{"jobs_unavailable", ErrorCategory::Unprocessable};

} // namespace mp::errors
