#include "subscriptions/subscription_change.h"

#include "billing/credit_notes.h"
#include "billing/invoices.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "jobs/jobs.h"
#include "module/service_lifecycle.h"
#include "money/currency.h"
#include "money/money_errors.h"
#include "subscriptions/subscription_calendar.h"
#include "subscriptions/subscription_errors.h"
#include "subscriptions/subscription_history.h"
#include "subscriptions/subscription_lifecycle.h"
#include "subscriptions/subscription_settings.h"

#include <QUuid>

namespace mp::subscriptions {

namespace {

const auto kProduct = QStringLiteral("SELECT type, name, visibility FROM products WHERE id = ?::uuid");

const auto kPrice = QStringLiteral(
    "SELECT amount_minor FROM product_prices WHERE product_id = ?::uuid AND cycle = ? AND currency = ?");

const auto kPriceCurrencies = QStringLiteral("SELECT string_agg(currency, ', ' ORDER BY currency) FROM "
                                             "product_prices WHERE product_id = ?::uuid AND cycle = ?");

// The next period already has its renewal invoice at the old terms: a change now would leave
// that invoice wrong, so it waits until the renewal is paid.
const auto kNextPeriodInvoiced = QStringLiteral(
    "SELECT 1 FROM subscription_invoices WHERE subscription_id = ?::uuid AND period_start = ?::timestamptz");

const auto kCurrentPeriodInvoice = QStringLiteral(R"sql(
SELECT si.invoice_id::text FROM subscription_invoices si JOIN invoices i ON i.id = si.invoice_id
WHERE si.subscription_id = ?::uuid AND si.period_start = ?::timestamptz AND i.status = 'paid'
)sql");

const auto kColumns = QStringLiteral(
    "c.id::text, c.subscription_id::text, c.kind, c.status, c.from_product_id::text, c.from_cycle, "
    "c.from_unit_price_minor, c.to_product_id::text, c.to_cycle, c.to_unit_price_minor, c.currency, "
    "c.days_remaining, c.period_days, c.prorated_minor, coalesce(c.invoice_id::text, ''), "
    "coalesce(c.credit_note_id::text, ''), c.created_at, c.applied_at, c.to_product_type, c.to_description");

// A pending change whose invoice was cancelled is void: it no longer blocks another change.
const auto kVoidCancelled = QStringLiteral(R"sql(
UPDATE subscription_changes c SET status = 'void'
FROM invoices i
WHERE c.subscription_id = ?::uuid AND c.status = 'pending' AND i.id = c.invoice_id AND i.status = 'cancelled'
)sql");

// The claim: at most one pending change per subscription (partial unique index), taken before
// the invoice is numbered so a lost race costs no number.
const auto kInsert = QStringLiteral(R"sql(
INSERT INTO subscription_changes (tenant_id, subscription_id, kind, status, from_product_id, from_cycle,
    from_unit_price_minor, to_product_id, to_product_type, to_description, to_cycle, to_unit_price_minor,
    currency, quantity, period_start, period_end, days_remaining, period_days, prorated_minor, actor, created_at)
VALUES (?::uuid, ?::uuid, ?, ?, ?::uuid, ?, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?, ?, ?,
        ?, ?::timestamptz)
ON CONFLICT (subscription_id) WHERE status = 'pending' DO NOTHING
RETURNING id::text
)sql");

const auto kSetDocuments = QStringLiteral(R"sql(
UPDATE subscription_changes SET invoice_id = nullif(?, '')::uuid, credit_note_id = nullif(?, '')::uuid
WHERE id = ?::uuid
)sql");

const auto kMarkApplied = QStringLiteral(
    "UPDATE subscription_changes SET status = 'applied', applied_at = ?::timestamptz WHERE id = ?::uuid");
const auto kMarkVoid = QStringLiteral("UPDATE subscription_changes SET status = 'void' WHERE id = ?::uuid");

const auto kApplyToSubscription = QStringLiteral(R"sql(
UPDATE subscriptions SET product_id = ?::uuid, product_type = ?, description = ?, cycle = ?, unit_price_minor = ?,
       updated_at = ?::timestamptz
WHERE id = ?::uuid
)sql");

const auto kPendingForInvoice = QStringLiteral(
    "SELECT id::text FROM subscription_changes WHERE invoice_id = ?::uuid AND status = 'pending' FOR UPDATE");

QString ts(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

Error invalid(const ErrorCode &code, const QString &message, const QString &field)
{
    return makeError(code, message, field);
}

SubscriptionChange fromRow(const QSqlQuery &q, QString *toType = nullptr, QString *toDescription = nullptr)
{
    SubscriptionChange c;
    c.id = q.value(0).toString();
    c.subscriptionId = q.value(1).toString();
    c.kind = q.value(2).toString();
    c.status = q.value(3).toString();
    c.fromProductId = q.value(4).toString();
    c.fromCycle = q.value(5).toString();
    c.fromUnitPriceMinor = q.value(6).toLongLong();
    c.toProductId = q.value(7).toString();
    c.toCycle = q.value(8).toString();
    c.toUnitPriceMinor = q.value(9).toLongLong();
    c.currency = q.value(10).toString();
    c.proration.daysRemaining = q.value(11).toInt();
    c.proration.periodDays = q.value(12).toInt();
    c.proration.proratedMinor = q.value(13).toLongLong();
    c.invoiceId = q.value(14).toString();
    c.creditNoteId = q.value(15).toString();
    c.createdAt = q.value(16).toDateTime().toUTC();
    if (!q.value(17).isNull())
        c.appliedAt = q.value(17).toDateTime().toUTC();
    if (toType)
        *toType = q.value(18).toString();
    if (toDescription)
        *toDescription = q.value(19).toString();
    return c;
}

Result<SubscriptionChange> load(TenantTransaction &tx, const QString &where, const QVariantList &binds,
                                QString *toType = nullptr, QString *toDescription = nullptr)
{
    auto q = sql::exec(tx.db(),
                       QStringLiteral("SELECT %1 FROM subscription_changes c WHERE %2").arg(kColumns, where),
                       binds);
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::NotFound, QStringLiteral("no such change"), QStringLiteral("id"));
    return fromRow(*q, toType, toDescription);
}

// The new terms on the subscription, the history row and the provisioning job, together.
Status apply(TenantTransaction &tx, const Subscription &s, const SubscriptionChange &c, const QString &toType,
             const QString &toDescription, const QString &actor, const QDateTime &now)
{
    if (auto q =
            sql::exec(tx.db(), kApplyToSubscription,
                      {c.toProductId, toType, toDescription, c.toCycle, c.toUnitPriceMinor, ts(now), s.id});
        !q)
        return q.error();
    if (auto q = sql::exec(tx.db(), kMarkApplied, {ts(now), c.id}); !q)
        return q.error();
    QJsonObject details = c.toJson();
    details.remove(QStringLiteral("status"));
    if (auto st = SubscriptionHistory::record(
            tx, s.id, {QStringLiteral("changed"), s.status, s.status, actor, details}, now);
        !st)
        return st;
    JobSpec job;
    job.tenantId = tx.tenantId();
    job.kind = SubscriptionChanges::provisionJobKind();
    job.payload = {{QStringLiteral("change_id"), c.id}};
    job.uniqueKey = QStringLiteral("subscriptions.change:%1").arg(c.id);
    job.relatedType = QStringLiteral("subscription");
    job.relatedId = s.id;
    auto enqueued = Jobs::enqueue(tx.db(), job);
    if (!enqueued)
        return enqueued.error();
    return {};
}

} // namespace

QJsonObject SubscriptionChange::toJson() const
{
    QJsonObject o{
        {QStringLiteral("id"), id},
        {QStringLiteral("subscription_id"), subscriptionId},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("status"), status},
        {QStringLiteral("from"), QJsonObject{{QStringLiteral("product_id"), fromProductId},
                                             {QStringLiteral("cycle"), fromCycle},
                                             {QStringLiteral("unit_price_minor"), fromUnitPriceMinor}}},
        {QStringLiteral("to"), QJsonObject{{QStringLiteral("product_id"), toProductId},
                                           {QStringLiteral("cycle"), toCycle},
                                           {QStringLiteral("unit_price_minor"), toUnitPriceMinor}}},
        {QStringLiteral("currency"), currency},
        {QStringLiteral("days_remaining"), proration.daysRemaining},
        {QStringLiteral("period_days"), proration.periodDays},
        {QStringLiteral("prorated_minor"), proration.proratedMinor},
        {QStringLiteral("invoice_id"), invoiceId.isEmpty() ? QJsonValue() : QJsonValue(invoiceId)},
        {QStringLiteral("credit_note_id"), creditNoteId.isEmpty() ? QJsonValue() : QJsonValue(creditNoteId)},
        {QStringLiteral("created_at"), ts(createdAt)},
        {QStringLiteral("applied_at"), appliedAt.isValid() ? QJsonValue(ts(appliedAt)) : QJsonValue()}};
    return o;
}

Result<SubscriptionChange> SubscriptionChanges::find(TenantTransaction &tx, const QString &changeId)
{
    return load(tx, QStringLiteral("c.id = ?::uuid"), {changeId});
}

Result<SubscriptionChange> SubscriptionChanges::request(TenantTransaction &tx, const QString &subscriptionId,
                                                        const ChangeRequest &change, const QDateTime &now)
{
    const auto toCycle = SubscriptionCalendar::cycleFromString(change.cycle);
    if (!toCycle)
        return invalid(errors::InvalidCycle,
                       QStringLiteral("cycle must be one of %1 (a one-time price is not a subscription)")
                           .arg(SubscriptionCalendar::allCycles().join(QStringLiteral(", "))),
                       QStringLiteral("cycle"));
    if (!isUuid(change.productId))
        return invalid(errors::InvalidProduct, QStringLiteral("product_id must be a uuid"),
                       QStringLiteral("product_id"));

    auto s = SubscriptionLifecycle::lock(tx, subscriptionId);
    if (!s)
        return s.error();
    if (s->status != QLatin1String("active") || s->cancelAtPeriodEnd)
        return makeError(
            errors::Conflict,
            QStringLiteral("only an active subscription that is not ending can change (it is %1%2)")
                .arg(s->status, s->cancelAtPeriodEnd ? QStringLiteral(", ending at period end") : QString()),
            QStringLiteral("status"));
    if (!change.currency.isEmpty() && change.currency != s->currency)
        return invalid(errors::CurrencyMismatch,
                       QStringLiteral("a subscription keeps its currency (%1)").arg(s->currency),
                       QStringLiteral("currency"));

    auto product = sql::exec(tx.db(), kProduct, {change.productId});
    if (!product)
        return product.error();
    if (!product->next())
        return invalid(errors::UnknownProduct, QStringLiteral("no such product"),
                       QStringLiteral("product_id"));
    const QString toType = product->value(0).toString();
    const QString toName = product->value(1).toString();
    const QString visibility = product->value(2).toString();
    if (visibility != QLatin1String("active"))
        return invalid(errors::ProductUnavailable,
                       QStringLiteral("the product is %1 and cannot be changed to").arg(visibility),
                       QStringLiteral("product_id"));
    if (toType != s->productType)
        return invalid(errors::ProductTypeMismatch,
                       QStringLiteral("a %1 subscription changes to another %1 product, not a %2")
                           .arg(s->productType, toType),
                       QStringLiteral("product_id"));
    const QString cycleText = SubscriptionCalendar::toString(*toCycle);
    if (change.productId == s->productId && *toCycle == s->cycle)
        return makeError(errors::NoChange,
                         QStringLiteral("the subscription is already on this product and cycle"),
                         QStringLiteral("product_id"));

    auto price = sql::exec(tx.db(), kPrice, {change.productId, cycleText, s->currency});
    if (!price)
        return price.error();
    if (!price->next()) {
        auto others = sql::exec(tx.db(), kPriceCurrencies, {change.productId, cycleText});
        if (!others)
            return others.error();
        const QString in = others->next() ? others->value(0).toString() : QString();
        if (in.isEmpty())
            return invalid(errors::NoPrice, QStringLiteral("the product has no %1 price").arg(cycleText),
                           QStringLiteral("cycle"));
        return invalid(errors::CurrencyMismatch,
                       QStringLiteral("the product's %1 price is in %2, the subscription is in %3")
                           .arg(cycleText, in, s->currency),
                       QStringLiteral("currency"));
    }
    const qint64 toUnit = price->value(0).toLongLong();

    auto renewed = sql::exec(tx.db(), kNextPeriodInvoiced, {s->id, ts(s->currentPeriodEnd)});
    if (!renewed)
        return renewed.error();
    if (renewed->next())
        return makeError(
            errors::RenewalInvoiced,
            QStringLiteral(
                "the next period is already invoiced at the current terms; change after it is paid"),
            QStringLiteral("id"));

    if (auto q = sql::exec(tx.db(), kVoidCancelled, {s->id}); !q)
        return q.error();
    // A double submit: the same change waiting for payment is the answer, with its one invoice.
    if (auto pending =
            load(tx, QStringLiteral("c.subscription_id = ?::uuid AND c.status = 'pending'"), {s->id});
        pending) {
        if (pending->toProductId == change.productId && pending->toCycle == cycleText) {
            pending->created = false;
            return pending;
        }
        return makeError(
            errors::ChangePending,
            QStringLiteral("another change waits for payment of invoice %1").arg(pending->invoiceId),
            QStringLiteral("product_id"));
    } else if (pending.error().code != errors::NotFound) {
        return pending.error();
    }

    auto settings = SubscriptionSettingsStore::load(tx);
    if (!settings)
        return settings.error();
    const auto currency = Currency::fromCode(s->currency);
    if (!currency)
        return makeError(errors::InvalidSubscription, QStringLiteral("unknown currency %1").arg(s->currency));
    const QDate today = now.toTimeZone(settings->timeZone).date();
    const QDate from = s->currentPeriodStart.toTimeZone(settings->timeZone).date();
    const QDate to = s->currentPeriodEnd.toTimeZone(settings->timeZone).date();
    const Proration p =
        SubscriptionProration::compute(s->unitPriceMinor, SubscriptionCalendar::months(s->cycle), toUnit,
                                       SubscriptionCalendar::months(*toCycle), s->quantity, today, from, to);
    const bool upgrade = p.proratedMinor > 0;

    auto claimed = sql::exec(tx.db(), kInsert,
                             {tx.tenantId(),
                              s->id,
                              upgrade ? QStringLiteral("upgrade") : QStringLiteral("downgrade"),
                              upgrade ? QStringLiteral("pending") : QStringLiteral("applied"),
                              s->productId,
                              SubscriptionCalendar::toString(s->cycle),
                              s->unitPriceMinor,
                              change.productId,
                              toType,
                              toName.left(500),
                              cycleText,
                              toUnit,
                              s->currency,
                              s->quantity,
                              ts(s->currentPeriodStart),
                              ts(s->currentPeriodEnd),
                              p.daysRemaining,
                              p.periodDays,
                              p.proratedMinor,
                              change.actor.left(100),
                              ts(now)});
    if (!claimed)
        return claimed.error();
    if (!claimed->next())
        return makeError(errors::ChangePending, QStringLiteral("another change waits for payment"),
                         QStringLiteral("product_id"));
    const QString changeId = claimed->value(0).toString();

    const QString line = QStringLiteral("%1: %2 (%3) to %4 (%5), %6 to %7, %8/%9 days")
                             .arg(upgrade ? QStringLiteral("Upgrade") : QStringLiteral("Downgrade"),
                                  s->description, SubscriptionCalendar::toString(s->cycle), toName, cycleText,
                                  today.toString(Qt::ISODate), to.toString(Qt::ISODate))
                             .arg(p.daysRemaining)
                             .arg(p.periodDays)
                             .left(500);
    QString invoiceId, creditNoteId;
    if (upgrade) {
        billing::InvoiceDraft draft(*currency);
        draft.customerId = s->customerId;
        draft.notes = QStringLiteral("Prorated change of subscription %1").arg(s->id);
        billing::LineDraft l{line, 1, Money(p.proratedMinor, *currency), QString()};
        draft.lines.append(l);
        auto invoice = billing::Invoices::create(tx, draft, now);
        if (!invoice)
            return invoice.error();
        invoiceId = invoice->id;
    } else if (p.proratedMinor < 0) {
        auto paid = sql::exec(tx.db(), kCurrentPeriodInvoice, {s->id, ts(s->currentPeriodStart)});
        if (!paid)
            return paid.error();
        if (paid->next()) {
            billing::LineDraft l{line, 1, Money(-p.proratedMinor, *currency), QString()};
            auto note = billing::CreditNotes::issue(
                tx, paid->value(0).toString(),
                QStringLiteral("Downgrade of subscription %1 for the rest of the period").arg(s->id), {l},
                now);
            if (!note)
                return note.error();
            creditNoteId = note->id;
        }
    }
    if (auto q = sql::exec(tx.db(), kSetDocuments, {invoiceId, creditNoteId, changeId}); !q)
        return q.error();

    QString type, description;
    auto stored = load(tx, QStringLiteral("c.id = ?::uuid"), {changeId}, &type, &description);
    if (!stored)
        return stored.error();
    if (upgrade) {
        QJsonObject details = stored->toJson();
        if (auto st = SubscriptionHistory::record(
                tx, s->id, {QStringLiteral("change_invoiced"), s->status, s->status, change.actor, details},
                now);
            !st)
            return st.error();
        return stored;
    }
    if (auto st = apply(tx, *s, *stored, type, description, change.actor, now); !st)
        return st.error();
    return load(tx, QStringLiteral("c.id = ?::uuid"), {changeId});
}

Status SubscriptionChanges::onInvoicePaid(TenantTransaction &tx, const QString &invoiceId,
                                          const QDateTime &now)
{
    auto pending = sql::exec(tx.db(), kPendingForInvoice, {invoiceId});
    if (!pending)
        return pending.error();
    if (!pending->next())
        return {};
    const QString changeId = pending->value(0).toString();
    QString type, description;
    auto c = load(tx, QStringLiteral("c.id = ?::uuid"), {changeId}, &type, &description);
    if (!c)
        return c.error();
    auto s = SubscriptionLifecycle::lock(tx, c->subscriptionId);
    if (!s)
        return s.error();
    if (!s->live()) {
        // Paid after the subscription ended: the money stays on the invoice for staff to refund.
        if (auto q = sql::exec(tx.db(), kMarkVoid, {c->id}); !q)
            return q.error();
        return SubscriptionHistory::record(tx, s->id,
                                           {QStringLiteral("change_paid_ignored"), s->status, s->status,
                                            QStringLiteral("payment"), c->toJson()},
                                           now);
    }
    return apply(tx, *s, *c, type, description, QStringLiteral("payment"), now);
}

Status SubscriptionChanges::provision(TenantTransaction &tx, const QString &changeId, const QDateTime &now)
{
    auto c = find(tx, changeId);
    if (!c)
        return c.error();
    auto s = SubscriptionLifecycle::lock(tx, c->subscriptionId);
    if (!s)
        return s.error();
    if (!s->live())
        return {}; // ended meanwhile: termination already took the service down
    return provisioning::onChanged(tx, s->serviceRequest(), now);
}

} // namespace mp::subscriptions
