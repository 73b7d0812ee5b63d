#pragma once

#include "core/error_code.h"

// Notifications' error codes: relay settings and the outbox. Each code is declared once, with its
// category; the category sets the HTTP status (statusForError).
namespace mp::errors {

inline constexpr ErrorCode InvalidAddress{"invalid_address", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidHost{"invalid_host", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InvalidTlsMode{"invalid_tls_mode", ErrorCategory::Unprocessable};
inline constexpr ErrorCode InsecureRelay{"insecure_relay", ErrorCategory::Unprocessable};
inline constexpr ErrorCode MailNotConfigured{"mail_not_configured", ErrorCategory::Conflict};
inline constexpr ErrorCode MailNotRetryable{"mail_not_retryable", ErrorCategory::Conflict};
inline constexpr ErrorCode MailTemplateMissing{"mail_template_missing", ErrorCategory::Internal};
inline constexpr ErrorCode SmtpFailed{"smtp_failed", ErrorCategory::Unavailable};

} // namespace mp::errors
