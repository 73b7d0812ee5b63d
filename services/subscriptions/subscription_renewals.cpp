#include "subscriptions/subscription_renewals.h"

#include "billing/billing_settings.h"
#include "billing/buyer_snapshot.h"
#include "billing/invoice_number_format.h"
#include "billing/tax_calculation.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/sql_array.h"
#include "db/statement_cache.h"
#include "db/tenant_transaction.h"
#include "money/currency.h"
#include "money/money.h"
#include "subscriptions/savepoint.h"
#include "subscriptions/subscription_calendar.h"
#include "subscriptions/subscription_errors.h"
#include "subscriptions/subscription_history.h"
#include "subscriptions/subscription_settings.h"
#include "subscriptions/subscriptions.h"

#include <QJsonDocument>
#include <QJsonObject>
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

// One statement per batch, the batch as parallel arrays: claim the periods (ON CONFLICT DO NOTHING
// on the renewal key: a period another run claimed first is dropped without using up a number),
// bump the gapless counter by the number claimed, then the invoices, their lines and the history
// rows of the claimed ones, numbered in the batch's order. Returns the claimed subscriptions.
const auto kWrite = QStringLiteral(R"sql(
WITH input AS (
  SELECT * FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::timestamptz[], ?::timestamptz[], ?::text[], ?::date[],
                       ?::bigint[], ?::bigint[], ?::boolean[], ?::text[], ?::jsonb[], ?::text[], ?::integer[],
                       ?::bigint[], ?::text[], ?::integer[])
       WITH ORDINALITY AS x(subscription_id, customer_id, invoice_id, period_start, period_end, currency, due_date,
                            net_minor, tax_minor, reverse_charge, tax_note, buyer, description, quantity,
                            unit_price_minor, tax_name, tax_rate_ppm, ord)),
claimed AS (
  INSERT INTO subscription_invoices (tenant_id, subscription_id, period_start, period_end, invoice_id, kind,
                                     created_at)
  SELECT ?::uuid, subscription_id, period_start, period_end, invoice_id, 'renewal', ?::timestamptz FROM input
  ON CONFLICT (subscription_id, period_start) DO NOTHING
  RETURNING subscription_id),
won AS (
  SELECT input.*, row_number() OVER (ORDER BY input.ord) AS k, count(*) OVER () AS n
  FROM input JOIN claimed USING (subscription_id)),
counter AS (
  INSERT INTO document_counters (tenant_id, series, year, last_value)
  SELECT ?::uuid, 'invoice', ?, count(*) FROM won HAVING count(*) > 0
  ON CONFLICT (tenant_id, series, year) DO UPDATE SET last_value = document_counters.last_value + excluded.last_value
  RETURNING last_value),
numbered AS (
  SELECT won.*, counter.last_value - won.n + won.k AS seq FROM won CROSS JOIN counter),
invoice AS (
  INSERT INTO invoices (id, tenant_id, customer_id, status, number, number_year, number_seq, currency, price_mode,
                        issue_date, due_date, net_minor, tax_minor, total_minor, reverse_charge, tax_note, seller,
                        buyer, notes, created_at, issued_at)
  SELECT invoice_id, ?::uuid, customer_id, 'unpaid', mpanel_document_number(?, ?, ?, seq), ?::smallint, seq,
         currency, ?, ?::date, due_date, net_minor, tax_minor, net_minor + tax_minor, reverse_charge, tax_note,
         ?::jsonb, buyer, '', ?::timestamptz, ?::timestamptz
  FROM numbered),
line AS (
  INSERT INTO invoice_items (tenant_id, invoice_id, position, description, quantity, unit_price_minor, tax_name,
                             tax_rate_ppm, net_minor, tax_minor, gross_minor)
  SELECT ?::uuid, invoice_id, 1, description, quantity, unit_price_minor, tax_name, tax_rate_ppm, net_minor,
         tax_minor, net_minor + tax_minor
  FROM numbered),
history AS (
  INSERT INTO subscription_events (tenant_id, subscription_id, at, actor, event, details)
  SELECT ?::uuid, subscription_id, ?::timestamptz, ?, 'renewal_invoiced',
         jsonb_build_object('invoice_id', invoice_id, 'period_start', period_start, 'period_end', period_end)
  FROM numbered)
SELECT subscription_id::text FROM numbered
)sql");

QString ts(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
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
    QString buyerJson;
};

struct Context {
    TenantTransaction &tx;
    QDateTime now;
    QDate today;
    SubscriptionSettings settings;
    billing::BillingSettings billing;
    QList<TaxRate> rates;
    QString actor;
    QString sellerJson;
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
    const QJsonObject buyerSnapshot = billing::BuyerSnapshot::fromRow(q, 11);
    r.buyerJson = jsonText(buyerSnapshot);
    const TaxBuyer buyer{buyerSnapshot.value(QStringLiteral("country")).toString(),
                         buyerSnapshot.value(QStringLiteral("tax_id")).toString()};
    r.tax =
        TaxCalculation::decide(ctx.rates, ctx.billing.country, buyer, ctx.today, ctx.billing.reverseCharge);
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
    sql::ArrayLiteral subscriptions, customers, invoiceIds, periodStarts, periodEnds, currencies, dueDates,
        nets, taxes, reverseCharges, taxNotes, buyers, descriptions, quantities, unitPrices, taxNames,
        taxRates;
    for (const Renewal &r : batch) {
        subscriptions.append(r.subscriptionId);
        customers.append(r.customerId);
        invoiceIds.append(r.invoiceId);
        periodStarts.append(ts(r.periodStart));
        periodEnds.append(ts(r.periodEnd));
        currencies.append(r.currency);
        dueDates.append(r.dueDate.toString(Qt::ISODate));
        nets.append(r.netMinor);
        taxes.append(r.taxMinor);
        reverseCharges.append(r.tax.reverseCharge);
        taxNotes.append(r.tax.note);
        buyers.append(r.buyerJson);
        descriptions.append(r.description);
        quantities.append(qint64(r.quantity));
        unitPrices.append(r.unitPriceMinor);
        taxNames.append(r.tax.name);
        taxRates.append(qint64(r.tax.ratePpm));
    }
    const QString nowText = ts(ctx.now);
    const int year = ctx.today.year();
    const auto number = billing::InvoiceNumberFormat::parts(ctx.billing.invoiceNumberFormat, year);
    const QString tenant = ctx.tx.tenantId();
    auto written = sql::exec(ctx.tx.db(), kWrite,
                             {subscriptions.text(),
                              customers.text(),
                              invoiceIds.text(),
                              periodStarts.text(),
                              periodEnds.text(),
                              currencies.text(),
                              dueDates.text(),
                              nets.text(),
                              taxes.text(),
                              reverseCharges.text(),
                              taxNotes.text(),
                              buyers.text(),
                              descriptions.text(),
                              quantities.text(),
                              unitPrices.text(),
                              taxNames.text(),
                              taxRates.text(),
                              tenant,
                              nowText,
                              tenant,
                              year,
                              tenant,
                              number.prefix,
                              number.width,
                              number.suffix,
                              year,
                              billing::priceModeName(ctx.billing.priceMode),
                              ctx.today.toString(Qt::ISODate),
                              ctx.sellerJson,
                              nowText,
                              nowText,
                              tenant,
                              tenant,
                              nowText,
                              ctx.actor});
    if (!written)
        return written.error();
    QSet<QString> won;
    while (written->next())
        won.insert(written->value(0).toString());
    written->finish();
    QList<Renewal> issued;
    for (const Renewal &r : batch)
        if (won.contains(r.subscriptionId))
            issued.append(r);
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
    // The same few statements for every batch: keep them prepared on the connection.
    const sql::ScopedStatementCache statements;
    Context ctx{
        tx, now,           now.toTimeZone(billingSettings->timeZone).date(), *settings, *billingSettings,
        {}, options.actor, jsonText(billingSettings->sellerSnapshot())};
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
