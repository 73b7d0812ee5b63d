#pragma once

#include "core/result.h"

#include <QDateTime>
#include <QString>

namespace mp {
class TenantTransaction;
}

namespace mp::mail {

struct MailDomain;

// A mail domain's records, published through the DNS module on the tenant's primary PowerDNS
// (the zone is made when missing): MX to the mail host, SPF in the apex TXT set (other TXT
// records there are kept), the DKIM public key at <selector>._domainkey, and DMARC at _dmarc.
// A tenant with no DNS server gets none: mail still works with DNS hosted elsewhere.
class MailDns {
public:
    static inline const QString kSpf = QStringLiteral("v=spf1 mx -all");
    // What publish() puts at the apex (MX) and at _dmarc (TXT, unquoted).
    static QString mxContent(const MailDomain &domain);
    static QString dmarcText(const MailDomain &domain);

    // MX, SPF and DMARC as the domain says now (again after a change of its DMARC policy).
    static Status publish(TenantTransaction &tx, const MailDomain &domain, const QString &actor,
                          const QDateTime &now);
    static Status publishKey(TenantTransaction &tx, const QString &domain, const QString &keyId,
                             const QString &selector, const QString &publicKey, const QString &actor,
                             const QDateTime &now);
    static Status unpublishKey(TenantTransaction &tx, const QString &keyId, const QString &actor,
                               const QDateTime &now);
    // Everything publish() and publishKey() put there goes (SPF leaves the apex TXT set).
    static Status unpublish(TenantTransaction &tx, const MailDomain &domain, const QString &actor,
                            const QDateTime &now);
};

} // namespace mp::mail
