#include "mail/mail_jobs.h"

#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/job_context.h"
#include "mail/mail_dns.h"
#include "mail/mail_domains.h"

#include <QDir>
#include <QSqlQuery>

namespace mp::mail {

namespace {

QString actorOf(const JobContext &ctx)
{
    return QStringLiteral("job %1").arg(ctx.jobId());
}

// Removes a directory under the host's mail root; the names come from checked columns (no '/',
// no '..'), and the path is checked again to stay under the root.
Status removeTree(JobContext &ctx, const QString &root, const QStringList &parts)
{
    const QString base = QDir::cleanPath(root);
    const QString path = QDir::cleanPath(base + u'/' + parts.join(u'/'));
    if (!path.startsWith(base + u'/'))
        return JobContext::permanent(QStringLiteral("refusing to remove %1: not under %2").arg(path, base));
    QDir dir(path);
    if (!dir.exists())
        return {};
    if (!dir.removeRecursively())
        return makeError(errors::Internal, QStringLiteral("could not remove %1").arg(path));
    ctx.log(QStringLiteral("removed %1").arg(path));
    return {};
}

} // namespace

Status removeMailboxJob(JobContext &ctx)
{
    auto db = ctx.db();
    if (!db)
        return db.error();
    const QString id = ctx.payload().value(QStringLiteral("id")).toString();
    auto q = sql::exec(
        *db,
        QStringLiteral("SELECT h.mail_root, d.name, m.local_part FROM mail_mailboxes m "
                       "JOIN mail_domains d ON d.id = m.domain_id JOIN mail_hosts h ON h.id = d.host_id "
                       "WHERE m.id = ?::uuid AND m.status = 'deleting'"),
        {id});
    if (!q)
        return q.error();
    if (!q->next()) {
        ctx.log(QStringLiteral("mailbox %1 is gone already").arg(id));
        return {};
    }
    if (auto s = removeTree(ctx, q->value(0).toString(), {q->value(1).toString(), q->value(2).toString()});
        !s)
        return s;
    auto gone = sql::exec(*db, QStringLiteral("DELETE FROM mail_mailboxes WHERE id = ?::uuid"), {id});
    if (!gone)
        return gone.error();
    return {};
}

Status removeDomainJob(JobContext &ctx)
{
    auto db = ctx.db();
    if (!db)
        return db.error();
    TenantTransaction tx = TenantTransaction::adopt(*db, ctx.tenantId());
    auto domain = MailDomains::findById(*db, ctx.payload().value(QStringLiteral("id")).toString());
    if (!domain) {
        if (domain.error().code != errors::NotFound)
            return domain.error();
        ctx.log(QStringLiteral("the domain is gone already"));
        return {};
    }
    if (domain->status != QLatin1String("deleting"))
        return JobContext::permanent(QStringLiteral("%1 is not being deleted").arg(domain->name));
    // The whole domain's tree: every mailbox's mail is under it.
    if (auto s = removeTree(ctx, domain->mailRoot, {domain->name}); !s)
        return s;
    if (auto s = MailDns::unpublish(tx, *domain, actorOf(ctx), ctx.now()); !s)
        return s;
    for (const QString &statement : {QStringLiteral("DELETE FROM mail_mailboxes WHERE domain_id = ?::uuid"),
                                     QStringLiteral("DELETE FROM mail_domains WHERE id = ?::uuid")}) {
        if (auto q = sql::exec(*db, statement, {domain->id}); !q)
            return q.error();
    }
    ctx.log(QStringLiteral("mail domain %1 removed").arg(domain->name));
    return {};
}

Status rotateDkimJob(JobContext &ctx)
{
    auto db = ctx.db();
    if (!db)
        return db.error();
    TenantTransaction tx = TenantTransaction::adopt(*db, ctx.tenantId());
    auto domain = MailDomains::findById(*db, ctx.payload().value(QStringLiteral("id")).toString());
    if (!domain)
        return domain.error().code == errors::NotFound
                   ? JobContext::permanent(QStringLiteral("no such mail domain"))
                   : Status(domain.error());
    if (domain->status == QLatin1String("deleting"))
        return JobContext::permanent(QStringLiteral("%1 is being deleted").arg(domain->name));
    if (auto s = MailDomains::rotateKey(tx, *domain, actorOf(ctx), ctx.now()); !s)
        return s;
    ctx.log(QStringLiteral("new DKIM key for %1").arg(domain->name));
    return {};
}

} // namespace mp::mail
