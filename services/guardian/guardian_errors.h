#pragma once

#include "core/error_code.h"

// Guardian's error codes. Each code is declared once, with its category; the category sets the
// HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode InvalidLogSource{"invalid_log_source", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidAddress{"invalid_address", ErrorCategory::Unprocessable};
inline constexpr ErrorCode GuardianSourceTaken{"guardian_source_taken", ErrorCategory::Conflict};
inline constexpr ErrorCode AllowlistEntryTaken{"allowlist_entry_taken", ErrorCategory::Conflict};
inline constexpr ErrorCode RemediationDecided{"remediation_decided", ErrorCategory::Conflict};
inline constexpr ErrorCode FindingResolved{"finding_resolved", ErrorCategory::Conflict};

} // namespace mp::errors
