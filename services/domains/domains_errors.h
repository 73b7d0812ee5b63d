#pragma once

#include "core/error_code.h"

// The domains module's error codes, each with its category (and so its HTTP status).
namespace mp::errors {

inline constexpr ErrorCode DomainsInvalidName{"domains_invalid_name", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DomainsInvalidNameservers{"domains_invalid_nameservers",
                                                     ErrorCategory::Unprocessable};
inline constexpr ErrorCode DomainsInvalidSearch{"domains_invalid_search", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DomainsNoRegistrar{"domains_no_registrar", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DomainsNotAtRegistrar{"domains_not_at_registrar", ErrorCategory::NotFound};
inline constexpr ErrorCode DomainsNotFound{"domains_not_found", ErrorCategory::NotFound};
inline constexpr ErrorCode DomainsNotActive{"domains_not_active", ErrorCategory::Conflict};
inline constexpr ErrorCode DomainsRegistrarRefused{"domains_registrar_refused", ErrorCategory::Unprocessable};
inline constexpr ErrorCode DomainsRegistrarUnavailable{"domains_registrar_unavailable",
                                                       ErrorCategory::Unavailable};
inline constexpr ErrorCode DomainsSandboxNotLoopback{"domains_sandbox_not_loopback",
                                                     ErrorCategory::Unprocessable};
inline constexpr ErrorCode DomainsUnknownRegistrar{"domains_unknown_registrar", ErrorCategory::Unprocessable};

} // namespace mp::errors
