#pragma once

#include "core/result.h"
#include "mail/mail_rows.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace mp {
class TenantTransaction;
}

namespace mp::mail {

struct MailboxChange {
    std::optional<QString> password;
    std::optional<int> quotaMb;
    std::optional<bool> enabled;
};

// Mailboxes of a domain within its plan's limits (how many, how large), counted with the
// domain's row held so two creations at once cannot both take the last place. A password is
// stored only as its Dovecot hash. Deleting takes the mailbox off the host at once (it can no
// longer log in or receive) and leaves its mail data to a mail.remove_mailbox job.
class Mailboxes {
public:
    static constexpr int kDefaultQuotaMb = 1024;

    static Result<Mailbox> find(const QSqlDatabase &db, const QString &id);
    static Result<QList<Mailbox>> list(const QSqlDatabase &db, const QString &domainId);

    static Result<Mailbox> create(TenantTransaction &tx, const MailDomain &domain, const QString &localPart,
                                  const QString &password, std::optional<int> quotaMb, const QDateTime &now);
    static Result<Mailbox> change(TenantTransaction &tx, const Mailbox &mailbox, const MailboxChange &change,
                                  const QDateTime &now);
    static Result<qint64> remove(TenantTransaction &tx, const Mailbox &mailbox, const QDateTime &now);
};

} // namespace mp::mail
