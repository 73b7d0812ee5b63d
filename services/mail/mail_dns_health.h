#pragma once

#include "core/result.h"
#include "mail/mail_rows.h"

#include <QDateTime>
#include <QJsonObject>

namespace mp {
class TenantTransaction;
}

namespace mp::mail {

// Whether a mail domain's MX, SPF, DKIM and DMARC records are served by the tenant's
// authoritative DNS servers (each enabled server with a dns_address, asked without recursion)
// exactly as mPanel published them, and what to fix where they are not. The answer is stored on
// the domain (dns_health, dns_checked_at) for the console and GET /api/mail/domains/{domain}:
//   {"ok": bool, "checked_at": "...", "servers": ["ns (127.0.0.1:53)"], "problem": "..." (no server),
//    "records": [{"record": "MX|SPF|DKIM|DMARC", "name": "example.com", "type": "MX|TXT",
//                 "expected": "...", "ok": bool, "found": {"<server>": ["..."]}, "fix": "..."}]}
class MailDnsHealth {
public:
    static Result<QJsonObject> check(TenantTransaction &tx, const MailDomain &domain, const QDateTime &now);
};

} // namespace mp::mail
