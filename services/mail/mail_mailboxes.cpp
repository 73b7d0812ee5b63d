#include "mail/mail_mailboxes.h"

#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "mail/mail_domains.h"
#include "mail/mail_errors.h"
#include "mail/mail_job_queue.h"
#include "mail/mail_names.h"
#include "mail/mail_password.h"
#include "mail/mail_usage.h"

#include <QSqlQuery>

namespace mp::mail {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT m.id, m.domain_id, d.name, d.customer_id, m.local_part, m.quota_mb, m.enabled, m.status, "
    "m.created_at, m.updated_at, h.mail_root FROM mail_mailboxes m JOIN mail_domains d ON d.id = m.domain_id "
    "JOIN mail_hosts h ON h.id = d.host_id ");

Mailbox mailboxFrom(const QSqlQuery &q)
{
    Mailbox m;
    m.id = q.value(0).toString();
    m.domainId = q.value(1).toString();
    m.domain = q.value(2).toString();
    m.customerId = q.value(3).toString();
    m.localPart = q.value(4).toString();
    m.quotaMb = q.value(5).toInt();
    m.enabled = q.value(6).toBool();
    m.status = q.value(7).toString();
    m.createdAt = q.value(8).toDateTime();
    m.updatedAt = q.value(9).toDateTime();
    m.usedBytes = mailboxUsedBytes(q.value(10).toString(), m.domain, m.localPart);
    return m;
}

Status checkQuota(const MailDomain &domain, int quotaMb)
{
    if (quotaMb < 1)
        return makeError(errors::InvalidValue, QStringLiteral("quota_mb is at least 1"),
                         QStringLiteral("quota_mb"));
    if (domain.maxQuotaMb && quotaMb > *domain.maxQuotaMb)
        return makeError(errors::MailQuotaLimit,
                         QStringLiteral("the plan allows at most %1 MB per mailbox").arg(*domain.maxQuotaMb),
                         QStringLiteral("quota_mb"));
    return {};
}

} // namespace

Result<Mailbox> Mailboxes::find(const QSqlDatabase &db, const QString &id)
{
    const Error missing =
        makeError(errors::NotFound, QStringLiteral("no such mailbox"), QStringLiteral("id"));
    if (!isUuid(id))
        return missing;
    auto q = sql::exec(db, kSelect + QStringLiteral("WHERE m.id = ?::uuid"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return missing;
    return mailboxFrom(*q);
}

Result<QList<Mailbox>> Mailboxes::list(const QSqlDatabase &db, const QString &domainId)
{
    auto q = sql::exec(db, kSelect + QStringLiteral("WHERE m.domain_id = ?::uuid ORDER BY m.local_part"),
                       {domainId});
    if (!q)
        return q.error();
    QList<Mailbox> out;
    while (q->next())
        out.append(mailboxFrom(*q));
    return out;
}

Result<Mailbox> Mailboxes::create(TenantTransaction &tx, const MailDomain &domain, const QString &input,
                                  const QString &password, std::optional<int> quotaMb, const QDateTime &now)
{
    auto local = localPart(input, QStringLiteral("local_part"));
    if (!local)
        return local.error();
    auto held = MailDomains::lock(tx.db(), domain.id);
    if (!held)
        return held.error();
    const int quota =
        quotaMb.value_or(held->maxQuotaMb ? qMin(*held->maxQuotaMb, kDefaultQuotaMb) : kDefaultQuotaMb);
    if (auto s = checkQuota(*held, quota); !s)
        return s.error();
    if (held->maxMailboxes && held->mailboxes >= *held->maxMailboxes)
        return makeError(
            errors::MailMailboxLimit,
            QStringLiteral("the plan allows %1 mailboxes on %2").arg(*held->maxMailboxes).arg(held->name),
            QStringLiteral("local_part"));
    auto hash = MailPassword::hash(password, QStringLiteral("password"));
    if (!hash)
        return hash.error();
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("INSERT INTO mail_mailboxes (tenant_id, domain_id, local_part, password_hash, "
                       "quota_mb, created_at, updated_at) VALUES (?::uuid, ?::uuid, ?, ?, ?, "
                       "?::timestamptz, ?::timestamptz) ON CONFLICT DO NOTHING RETURNING id"),
        {tx.tenantId(), domain.id, *local, *hash, quota, now.toUTC(), now.toUTC()});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::MailAddressTaken, QStringLiteral("%1@%2 exists").arg(*local, domain.name),
                         QStringLiteral("local_part"));
    return find(tx.db(), q->value(0).toString());
}

Result<Mailbox> Mailboxes::change(TenantTransaction &tx, const Mailbox &mailbox, const MailboxChange &change,
                                  const QDateTime &now)
{
    auto held = MailDomains::lock(tx.db(), mailbox.domainId);
    if (!held)
        return held.error();
    if (mailbox.status == QLatin1String("deleting"))
        return makeError(errors::MailDomainBusy, QStringLiteral("the mailbox is being deleted"),
                         QStringLiteral("id"));
    if (change.quotaMb) {
        if (auto s = checkQuota(*held, *change.quotaMb); !s)
            return s.error();
    }
    // Staff logins may write the hash but not read it (migration 0027), so the column is only
    // named when it changes.
    QString set = QStringLiteral("quota_mb = ?, enabled = ?, updated_at = ?::timestamptz");
    QVariantList binds{change.quotaMb.value_or(mailbox.quotaMb), change.enabled.value_or(mailbox.enabled),
                       now.toUTC()};
    if (change.password) {
        auto h = MailPassword::hash(*change.password, QStringLiteral("password"));
        if (!h)
            return h.error();
        set += QStringLiteral(", password_hash = ?");
        binds << *h;
    }
    binds << mailbox.id;
    auto q =
        sql::exec(tx.db(), QStringLiteral("UPDATE mail_mailboxes SET %1 WHERE id = ?::uuid").arg(set), binds);
    if (!q)
        return q.error();
    return find(tx.db(), mailbox.id);
}

Result<qint64> Mailboxes::remove(TenantTransaction &tx, const Mailbox &mailbox, const QDateTime &now)
{
    auto q =
        sql::exec(tx.db(),
                  QStringLiteral("UPDATE mail_mailboxes SET status = 'deleting', updated_at = ?::timestamptz "
                                 "WHERE id = ?::uuid"),
                  {now.toUTC(), mailbox.id});
    if (!q)
        return q.error();
    return queueMailJob(tx.db(), tx.tenantId(), kinds::removeMailbox, kMailboxRelatedType, mailbox.id);
}

} // namespace mp::mail
