#pragma once

#include "core/result.h"
#include "mail/mail_rows.h"

#include <QList>
#include <QSqlDatabase>

namespace mp {
class TenantTransaction;
}

namespace mp::mail {

// Aliases and forwards: an address of the domain that delivers to the listed addresses, the
// domain's mailboxes or anywhere else. Listing the mailbox of the same address keeps a copy.
class MailAliases {
public:
    static constexpr int kMaxDestinations = 50;

    static Result<MailAlias> find(const QSqlDatabase &db, const QString &id);
    static Result<QList<MailAlias>> list(const QSqlDatabase &db, const QString &domainId);
    static Result<MailAlias> create(TenantTransaction &tx, const MailDomain &domain, const QString &localPart,
                                    const QStringList &destinations, const QDateTime &now);
    static Status remove(TenantTransaction &tx, const MailAlias &alias);
};

} // namespace mp::mail
