#include "mail/mail_domains.h"

#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "mail/mail_dkim.h"
#include "mail/mail_dns.h"
#include "mail/mail_errors.h"
#include "mail/mail_hosts.h"
#include "mail/mail_job_queue.h"
#include "mail/mail_names.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace mp::mail {

namespace {

const QString kSelect = QStringLiteral(
    "SELECT d.id, d.host_id, h.name, h.mx_host, h.mail_root, d.name, d.customer_id, c.name, "
    "d.subscription_id, "
    "d.status, d.max_mailboxes, d.max_quota_mb, d.catch_all, d.dmarc_policy, k.selector, k.public_key, "
    "(SELECT count(*) FROM mail_mailboxes m WHERE m.domain_id = d.id AND m.status = 'active'), "
    "d.created_at, d.updated_at, d.mailbox_sends_per_hour, d.domain_sends_per_hour, d.dns_health::text, "
    "d.dns_checked_at "
    "FROM mail_domains d JOIN mail_hosts h ON h.id = d.host_id "
    "LEFT JOIN customers c ON c.id = d.customer_id "
    "LEFT JOIN mail_dkim_keys k ON k.domain_id = d.id AND k.status = 'active' ");

std::optional<int> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<int>(v.toInt());
}

QVariant nullable(const std::optional<int> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<int>());
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

MailDomain domainFrom(const QSqlQuery &q)
{
    MailDomain d;
    d.id = q.value(0).toString();
    d.hostId = q.value(1).toString();
    d.hostName = q.value(2).toString();
    d.mxHost = q.value(3).toString();
    d.mailRoot = q.value(4).toString();
    d.name = q.value(5).toString();
    d.customerId = q.value(6).toString();
    d.customerName = q.value(7).toString();
    d.subscriptionId = q.value(8).toString();
    d.status = q.value(9).toString();
    d.maxMailboxes = optionalInt(q.value(10));
    d.maxQuotaMb = optionalInt(q.value(11));
    d.catchAll = q.value(12).toString();
    d.dmarcPolicy = q.value(13).toString();
    d.dkimSelector = q.value(14).toString();
    d.dkimPublicKey = q.value(15).toString();
    d.mailboxes = q.value(16).toInt();
    d.createdAt = q.value(17).toDateTime();
    d.updatedAt = q.value(18).toDateTime();
    d.mailboxSendsPerHour = optionalInt(q.value(19));
    d.domainSendsPerHour = optionalInt(q.value(20));
    d.dnsHealth = QJsonDocument::fromJson(q.value(21).toString().toUtf8()).object();
    d.dnsCheckedAt = q.value(22).toDateTime();
    return d;
}

Result<MailDomain> one(const QSqlDatabase &db, const QString &where, const QVariantList &binds,
                       const QString &field)
{
    auto q = sql::exec(db, kSelect + where, binds);
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::NotFound, QStringLiteral("no such mail domain"), field);
    return domainFrom(*q);
}

// A new active key for the domain, stored and published; returns its id.
Status addKey(TenantTransaction &tx, const QString &domainId, const QString &domainName, const QString &actor,
              const QDateTime &now)
{
    auto pair = Dkim::generate(now);
    if (!pair)
        return pair.error();
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("INSERT INTO mail_dkim_keys (tenant_id, domain_id, selector, private_key, "
                       "public_key, status, created_at) VALUES (?::uuid, ?::uuid, ?, ?, ?, 'active', "
                       "?::timestamptz) RETURNING id"),
        {tx.tenantId(), domainId, pair->selector, pair->privatePem, pair->publicKey, now.toUTC()});
    if (!q)
        return q.error();
    q->next();
    return MailDns::publishKey(tx, domainName, q->value(0).toString(), pair->selector, pair->publicKey, actor,
                               now);
}

} // namespace

Result<MailDomain> MailDomains::find(const QSqlDatabase &db, const QString &name)
{
    return one(db, QStringLiteral("WHERE d.name = ?"), {name}, QStringLiteral("domain"));
}

Result<MailDomain> MailDomains::findById(const QSqlDatabase &db, const QString &id)
{
    if (!isUuid(id))
        return makeError(errors::NotFound, QStringLiteral("no such mail domain"), QStringLiteral("id"));
    return one(db, QStringLiteral("WHERE d.id = ?::uuid"), {id}, QStringLiteral("id"));
}

Result<std::optional<MailDomain>> MailDomains::forSubscription(const QSqlDatabase &db,
                                                               const QString &subscriptionId)
{
    auto found = one(db, QStringLiteral("WHERE d.subscription_id = ?::uuid"), {subscriptionId}, QString());
    if (found)
        return std::optional<MailDomain>(*found);
    if (found.error().code == errors::NotFound)
        return std::optional<MailDomain>();
    return found.error();
}

Result<QList<MailDomain>> MailDomains::list(const QSqlDatabase &db, const QString &customerId,
                                            const QString &after, int limit)
{
    auto q = sql::exec(db,
                       kSelect +
                           QStringLiteral("WHERE (?::uuid IS NULL OR d.customer_id = ?::uuid) AND d.name > ? "
                                          "ORDER BY d.name LIMIT ?"),
                       {nullIfEmpty(customerId), nullIfEmpty(customerId), after, qBound(1, limit, 1000)});
    if (!q)
        return q.error();
    QList<MailDomain> out;
    while (q->next())
        out.append(domainFrom(*q));
    return out;
}

Result<MailDomain> MailDomains::create(TenantTransaction &tx, const NewMailDomain &input,
                                       const QString &actor, const QDateTime &now)
{
    auto name = mailDomainName(input.name, QStringLiteral("name"));
    if (!name)
        return name.error();
    auto host = MailHosts::pick(tx.db(), input.hostId);
    if (!host)
        return host.error();
    if (!input.customerId.isEmpty()) {
        auto known = sql::exec(tx.db(), QStringLiteral("SELECT 1 FROM customers WHERE id = ?::uuid"),
                               {input.customerId});
        if (!known)
            return known.error();
        if (!known->next())
            return makeError(errors::NotFound, QStringLiteral("no such customer"),
                             QStringLiteral("customer_id"));
    }
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("INSERT INTO mail_domains (tenant_id, host_id, name, customer_id, "
                       "subscription_id, max_mailboxes, max_quota_mb, mailbox_sends_per_hour, "
                       "domain_sends_per_hour, created_at, updated_at) "
                       "VALUES (?::uuid, ?::uuid, ?, ?::uuid, ?::uuid, ?, ?, ?, ?, ?::timestamptz, "
                       "?::timestamptz) ON CONFLICT DO NOTHING RETURNING id"),
        {tx.tenantId(), *host, *name, nullIfEmpty(input.customerId), nullIfEmpty(input.subscriptionId),
         nullable(input.maxMailboxes), nullable(input.maxQuotaMb), nullable(input.mailboxSendsPerHour),
         nullable(input.domainSendsPerHour), now.toUTC(), now.toUTC()});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::MailDomainExists, QStringLiteral("%1 is a mail domain already").arg(*name),
                         QStringLiteral("name"));
    const QString id = q->value(0).toString();
    if (auto s = addKey(tx, id, *name, actor, now); !s)
        return s.error();
    auto made = findById(tx.db(), id);
    if (!made)
        return made.error();
    if (auto s = MailDns::publish(tx, *made, actor, now); !s)
        return s.error();
    return made;
}

Result<MailDomain> MailDomains::lock(const QSqlDatabase &db, const QString &id)
{
    auto q =
        sql::exec(db, QStringLiteral("SELECT status FROM mail_domains WHERE id = ?::uuid FOR UPDATE"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::NotFound, QStringLiteral("no such mail domain"), QStringLiteral("domain"));
    if (q->value(0).toString() == QLatin1String("deleting"))
        return makeError(errors::MailDomainBusy, QStringLiteral("the mail domain is being deleted"),
                         QStringLiteral("domain"));
    return findById(db, id);
}

Result<MailDomain> MailDomains::change(TenantTransaction &tx, const MailDomain &domain,
                                       const MailDomainChange &c, const QString &actor, const QDateTime &now)
{
    auto held = lock(tx.db(), domain.id);
    if (!held)
        return held.error();
    QString catchAll = held->catchAll;
    if (c.catchAll) {
        if (c.catchAll->isEmpty()) {
            catchAll.clear();
        } else {
            auto address = mailAddress(*c.catchAll, QStringLiteral("catch_all"));
            if (!address)
                return address.error();
            catchAll = *address;
        }
    }
    const std::optional<int> maxMailboxes = c.maxMailboxes ? *c.maxMailboxes : held->maxMailboxes;
    const std::optional<int> maxQuota = c.maxQuotaMb ? *c.maxQuotaMb : held->maxQuotaMb;
    const std::optional<int> mailboxSends =
        c.mailboxSendsPerHour ? *c.mailboxSendsPerHour : held->mailboxSendsPerHour;
    const std::optional<int> domainSends =
        c.domainSendsPerHour ? *c.domainSendsPerHour : held->domainSendsPerHour;
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("UPDATE mail_domains SET catch_all = ?, dmarc_policy = ?, max_mailboxes = ?, "
                       "max_quota_mb = ?, mailbox_sends_per_hour = ?, domain_sends_per_hour = ?, status = ?, "
                       "updated_at = ?::timestamptz WHERE id = ?::uuid"),
        {nullIfEmpty(catchAll), c.dmarcPolicy.value_or(held->dmarcPolicy), nullable(maxMailboxes),
         nullable(maxQuota), nullable(mailboxSends), nullable(domainSends), c.status.value_or(held->status),
         now.toUTC(), domain.id});
    if (!q)
        return q.error();
    auto changed = findById(tx.db(), domain.id);
    if (!changed)
        return changed.error();
    if (c.dmarcPolicy && *c.dmarcPolicy != held->dmarcPolicy) {
        if (auto s = MailDns::publish(tx, *changed, actor, now); !s)
            return s.error();
    }
    return changed;
}

Result<qint64> MailDomains::remove(TenantTransaction &tx, const MailDomain &domain, const QDateTime &now)
{
    for (const QString &statement :
         {QStringLiteral(
              "UPDATE mail_domains SET status = 'deleting', updated_at = ?::timestamptz WHERE id = ?::uuid"),
          QStringLiteral("UPDATE mail_mailboxes SET status = 'deleting', updated_at = ?::timestamptz "
                         "WHERE domain_id = ?::uuid")}) {
        if (auto q = sql::exec(tx.db(), statement, {now.toUTC(), domain.id}); !q)
            return q.error();
    }
    return queueMailJob(tx.db(), tx.tenantId(), kinds::removeDomain, kDomainRelatedType, domain.id);
}

Result<qint64> MailDomains::queueRotation(TenantTransaction &tx, const MailDomain &domain)
{
    if (domain.status == QLatin1String("deleting"))
        return makeError(errors::MailDomainBusy, QStringLiteral("the mail domain is being deleted"),
                         QStringLiteral("domain"));
    return queueMailJob(tx.db(), tx.tenantId(), kinds::rotateDkim, kDomainRelatedType, domain.id);
}

Status MailDomains::rotateKey(TenantTransaction &tx, const MailDomain &domain, const QString &actor,
                              const QDateTime &now)
{
    // Keys retired by the rotation before this one have had a whole rotation to drain: they go.
    auto old = sql::exec(
        tx.db(),
        QStringLiteral("DELETE FROM mail_dkim_keys WHERE domain_id = ?::uuid AND status = 'retired' "
                       "RETURNING id"),
        {domain.id});
    if (!old)
        return old.error();
    while (old->next()) {
        if (auto s = MailDns::unpublishKey(tx, old->value(0).toString(), actor, now); !s)
            return s;
    }
    if (auto q =
            sql::exec(tx.db(),
                      QStringLiteral("UPDATE mail_dkim_keys SET status = 'retired' WHERE domain_id = ?::uuid "
                                     "AND status = 'active'"),
                      {domain.id});
        !q)
        return q.error();
    return addKey(tx, domain.id, domain.name, actor, now);
}

} // namespace mp::mail
