#include "domains/domain_sync.h"

#include "db/sql.h"
#include "domains/domain.h"
#include "domains/domain_store.h"
#include "domains/domains_errors.h"
#include "domains/registrar_accounts.h"
#include "jobs/job_context.h"
#include "money/currency.h"
#include "money/money.h"

#include <QSqlQuery>

namespace mp::domains {

namespace {

const auto kHeld = QStringLiteral("SELECT id::text FROM domains WHERE status IN ('active', 'grace', "
                                  "'redemption') ORDER BY name, id LIMIT 5000");

const auto kFinding = QStringLiteral(R"sql(
INSERT INTO domain_findings (tenant_id, domain_id, kind, detail, first_seen_at, last_seen_at)
VALUES (?::uuid, ?::uuid, ?, left(?, 2000), ?::timestamptz, ?::timestamptz)
ON CONFLICT (domain_id, kind) WHERE resolved_at IS NULL
DO UPDATE SET detail = excluded.detail, last_seen_at = excluded.last_seen_at
)sql");

const auto kResolve = QStringLiteral(
    "UPDATE domain_findings SET resolved_at = ?::timestamptz WHERE domain_id = ?::uuid AND kind = ? AND "
    "resolved_at IS NULL");

// By the expiry date: active -> grace -> redemption -> expired; a domain whose expiry moved
// into the future (renewed) is active again.
const auto kPhases = QStringLiteral(R"sql(
UPDATE domains SET status = CASE
        WHEN expires_on >= ?::date THEN 'active'
        WHEN expires_on + ?::integer >= ?::date THEN 'grace'
        WHEN expires_on + ?::integer >= ?::date THEN 'redemption'
        ELSE 'expired' END,
    updated_at = ?::timestamptz
WHERE status IN ('active', 'grace', 'redemption') AND expires_on IS NOT NULL
  AND status <> CASE
        WHEN expires_on >= ?::date THEN 'active'
        WHEN expires_on + ?::integer >= ?::date THEN 'grace'
        WHEN expires_on + ?::integer >= ?::date THEN 'redemption'
        ELSE 'expired' END
)sql");

QString ts(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

Status note(const QSqlDatabase &db, JobContext &ctx, const Domain &d, const QString &kind, bool differs,
            const QString &detail)
{
    const QString now = ts(ctx.now());
    if (!differs) {
        auto q = sql::exec(db, kResolve, {now, d.id, kind});
        if (!q)
            return q.error();
        return {};
    }
    ctx.log(QStringLiteral("%1: %2").arg(d.name, detail));
    auto q = sql::exec(db, kFinding, {ctx.tenantId(), d.id, kind, detail, now, now});
    if (!q)
        return q.error();
    return {};
}

} // namespace

Status syncDomainsJob(JobContext &ctx)
{
    auto db = ctx.db();
    if (!db)
        return db.error();
    auto registrar = RegistrarAccounts::open(*db, [&ctx] { return ctx.stopRequested(); });
    if (!registrar) {
        if (registrar.error().code == errors::DomainsNoRegistrar)
            return {}; // nothing held anywhere
        return registrar.error();
    }
    auto held = sql::exec(*db, kHeld);
    if (!held)
        return held.error();
    QStringList ids;
    while (held->next())
        ids << held->value(0).toString();
    for (const QString &id : std::as_const(ids)) {
        auto d = DomainStore::find(*db, id, true);
        if (!d)
            return d.error();
        auto info = (*registrar)->domainInfo(d->name);
        if (!info && info.error().code != errors::DomainsNotAtRegistrar)
            return info.error(); // the registrar is away: the next run
        if (auto s = note(*db, ctx, *d, QStringLiteral("missing_at_registrar"), !info,
                          QStringLiteral("not in the %1 account").arg((*registrar)->id()));
            !s)
            return s;
        if (!info)
            continue;
        const bool expiryDiffers = info->expires.isValid() && info->expires != d->expiresOn;
        if (auto s = note(*db, ctx, *d, QStringLiteral("expiry_differs"), expiryDiffers,
                          QStringLiteral("expiry %1 at the registrar, %2 in mPanel")
                              .arg(info->expires.toString(Qt::ISODate), d->expiresOn.toString(Qt::ISODate)));
            !s)
            return s;
        const bool nsDiffer = info->nameservers != d->nameservers;
        if (auto s = note(*db, ctx, *d, QStringLiteral("nameservers_differ"), nsDiffer,
                          QStringLiteral("name servers %1 at the registrar, %2 in mPanel")
                              .arg(info->nameservers.join(u','), d->nameservers.join(u',')));
            !s)
            return s;
        if (auto s = DomainStore::recordActive(*db, d->id, d->status, {}, info->expires, info->nameservers,
                                               info->locked, info->privacy, d->autoRenew, ctx.now());
            !s)
            return s;
    }
    const QString today = ctx.now().toUTC().date().toString(Qt::ISODate);
    auto moved = sql::exec(*db, kPhases,
                           {today, kGraceDays, today, kGraceDays + kRedemptionDays, today, ts(ctx.now()),
                            today, kGraceDays, today, kGraceDays + kRedemptionDays, today});
    if (!moved)
        return moved.error();
    ctx.log(QStringLiteral("%1 domain(s) checked, %2 moved by expiry")
                .arg(ids.size())
                .arg(moved->numRowsAffected()));
    return {};
}

Status syncPricesJob(JobContext &ctx)
{
    auto db = ctx.db();
    if (!db)
        return db.error();
    auto registrar = RegistrarAccounts::open(*db, [&ctx] { return ctx.stopRequested(); });
    if (!registrar)
        return registrar.error().code == errors::DomainsNoRegistrar ? Status() : Status(registrar.error());
    auto prices = (*registrar)->prices();
    if (!prices)
        return prices.error();
    // Namesilo prices in US dollars.
    const Currency usd = *Currency::fromCode(u"USD");
    const auto minor = [&usd](const QString &decimal) -> QVariant {
        const auto m = Money::parse(decimal, usd);
        return m ? QVariant(m->minorAmount()) : QVariant();
    };
    for (const RegistrarPrice &p : std::as_const(*prices)) {
        auto q = sql::exec(*db, QStringLiteral(R"sql(
INSERT INTO domain_registrar_prices (tenant_id, tld, currency, registration_minor, renew_minor, transfer_minor, fetched_at)
VALUES (?::uuid, ?, ?, ?, ?, ?, ?::timestamptz)
ON CONFLICT (tenant_id, tld) DO UPDATE SET currency = excluded.currency,
    registration_minor = excluded.registration_minor, renew_minor = excluded.renew_minor,
    transfer_minor = excluded.transfer_minor, fetched_at = excluded.fetched_at
)sql"),
                           {ctx.tenantId(), p.tld.toLower(), usd.code(), minor(p.registration),
                            minor(p.renew), minor(p.transfer), ts(ctx.now())});
        if (!q)
            return q.error();
    }
    ctx.log(QStringLiteral("%1 TLD price(s) from %2").arg(prices->size()).arg((*registrar)->id()));
    return {};
}

} // namespace mp::domains
