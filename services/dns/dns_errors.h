#pragma once

#include "core/error_code.h"

// The DNS module's error codes, each with its category (and so its HTTP status).
namespace mp::errors {

inline constexpr ErrorCode DnsCnameConflict{"dns_cname_conflict", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DnsInvalidName{"dns_invalid_name", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DnsInvalidRecord{"dns_invalid_record", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DnsInvalidTtl{"dns_invalid_ttl", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DnsInvalidType{"dns_invalid_type", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DnsInvalidZoneFile{"dns_invalid_zone_file", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DnsInvalidChangetype{"dns_invalid_changetype", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DnsInvalidMode{"dns_invalid_mode", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DnsInvalidRole{"dns_invalid_role", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DnsNameOutOfZone{"dns_name_out_of_zone", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DnsNoServer{"dns_no_server", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DnsSandboxNotLoopback{"dns_sandbox_not_loopback", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DnsTooManyChanges{"dns_too_many_changes", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DnsZoneBusy{"dns_zone_busy", ErrorCategory::Conflict};
inline constexpr ErrorCode DnsZoneExists{"dns_zone_exists", ErrorCategory::Conflict};

} // namespace mp::errors
