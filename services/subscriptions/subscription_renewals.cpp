#include "subscriptions/subscription_renewals.h"

#include "billing/billing_settings.h"
#include "billing/buyer_snapshot.h"
#include "billing/invoice_number_format.h"
#include "billing/tax_calculation.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "money/currency.h"
#include "money/money.h"
#include "subscriptions/savepoint.h"
#include "subscriptions/subscription_calendar.h"
#include "subscriptions/subscription_errors.h"
#include "subscriptions/subscription_history.h"
#include "subscriptions/subscription_settings.h"
#include "subscriptions/subscriptions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace mp::subscriptions {

namespace {

using billing::LineAmounts;
using billing::TaxBuyer;
using billing::TaxCalculation;
using billing::TaxDecision;
using billing::TaxRate;

const auto kTaxRates =
    QStringLiteral("SELECT coalesce(country, ''), name, rate_ppm, valid_from, valid_to FROM tax_rates");

// Due and not yet invoiced for the period that follows the current one. Keyset on
// (next_due_date, id) so a run moves past subscriptions it could not renew.
const auto kCandidates = QStringLiteral(R"sql(
SELECT s.id::text, s.customer_id::text, s.description, s.cycle, s.currency, s.unit_price_minor, s.quantity,
       s.anchor_day, s.current_period_end, s.next_due_date, p.amount_minor, %1
FROM subscriptions s
JOIN customers c ON c.id = s.customer_id
LEFT JOIN product_prices p ON p.product_id = s.product_id AND p.cycle = s.cycle AND p.currency = s.currency
WHERE s.status IN ('active', 'past_due', 'suspended') AND NOT s.cancel_at_period_end
  AND s.next_due_date <= ?::date
  AND (s.next_due_date, s.id) > (?::date, ?::uuid)
  AND (coalesce(?, '') = '' OR s.id = nullif(?, '')::uuid)
  AND NOT EXISTS (SELECT 1 FROM subscription_invoices si
                  WHERE si.subscription_id = s.id AND si.period_start = s.current_period_end)
ORDER BY s.next_due_date, s.id
LIMIT ?
FOR UPDATE OF s SKIP LOCKED
)sql")
                             .arg(billing::BuyerSnapshot::columns(QStringLiteral("c")));

const auto kClaim = QStringLiteral(R"sql(
INSERT INTO subscription_invoices (tenant_id, subscription_id, period_start, period_end, invoice_id, kind, created_at)
SELECT ?::uuid, x.subscription_id, x.period_start, x.period_end, x.invoice_id, 'renewal', ?::timestamptz
FROM jsonb_to_recordset(?::jsonb) AS x(subscription_id uuid, period_start timestamptz, period_end timestamptz,
                                         invoice_id uuid)
ON CONFLICT (subscription_id, period_start) DO NOTHING
RETURNING subscription_id::text
)sql");

const auto kBumpCounter = QStringLiteral(R"sql(
INSERT INTO document_counters (tenant_id, series, year, last_value)
VALUES (?::uuid, 'invoice', ?, ?)
ON CONFLICT (tenant_id, series, year) DO UPDATE SET last_value = document_counters.last_value + excluded.last_value
RETURNING last_value
)sql");

const auto kInsertInvoices = QStringLiteral(R"sql(
INSERT INTO invoices (id, tenant_id, customer_id, status, number, number_year, number_seq, currency, price_mode,
                      issue_date, due_date, net_minor, tax_minor, total_minor, reverse_charge, tax_note, seller,
                      buyer, notes, created_at, issued_at)
SELECT x.id, ?::uuid, x.customer_id, 'unpaid', x.number, ?::smallint, x.number_seq, x.currency, ?, ?::date,
       x.due_date, x.net_minor, x.tax_minor, x.net_minor + x.tax_minor, x.reverse_charge, x.tax_note, ?::jsonb,
       x.buyer, '', ?::timestamptz, ?::timestamptz
FROM jsonb_to_recordset(?::jsonb) AS x(id uuid, customer_id uuid, number text, number_seq bigint, currency text,
                                         due_date date, net_minor bigint, tax_minor bigint, reverse_charge boolean,
                                         tax_note text, buyer jsonb)
)sql");

const auto kInsertLines = QStringLiteral(R"sql(
INSERT INTO invoice_items (tenant_id, invoice_id, position, description, quantity, unit_price_minor, tax_name,
                           tax_rate_ppm, net_minor, tax_minor, gross_minor)
SELECT ?::uuid, x.invoice_id, 1, x.description, x.quantity, x.unit_price_minor, x.tax_name, x.tax_rate_ppm,
       x.net_minor, x.tax_minor, x.net_minor + x.tax_minor
FROM jsonb_to_recordset(?::jsonb) AS x(invoice_id uuid, description text, quantity integer, unit_price_minor bigint,
                                         tax_name text, tax_rate_ppm integer, net_minor bigint, tax_minor bigint)
)sql");

const auto kInsertHistory = QStringLiteral(R"sql(
INSERT INTO subscription_events (tenant_id, subscription_id, at, actor, event, details)
SELECT ?::uuid, x.subscription_id, ?::timestamptz, ?, 'renewal_invoiced',
       jsonb_build_object('invoice_id', x.invoice_id, 'period_start', x.period_start, 'period_end', x.period_end)
FROM jsonb_to_recordset(?::jsonb) AS x(subscription_id uuid, invoice_id uuid, period_start timestamptz,
                                         period_end timestamptz)
)sql");

QString ts(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString jsonText(const QJsonValue &v)
{
    return QString::fromUtf8(v.isArray() ? QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
}

// One renewal, computed and ready to write.
struct Renewal {
    QString subscriptionId;
    QString customerId;
    QString invoiceId;
    QString currency;
    QDateTime periodStart, periodEnd;
    QDate dueDate;
    QString description;
    int quantity = 1;
    qint64 unitPriceMinor = 0;
    TaxDecision tax;
    qint64 netMinor = 0, taxMinor = 0;
    QJsonObject buyer;
};

struct Context {
    TenantTransaction &tx;
    QDateTime now;
    QDate today;
    SubscriptionSettings settings;
    billing::BillingSettings billing;
    QList<TaxRate> rates;
    QString actor;
};

Result<Renewal> compute(const Context &ctx, const QSqlQuery &q)
{
    Renewal r;
    r.subscriptionId = q.value(0).toString();
    r.customerId = q.value(1).toString();
    const auto cycle = SubscriptionCalendar::cycleFromString(q.value(3).toString());
    if (!cycle)
        return makeError(errors::InvalidSubscription, QStringLiteral("unknown cycle"));
    r.currency = q.value(4).toString();
    const auto currency = Currency::fromCode(r.currency);
    if (!currency)
        return makeError(errors::InvalidSubscription, QStringLiteral("unknown currency %1").arg(r.currency));
    r.unitPriceMinor = q.value(5).toLongLong();
    if (ctx.settings.priceSource == PriceSource::Catalog && !q.value(10).isNull())
        r.unitPriceMinor = q.value(10).toLongLong();
    r.quantity = q.value(6).toInt();
    const int anchorDay = q.value(7).toInt();
    r.periodStart = q.value(8).toDateTime().toUTC();
    r.periodEnd = SubscriptionCalendar::periodEnd(r.periodStart, *cycle, anchorDay, ctx.settings.timeZone);
    r.dueDate = std::max(ctx.today, q.value(9).toDate());
    const QDate from = r.periodStart.toTimeZone(ctx.settings.timeZone).date();
    const QDate to = r.periodEnd.toTimeZone(ctx.settings.timeZone).date();
    const QString period =
        QStringLiteral(" (%1 to %2)").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    r.description = q.value(2).toString().left(500 - int(period.size())) + period;
    r.buyer = billing::BuyerSnapshot::fromRow(q, 11);
    const TaxBuyer buyer{r.buyer.value(QStringLiteral("country")).toString(),
                         r.buyer.value(QStringLiteral("tax_id")).toString()};
    r.tax = TaxCalculation::decide(ctx.rates, ctx.billing.country, buyer, ctx.today);
    auto amounts = TaxCalculation::line(Money(r.unitPriceMinor, *currency), r.quantity, r.tax.ratePpm,
                                        ctx.billing.priceMode);
    if (!amounts)
        return amounts.error();
    r.netMinor = amounts->net.minorAmount();
    r.taxMinor = amounts->tax.minorAmount();
    r.invoiceId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return r;
}

// Claims, numbers and writes `batch`; returns the renewals actually issued (a period another
// run claimed first is dropped, without using up a number).
Result<QList<Renewal>> write(const Context &ctx, const QList<Renewal> &batch)
{
    const QString nowText = ts(ctx.now);
    QJsonArray claims;
    for (const Renewal &r : batch)
        claims.append(QJsonObject{{QStringLiteral("subscription_id"), r.subscriptionId},
                                  {QStringLiteral("period_start"), ts(r.periodStart)},
                                  {QStringLiteral("period_end"), ts(r.periodEnd)},
                                  {QStringLiteral("invoice_id"), r.invoiceId}});
    auto claimed = sql::exec(ctx.tx.db(), kClaim, {ctx.tx.tenantId(), nowText, jsonText(claims)});
    if (!claimed)
        return claimed.error();
    QSet<QString> won;
    while (claimed->next())
        won.insert(claimed->value(0).toString());
    QList<Renewal> issued;
    for (const Renewal &r : batch)
        if (won.contains(r.subscriptionId))
            issued.append(r);
    if (issued.isEmpty())
        return issued;

    const int year = ctx.today.year();
    auto counter = sql::exec(ctx.tx.db(), kBumpCounter, {ctx.tx.tenantId(), year, qint64(issued.size())});
    if (!counter)
        return counter.error();
    if (!counter->next())
        return makeError(errors::Internal, QStringLiteral("the number counter returned no row"));
    qint64 sequence = counter->value(0).toLongLong() - issued.size();

    QJsonArray invoices, lines, history;
    for (const Renewal &r : std::as_const(issued)) {
        ++sequence;
        invoices.append(QJsonObject{
            {QStringLiteral("id"), r.invoiceId},
            {QStringLiteral("customer_id"), r.customerId},
            {QStringLiteral("number"),
             billing::InvoiceNumberFormat::format(ctx.billing.invoiceNumberFormat, year, sequence)},
            {QStringLiteral("number_seq"), sequence},
            {QStringLiteral("currency"), r.currency},
            {QStringLiteral("due_date"), r.dueDate.toString(Qt::ISODate)},
            {QStringLiteral("net_minor"), r.netMinor},
            {QStringLiteral("tax_minor"), r.taxMinor},
            {QStringLiteral("reverse_charge"), r.tax.reverseCharge},
            {QStringLiteral("tax_note"), r.tax.note},
            {QStringLiteral("buyer"), r.buyer}});
        lines.append(QJsonObject{{QStringLiteral("invoice_id"), r.invoiceId},
                                 {QStringLiteral("description"), r.description},
                                 {QStringLiteral("quantity"), r.quantity},
                                 {QStringLiteral("unit_price_minor"), r.unitPriceMinor},
                                 {QStringLiteral("tax_name"), r.tax.name},
                                 {QStringLiteral("tax_rate_ppm"), r.tax.ratePpm},
                                 {QStringLiteral("net_minor"), r.netMinor},
                                 {QStringLiteral("tax_minor"), r.taxMinor}});
        history.append(QJsonObject{{QStringLiteral("subscription_id"), r.subscriptionId},
                                   {QStringLiteral("invoice_id"), r.invoiceId},
                                   {QStringLiteral("period_start"), ts(r.periodStart)},
                                   {QStringLiteral("period_end"), ts(r.periodEnd)}});
    }
    if (auto q = sql::exec(ctx.tx.db(), kInsertInvoices,
                           {ctx.tx.tenantId(), year, billing::priceModeName(ctx.billing.priceMode),
                            ctx.today.toString(Qt::ISODate), jsonText(ctx.billing.sellerSnapshot()), nowText,
                            nowText, jsonText(invoices)});
        !q)
        return q.error();
    if (auto q = sql::exec(ctx.tx.db(), kInsertLines, {ctx.tx.tenantId(), jsonText(lines)}); !q)
        return q.error();
    if (auto q = sql::exec(ctx.tx.db(), kInsertHistory,
                           {ctx.tx.tenantId(), nowText, ctx.actor, jsonText(history)});
        !q)
        return q.error();
    return issued;
}

void recordFailure(const Context &ctx, RenewalRun &run, const QString &subscriptionId, const Error &error)
{
    ++run.failed;
    run.errors << QStringLiteral("%1: %2").arg(subscriptionId, error.message);
    // Best effort: the failure is also in the run's errors (the job's log).
    const Status st =
        SubscriptionHistory::record(ctx.tx, subscriptionId,
                                    {QStringLiteral("renewal_failed"), QString(), QString(), ctx.actor,
                                     QJsonObject{{QStringLiteral("error"), error.message.left(500)}}},
                                    ctx.now);
    Q_UNUSED(st);
}

} // namespace

Result<RenewalRun> SubscriptionRenewals::run(TenantTransaction &tx, const QDateTime &now,
                                             const RenewalOptions &options)
{
    auto settings = SubscriptionSettingsStore::load(tx);
    if (!settings)
        return settings.error();
    auto billingSettings = billing::BillingSettingsStore::load(tx);
    if (!billingSettings)
        return billingSettings.error();
    Context ctx{
        tx, now,          now.toTimeZone(billingSettings->timeZone).date(), *settings, *billingSettings,
        {}, options.actor};
    auto rates = sql::exec(tx.db(), kTaxRates);
    if (!rates)
        return rates.error();
    while (rates->next())
        ctx.rates.append({rates->value(0).toString(), rates->value(1).toString(),
                          rates->value(2).toLongLong(), rates->value(3).toDate(), rates->value(4).toDate()});

    const bool single = !options.onlySubscriptionId.isEmpty();
    if (single && !isUuid(options.onlySubscriptionId))
        return makeError(errors::NotFound, QStringLiteral("no such subscription"), QStringLiteral("id"));
    // Renew-now ignores the lead time: any due date qualifies.
    const QDate horizon = single ? QDate(9999, 12, 31) : ctx.today.addDays(settings->renewDaysBefore);
    QString afterDate = QStringLiteral("0001-01-01");
    QString afterId = QStringLiteral("00000000-0000-0000-0000-000000000000");
    const int batchSize = std::clamp(options.batchSize, 1, 5000);

    RenewalRun run;
    for (;;) {
        auto q = sql::exec(tx.db(), kCandidates,
                           {horizon.toString(Qt::ISODate), afterDate, afterId, options.onlySubscriptionId,
                            options.onlySubscriptionId, batchSize});
        if (!q)
            return q.error();
        QList<Renewal> batch;
        QList<QPair<QString, Error>> unusable;
        int rows = 0;
        while (q->next()) {
            ++rows;
            afterDate = q->value(9).toDate().toString(Qt::ISODate);
            afterId = q->value(0).toString();
            auto r = compute(ctx, *q);
            if (r)
                batch.append(*r);
            else
                unusable.append({q->value(0).toString(), r.error()});
        }
        // Written once the batch is read: the result streams on the same connection.
        for (const auto &[id, error] : std::as_const(unusable))
            recordFailure(ctx, run, id, error);
        if (!batch.isEmpty()) {
            QList<Renewal> issued;
            const Status whole = inSavepoint(tx.db(), QStringLiteral("renewal_batch"), [&]() -> Status {
                auto w = write(ctx, batch);
                if (!w)
                    return w.error();
                issued = *w;
                return {};
            });
            if (!whole) {
                // Find the bad one(s): each subscription alone, under its own savepoint.
                for (const Renewal &r : std::as_const(batch)) {
                    QList<Renewal> one;
                    const Status st = inSavepoint(tx.db(), QStringLiteral("renewal_one"), [&]() -> Status {
                        auto w = write(ctx, {r});
                        if (!w)
                            return w.error();
                        one = *w;
                        return {};
                    });
                    if (st)
                        issued += one;
                    else
                        recordFailure(ctx, run, r.subscriptionId, st.error());
                }
            }
            run.issued += int(issued.size());
            for (const Renewal &r : std::as_const(issued))
                run.invoiceIds << r.invoiceId;
        }
        if (rows < batchSize)
            break;
        if (options.limit > 0 && run.issued + run.failed >= options.limit) {
            run.more = true;
            break;
        }
    }
    return run;
}

} // namespace mp::subscriptions

namespace mp::subscriptions {

Result<QString> SubscriptionRenewals::renewNow(TenantTransaction &tx, const QString &subscriptionId,
                                               const QString &actor, const QDateTime &now)
{
    auto s = Subscriptions::find(tx, subscriptionId);
    if (!s)
        return s.error();
    if (!s->live() || s->cancelAtPeriodEnd)
        return makeError(
            errors::Conflict,
            QStringLiteral("only a running subscription that is not ending renews (it is %1%2)")
                .arg(s->status, s->cancelAtPeriodEnd ? QStringLiteral(", ending at period end") : QString()),
            QStringLiteral("status"));
    RenewalOptions options;
    options.onlySubscriptionId = s->id;
    options.actor = actor;
    auto run = SubscriptionRenewals::run(tx, now, options);
    if (!run)
        return run.error();
    if (run->failed > 0)
        return makeError(errors::RenewalFailed, run->errors.join(QStringLiteral("; ")));
    if (run->issued == 0)
        return makeError(errors::AlreadyInvoiced, QStringLiteral("the next period already has its invoice"),
                         QStringLiteral("id"));
    return run->invoiceIds.first();
}

} // namespace mp::subscriptions
