#pragma once

#include "core/error_code.h"

// The Proxmox client's error codes: one per ProxmoxError kind (errorKindCode), and its own checks. Each
// code is declared once, with its category; the category sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode ProxmoxAborted{"proxmox_aborted", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProxmoxAuthentication{"proxmox_authentication", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProxmoxBlockingNotAllowed{"proxmox_blocking_not_allowed",
                                                     ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProxmoxInvalidParameters{"proxmox_invalid_parameters",
                                                    ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProxmoxInvalidRequest{"proxmox_invalid_request", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProxmoxInvalidResponse{"proxmox_invalid_response", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProxmoxInvalidSettings{"proxmox_invalid_settings", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProxmoxNetwork{"proxmox_network", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProxmoxNotImplemented{"proxmox_not_implemented", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProxmoxPermission{"proxmox_permission", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProxmoxServerError{"proxmox_server_error", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProxmoxTaskFailed{"proxmox_task_failed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProxmoxTaskTimeout{"proxmox_task_timeout", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProxmoxTimeout{"proxmox_timeout", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProxmoxTls{"proxmox_tls", ErrorCategory::Unprocessable};
inline constexpr ErrorCode ProxmoxVmidExists{"proxmox_vmid_exists", ErrorCategory::Unprocessable};

} // namespace mp::errors
