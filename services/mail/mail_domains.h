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

struct NewMailDomain {
    QString name;   // as given: checked and lower-cased
    QString hostId; // empty: the tenant's default host
    QString customerId, subscriptionId;
    std::optional<int> maxMailboxes, maxQuotaMb;
    std::optional<int> mailboxSendsPerHour, domainSendsPerHour;
};

// What a change of a domain sets; an empty optional keeps the value.
struct MailDomainChange {
    std::optional<QString> catchAll; // "" clears it
    std::optional<QString> dmarcPolicy;
    std::optional<std::optional<int>> maxMailboxes, maxQuotaMb; // inner empty: no limit
    std::optional<std::optional<int>> mailboxSendsPerHour, domainSendsPerHour;
    std::optional<QString> status; // active or suspended
};

// Mail domains: putting one on a host makes its first DKIM key and publishes its DNS records in
// the same transaction; deleting one takes it off the host at once (its mail is refused) and
// leaves removing its mail data to a mail.remove_domain job.
class MailDomains {
public:
    static Result<MailDomain> find(const QSqlDatabase &db, const QString &name);
    static Result<MailDomain> findById(const QSqlDatabase &db, const QString &id);
    static Result<std::optional<MailDomain>> forSubscription(const QSqlDatabase &db,
                                                             const QString &subscriptionId);
    // customerId empty: all of the tenant's; by name, after `after` (keyset paging).
    static Result<QList<MailDomain>> list(const QSqlDatabase &db, const QString &customerId,
                                          const QString &after = {}, int limit = 1000);

    static Result<MailDomain> create(TenantTransaction &tx, const NewMailDomain &domain, const QString &actor,
                                     const QDateTime &now);
    static Result<MailDomain> change(TenantTransaction &tx, const MailDomain &domain,
                                     const MailDomainChange &change, const QString &actor,
                                     const QDateTime &now);
    // The id of the queued mail.remove_domain job.
    static Result<qint64> remove(TenantTransaction &tx, const MailDomain &domain, const QDateTime &now);
    // Queues a new DKIM key for the domain (mail.rotate_dkim, one at a time per domain).
    static Result<qint64> queueRotation(TenantTransaction &tx, const MailDomain &domain);
    // Makes the domain's new active key and publishes it; the key it replaces stays published
    // (retired) until the next rotation, older ones go.
    static Status rotateKey(TenantTransaction &tx, const MailDomain &domain, const QString &actor,
                            const QDateTime &now);

    // Holds the domain's row for this transaction: mailbox limits are counted one writer at a time.
    static Result<MailDomain> lock(const QSqlDatabase &db, const QString &id);
};

} // namespace mp::mail
