#pragma once

#include "core/error_code.h"

// Cloud pods' error codes: placement, guests, power, templates. Each code is declared once, with its
// category; the category sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode CloudpodBusy{"cloudpod_busy", ErrorCategory::Unprocessable};
inline constexpr ErrorCode CloudpodGuestMissing{"cloudpod_guest_missing", ErrorCategory::Unprocessable};
inline constexpr ErrorCode CloudpodNoAddress{"cloudpod_no_address", ErrorCategory::Unprocessable};
inline constexpr ErrorCode CloudpodNoCapacity{"cloudpod_no_capacity", ErrorCategory::Unprocessable};
inline constexpr ErrorCode CloudpodResetUnsupported{"cloudpod_reset_unsupported",
                                                    ErrorCategory::Unprocessable};
inline constexpr ErrorCode CloudpodReconcile{"cloudpod_reconcile", ErrorCategory::Unprocessable};
inline constexpr ErrorCode CloudpodVmid{"cloudpod_vmid", ErrorCategory::Unprocessable};
inline constexpr ErrorCode CloudpodScriptFailed{"cloudpod_script_failed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode CloudpodSsh{"cloudpod_ssh", ErrorCategory::Unprocessable};
inline constexpr ErrorCode CloudpodNoMpanelKey{"cloudpod_no_mpanel_key", ErrorCategory::Conflict};
inline constexpr ErrorCode IpPoolOverlap{"ip_pool_overlap", ErrorCategory::Conflict};
inline constexpr ErrorCode UnknownTemplate{"unknown_template", ErrorCategory::Unprocessable};

} // namespace mp::errors
