#pragma once

#include "core/error_code.h"

// The mail hosting module's error codes, each with its category (and so its HTTP status).
namespace mp::errors {

inline constexpr ErrorCode MailInvalidAddress{"mail_invalid_address", ErrorCategory::Unprocessable};
inline constexpr ErrorCode MailInvalidDomain{"mail_invalid_domain", ErrorCategory::Unprocessable};
inline constexpr ErrorCode MailInvalidLocalPart{"mail_invalid_local_part", ErrorCategory::Unprocessable};
inline constexpr ErrorCode MailDomainExists{"mail_domain_exists", ErrorCategory::Conflict};
inline constexpr ErrorCode MailAddressTaken{"mail_address_taken", ErrorCategory::Conflict};
inline constexpr ErrorCode MailDomainBusy{"mail_domain_busy", ErrorCategory::Conflict};
inline constexpr ErrorCode MailNoHost{"mail_no_host", ErrorCategory::Unprocessable};
inline constexpr ErrorCode MailHostExists{"mail_host_exists", ErrorCategory::Conflict};
inline constexpr ErrorCode MailMailboxLimit{"mail_mailbox_limit", ErrorCategory::Unprocessable};
inline constexpr ErrorCode MailQuotaLimit{"mail_quota_limit", ErrorCategory::Unprocessable};
inline constexpr ErrorCode MailWeakPassword{"mail_weak_password", ErrorCategory::Unprocessable};
inline constexpr ErrorCode MailNotEmailProduct{"mail_not_email_product", ErrorCategory::Unprocessable};
inline constexpr ErrorCode MailDnsUnanswered{"mail_dns_unanswered", ErrorCategory::Unavailable};

} // namespace mp::errors
