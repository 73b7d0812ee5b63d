#include "domains/domain_jobs.h"

#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "dns/dns_settings.h"
#include "domains/domain.h"
#include "domains/domain_jobs_queue.h"
#include "domains/domain_store.h"
#include "domains/domains_errors.h"
#include "domains/registrar_accounts.h"
#include "jobs/job_context.h"
#include "jobs/jobs.h"
#include "module/domain_events.h"

#include <QJsonArray>
#include <QSqlQuery>

namespace mp::domains {

namespace {

const auto kRegistrant = QStringLiteral(R"sql(
SELECT name, email, company, address_line1, address_line2, city, region, postal_code, coalesce(country, '')
FROM customers WHERE id = ?::uuid
)sql");

// Another live domain of the tenant with the same name: the registrar account holds one.
const auto kHeldElsewhere = QStringLiteral(R"sql(
SELECT 1 FROM domains WHERE name = ? AND id <> ?::uuid
  AND status IN ('active', 'transfer_pending', 'grace', 'redemption')
)sql");

// One job run's view: the domain (locked for the run), its registrar, and how it ends.
class DomainRun {
public:
    explicit DomainRun(JobContext &ctx) : m_ctx(ctx) {}

    // Opens the job's transaction, locks the domain and opens the tenant's registrar.
    Status open()
    {
        const QString id = m_ctx.payload().value(QStringLiteral("domain_id")).toString();
        if (id.isEmpty())
            return JobContext::permanent(QStringLiteral("the payload names no domain_id"));
        auto db = m_ctx.db();
        if (!db)
            return db.error();
        m_db = *db;
        auto d = DomainStore::find(m_db, id, true);
        if (!d)
            return d.error().code == errors::DomainsNotFound ? JobContext::permanent(d.error().message)
                                                             : d.error();
        domain = *d;
        return {};
    }

    Status openRegistrar()
    {
        auto registrar = RegistrarAccounts::open(m_db, [this] { return m_ctx.stopRequested(); });
        if (!registrar)
            return registrar.error();
        m_registrar = std::move(*registrar);
        return {};
    }

    Registrar &registrar() { return *m_registrar; }
    const QSqlDatabase &db() const { return m_db; }
    JobContext &ctx() { return m_ctx; }

    // Records what the registrar holds as the domain's state.
    Status record(const RegistrarDomain &info, const QString &status = domain_status::active)
    {
        m_ctx.log(QStringLiteral("%1 at %2: expires %3, name servers %4")
                      .arg(domain.name, registrar().id(), info.expires.toString(Qt::ISODate),
                           info.nameservers.join(QStringLiteral(", "))));
        if (auto s = DomainStore::recordActive(m_db, domain.id, status, info.created, info.expires,
                                               info.nameservers, info.locked, info.privacy, info.autoRenew,
                                               m_ctx.now());
            !s)
            return s;
        if (status != domain_status::active)
            return {};
        // Listeners (AutoSSL) take a repeat for the same domain as nothing new.
        events::DomainEvent event;
        event.name = events::DomainActive;
        event.customerId = domain.customerId;
        event.subjectId = domain.id;
        event.data = {{QStringLiteral("name"), domain.name}};
        TenantTransaction tx = TenantTransaction::adopt(m_db, m_ctx.tenantId());
        return events::DomainEvents::announce(tx, event, m_ctx.now());
    }

    // A registrar failure: "try again later" is retried while attempts remain; anything else,
    // and the last attempt, is recorded on the domain (status `failedStatus`, empty: keep it)
    // with the registrar's words, and the job ends.
    Status failure(const Error &error, const QString &failedStatus)
    {
        const bool retry =
            (error.code == errors::DomainsRegistrarUnavailable || error.code == errors::DomainsNoRegistrar) &&
            !m_ctx.lastAttempt();
        if (retry)
            return error;
        m_ctx.log(QStringLiteral("%1: %2").arg(domain.name, error.message));
        if (failedStatus.isEmpty())
            return DomainStore::setLastError(m_db, domain.id, error.message, m_ctx.now());
        return DomainStore::setStatus(m_db, domain.id, failedStatus, error.message, m_ctx.now());
    }

    Result<DomainOrder> order()
    {
        DomainOrder o;
        o.name = domain.name;
        o.years = domain.years;
        o.autoRenew = false; // mPanel renews through the customer's invoices
        auto settings = dns::DnsSettingsStore::read(m_db);
        if (!settings)
            return settings.error();
        for (QString ns : settings->nameservers) {
            if (ns.endsWith(u'.'))
                ns.chop(1);
            o.nameservers << ns;
        }
        auto q = sql::exec(m_db, kRegistrant, {domain.customerId});
        if (!q)
            return q.error();
        if (q->next()) {
            Registrant &r = o.registrant;
            const QString name = q->value(0).toString().simplified();
            r.firstName = name.section(u' ', 0, -2);
            r.lastName = name.section(u' ', -1);
            if (r.firstName.isEmpty())
                r.firstName = r.lastName;
            r.email = q->value(1).toString();
            r.company = q->value(2).toString();
            r.address = q->value(3).toString();
            r.address2 = q->value(4).toString();
            r.city = q->value(5).toString();
            r.region = q->value(6).toString();
            r.postalCode = q->value(7).toString();
            r.country = q->value(8).toString();
        }
        if (!domain.orderItemId.isEmpty()) {
            auto item =
                sql::exec(m_db,
                          QStringLiteral("SELECT coalesce(options->>'auth_code', '') FROM order_items "
                                         "WHERE id = ?::uuid"),
                          {domain.orderItemId});
            if (!item)
                return item.error();
            if (item->next())
                o.authCode = item->value(0).toString();
        }
        return o;
    }

    Domain domain;

private:
    JobContext &m_ctx;
    QSqlDatabase m_db;
    std::unique_ptr<Registrar> m_registrar;
};

int transferPollSeconds()
{
    bool ok = false;
    const int s = qEnvironmentVariableIntValue("MPANEL_DOMAINS_TRANSFER_POLL_SECONDS", &ok);
    return ok && s > 0 ? s : 3600;
}

Status queueTransferPoll(DomainRun &run)
{
    JobSpec spec;
    spec.tenantId = run.ctx().tenantId();
    spec.kind = kinds::transferStatus;
    spec.payload = {{QStringLiteral("domain_id"), run.domain.id}};
    spec.runAt = run.ctx().now().addSecs(transferPollSeconds());
    // One poll after another: each is its own job, keyed by when it runs.
    spec.uniqueKey =
        QStringLiteral("%1:%2:%3")
            .arg(kinds::transferStatus, run.domain.id, QString::number(spec.runAt.toMSecsSinceEpoch()));
    spec.maxAttempts = 10;
    spec.relatedType = kRelatedType;
    spec.relatedId = run.domain.id;
    auto job = Jobs::enqueue(run.db(), spec);
    if (!job)
        return job.error();
    return {};
}

Status sendTransfer(DomainRun &run)
{
    // Sent once: a transfer the registrar already knows is not sent again.
    auto known = run.registrar().transferStatus(run.domain.name);
    if (!known && known.error().code == errors::DomainsRegistrarUnavailable)
        return run.failure(known.error(), {});
    if (!known) {
        auto order = run.order();
        if (!order)
            return order.error();
        if (order->authCode.isEmpty())
            return run.failure(makeError(errors::DomainsRegistrarRefused,
                                         QStringLiteral("the transfer has no EPP code (options.auth_code)")),
                               domain_status::transferFailed);
        auto sent = run.registrar().transfer(*order);
        if (!sent)
            return run.failure(sent.error(), domain_status::transferFailed);
        run.ctx().log(QStringLiteral("transfer of %1 sent to %2").arg(run.domain.name, run.registrar().id()));
    }
    // The EPP code has done its work: nothing keeps it.
    auto cleared = sql::exec(
        run.db(), QStringLiteral("UPDATE order_items SET options = options - 'auth_code' WHERE id = ?::uuid"),
        {run.domain.orderItemId});
    if (!cleared)
        return cleared.error();
    if (auto s = DomainStore::setStatus(run.db(), run.domain.id, domain_status::transferPending, {},
                                        run.ctx().now());
        !s)
        return s;
    return queueTransferPoll(run);
}

} // namespace

Status registerDomainJob(JobContext &ctx)
{
    DomainRun run(ctx);
    if (auto s = run.open(); !s)
        return s;
    if (run.domain.status != domain_status::pending) {
        ctx.log(QStringLiteral("%1 is %2: nothing to register").arg(run.domain.name, run.domain.status));
        return {};
    }
    auto held = sql::exec(run.db(), kHeldElsewhere, {run.domain.name, run.domain.id});
    if (!held)
        return held.error();
    if (held->next())
        return run.failure(
            makeError(errors::DomainsRegistrarRefused,
                      QStringLiteral("%1 is already held for another order").arg(run.domain.name)),
            domain_status::registrationFailed);
    if (auto s = run.openRegistrar(); !s)
        return run.failure(s.error(), domain_status::registrationFailed);

    // Look before acting: registering and transferring are not safe to repeat.
    auto info = run.registrar().domainInfo(run.domain.name);
    if (info) {
        ctx.log(QStringLiteral("%1 is already in the %2 account: recorded, not registered again")
                    .arg(run.domain.name, run.registrar().id()));
        return run.record(*info);
    }
    if (info.error().code != errors::DomainsNotAtRegistrar)
        return run.failure(info.error(), domain_status::registrationFailed);
    if (run.domain.origin == QLatin1String("transfer"))
        return sendTransfer(run);

    auto order = run.order();
    if (!order)
        return order.error();
    auto registered = run.registrar().registerDomain(*order);
    if (!registered)
        return run.failure(registered.error(), domain_status::registrationFailed);
    ctx.log(QStringLiteral("registered %1 for %2 year(s) at %3")
                .arg(run.domain.name)
                .arg(run.domain.years)
                .arg(run.registrar().id()));
    // If this look fails the job runs again, finds the name in the account and records it.
    info = run.registrar().domainInfo(run.domain.name);
    if (!info)
        return info.error();
    return run.record(*info);
}

Status renewDomainJob(JobContext &ctx)
{
    DomainRun run(ctx);
    if (auto s = run.open(); !s)
        return s;
    const int years = ctx.payload().value(QStringLiteral("years")).toInt(1);
    const QDate from =
        QDate::fromString(ctx.payload().value(QStringLiteral("from_expiry")).toString(), Qt::ISODate);
    if (auto s = run.openRegistrar(); !s)
        return run.failure(s.error(), {});
    auto info = run.registrar().domainInfo(run.domain.name);
    if (!info)
        return run.failure(info.error(), {});
    if (from.isValid() && info->expires >= from.addYears(years)) {
        ctx.log(QStringLiteral("%1 already renewed to %2: not renewed again")
                    .arg(run.domain.name, info->expires.toString(Qt::ISODate)));
        return run.record(*info);
    }
    auto renewed = run.registrar().renew(run.domain.name, years);
    if (!renewed)
        return run.failure(renewed.error(), {});
    ctx.log(QStringLiteral("renewed %1 for %2 year(s)").arg(run.domain.name).arg(years));
    info = run.registrar().domainInfo(run.domain.name);
    if (!info)
        return info.error();
    return run.record(*info);
}

Status transferStatusJob(JobContext &ctx)
{
    DomainRun run(ctx);
    if (auto s = run.open(); !s)
        return s;
    if (run.domain.status != domain_status::transferPending)
        return {};
    if (auto s = run.openRegistrar(); !s)
        return run.failure(s.error(), {});
    auto state = run.registrar().transferStatus(run.domain.name);
    if (!state)
        return run.failure(state.error(), {});
    ctx.log(QStringLiteral("transfer of %1: %2").arg(run.domain.name, state->message));
    switch (state->phase) {
    case TransferState::Phase::Pending:
        return queueTransferPoll(run);
    case TransferState::Phase::Failed:
        return DomainStore::setStatus(run.db(), run.domain.id, domain_status::transferFailed, state->message,
                                      ctx.now());
    case TransferState::Phase::Completed:
        break;
    }
    auto info = run.registrar().domainInfo(run.domain.name);
    if (!info)
        return info.error();
    return run.record(*info);
}

Status registrarChangeJob(JobContext &ctx)
{
    DomainRun run(ctx);
    if (auto s = run.open(); !s)
        return s;
    if (auto s = run.openRegistrar(); !s)
        return run.failure(s.error(), {});
    const QString action = ctx.payload().value(QStringLiteral("action")).toString();
    Status done;
    if (action == QLatin1String("nameservers")) {
        QStringList ns;
        for (const QJsonValue &v : ctx.payload().value(QStringLiteral("nameservers")).toArray())
            ns << v.toString();
        done = run.registrar().setNameservers(run.domain.name, ns);
    } else if (action == QLatin1String("lock") || action == QLatin1String("unlock")) {
        done = run.registrar().setLocked(run.domain.name, action == QLatin1String("lock"));
    } else if (action == QLatin1String("auth_code")) {
        done = run.registrar().requestAuthCode(run.domain.name);
    } else if (action == QLatin1String("dnssec")) {
        auto ds = sql::exec(run.db(), QStringLiteral("SELECT ds_records FROM dns_zones WHERE id = ?::uuid"),
                            {run.domain.zoneId.isEmpty() ? QVariant() : run.domain.zoneId});
        if (!ds)
            return ds.error();
        QStringList records;
        if (ds->next()) {
            const QString text = ds->value(0).toString();
            // text[] as PostgreSQL writes it: {"12345 13 2 ABCD",...}
            QString inner = text.mid(1, text.size() - 2);
            for (QString r : inner.split(QStringLiteral("\","), Qt::SkipEmptyParts)) {
                r.remove(u'"');
                records << r.trimmed();
            }
        }
        if (records.isEmpty())
            return run.failure(
                makeError(errors::DomainsRegistrarRefused,
                          QStringLiteral("the zone of %1 is not signed: no DS record to hand over")
                              .arg(run.domain.name)),
                {});
        for (const QString &r : std::as_const(records)) {
            const auto parsed = DsRecord::parse(r);
            if (!parsed)
                continue;
            if (done = run.registrar().addDs(run.domain.name, *parsed); !done)
                break;
            ctx.log(QStringLiteral("DS %1 handed to %2").arg(r, run.registrar().id()));
        }
    } else {
        return JobContext::permanent(QStringLiteral("unknown action '%1'").arg(action));
    }
    if (!done)
        return run.failure(done.error(), {});
    ctx.log(QStringLiteral("%1: %2 done at %3").arg(run.domain.name, action, run.registrar().id()));
    auto info = run.registrar().domainInfo(run.domain.name);
    if (!info)
        return info.error();
    return run.record(*info, run.domain.status);
}

} // namespace mp::domains
