#pragma once

#include "core/error_code.h"

// The SSL module's error codes, each with its category (and so its HTTP status).
namespace mp::errors {

inline constexpr ErrorCode SslCertificateRevoked{"ssl_certificate_revoked", ErrorCategory::Conflict};
inline constexpr ErrorCode SslInstallFailed{"ssl_install_failed", ErrorCategory::Unprocessable};
inline constexpr ErrorCode SslInvalidName{"ssl_invalid_name", ErrorCategory::Unprocessable};
inline constexpr ErrorCode SslKeyVault{"ssl_key_vault", ErrorCategory::Internal};
inline constexpr ErrorCode SslNotIssued{"ssl_not_issued", ErrorCategory::Conflict};
inline constexpr ErrorCode SslWildcardNeedsDns01{"ssl_wildcard_needs_dns01", ErrorCategory::Unprocessable};

} // namespace mp::errors
