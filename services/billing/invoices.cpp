#include "billing/invoices.h"

#include "billing/buyer_snapshot.h"
#include "billing/document_numbers.h"
#include "billing/invoice_issue_context.h"
#include "billing/invoice_number_format.h"
#include "billing/invoice_paid.h"
#include "billing/invoice_pricing.h"
#include "billing/invoice_rows.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/statement_cache.h"
#include "db/tenant_transaction.h"
#include "module/domain_events.h"
#include "money/money_errors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace mp::billing {

namespace {

// The number, the invoice and all its lines in one statement, whatever their number: the counter
// row is locked from the number until commit, so every round trip in between would hold up the
// next invoice. A draft draws no number (the counter's insert is skipped, the number is NULL).
const auto kInsertInvoice = QStringLiteral(R"sql(
WITH counter AS (
  INSERT INTO document_counters (tenant_id, series, year, last_value)
  SELECT ?::uuid, 'invoice', ?::integer, 1 WHERE ?::boolean
  ON CONFLICT (tenant_id, series, year) DO UPDATE SET last_value = document_counters.last_value + 1
  RETURNING last_value),
invoice AS (
  INSERT INTO invoices (tenant_id, customer_id, order_id, status, number, number_year, number_seq, currency,
                        price_mode, issue_date, due_date, net_minor, tax_minor, total_minor, reverse_charge,
                        tax_note, seller, buyer, notes, created_at, issued_at)
  SELECT ?::uuid, ?::uuid, nullif(?, '')::uuid, ?, mpanel_document_number(?, ?, ?, counter.last_value),
         ?::smallint, counter.last_value, ?, ?, ?::date, ?::date, ?, ?, ?, ?, coalesce(?, ''), ?::jsonb, ?::jsonb,
         coalesce(?, ''), ?::timestamptz, ?::timestamptz
  FROM (SELECT 1) AS one LEFT JOIN counter ON true
  RETURNING id, tenant_id, number),
lines AS (
  INSERT INTO invoice_items (tenant_id, invoice_id, position, description, quantity, unit_price_minor, tax_name,
                             tax_rate_ppm, net_minor, tax_minor, gross_minor, order_item_id)
  SELECT invoice.tenant_id, invoice.id, x.position, x.description, x.quantity, x.unit_price_minor,
         coalesce(x.tax_name, ''), x.tax_rate_ppm, x.net_minor, x.tax_minor, x.gross_minor,
         nullif(x.order_item_id, '')::uuid
  FROM invoice, jsonb_to_recordset(?::jsonb) AS x(position smallint, description text, quantity integer,
       unit_price_minor bigint, tax_name text, tax_rate_ppm integer, net_minor bigint, tax_minor bigint,
       gross_minor bigint, order_item_id text))
SELECT id::text, number FROM invoice
)sql");

const auto kLockInvoice =
    QStringLiteral("SELECT status, customer_id::text FROM invoices WHERE id = ?::uuid FOR UPDATE");

// Issuing a draft prices it again on the day it is issued (a rate change in between applies,
// as it would to any invoice issued that day) and freezes the parties as they are now.
const auto kIssueDraft = QStringLiteral(R"sql(
WITH invoice AS (
  UPDATE invoices SET status = 'unpaid', number = ?, number_year = ?, number_seq = ?, issue_date = ?::date,
         due_date = ?::date, issued_at = ?::timestamptz, net_minor = ?, tax_minor = ?, total_minor = ?,
         reverse_charge = ?, tax_note = coalesce(?, ''), seller = ?::jsonb, buyer = ?::jsonb
  WHERE id = ?::uuid
  RETURNING id),
lines AS (
  UPDATE invoice_items it SET tax_name = coalesce(x.tax_name, ''), tax_rate_ppm = x.tax_rate_ppm,
         net_minor = x.net_minor, tax_minor = x.tax_minor, gross_minor = x.gross_minor
  FROM invoice, jsonb_to_recordset(?::jsonb) AS x(position smallint, tax_name text, tax_rate_ppm integer,
       net_minor bigint, tax_minor bigint, gross_minor bigint)
  WHERE it.invoice_id = invoice.id AND it.position = x.position
  RETURNING 1)
SELECT count(*) FROM lines
)sql");

// A move between issued statuses and its audit row in one statement.
const auto kSetStatusAudited = QStringLiteral(R"sql(
WITH changed AS (
  UPDATE invoices SET status = ?,
         paid_at = CASE WHEN ? = 'paid' THEN ?::timestamptz ELSE paid_at END,
         payment_method = CASE WHEN ? = 'paid' THEN nullif(?, '') ELSE payment_method END,
         payment_reference = CASE WHEN ? = 'paid' THEN nullif(?, '') ELSE payment_reference END
  WHERE id = ?::uuid
  RETURNING id)
INSERT INTO audit_log (tenant_id, at, actor, action, object_type, object_id, details)
SELECT ?::uuid, ?::timestamptz, ?, 'invoice.status_changed', 'invoice', ?, ?::jsonb FROM changed
)sql");

const auto kAudit = QStringLiteral(R"sql(
INSERT INTO audit_log (tenant_id, at, actor, action, object_type, object_id, details)
VALUES (?::uuid, ?::timestamptz, ?, 'invoice.status_changed', 'invoice', ?, ?::jsonb)
)sql");

Status issueNumber(TenantTransaction &tx, const BillingSettings &settings, QDate issueDate, QString *number,
                   qint64 *sequence)
{
    auto seq = DocumentNumbers::next(tx, DocumentSeries::Invoice, issueDate.year());
    if (!seq)
        return seq.error();
    *sequence = *seq;
    *number = InvoiceNumberFormat::format(settings.invoiceNumberFormat, issueDate.year(), *seq);
    return {};
}

// Modules that act on a new invoice (notifications mails it) listen for this; billing names none.
Status announceIssued(TenantTransaction &tx, const QString &invoiceId, const QString &customerId,
                      const QDateTime &now)
{
    return events::DomainEvents::announce(tx, {events::InvoiceIssued, customerId, invoiceId, {}}, now);
}

} // namespace

QList<api::SortOrder> Invoices::sortOrders()
{
    return {
        {QStringLiteral("created_at"), {QStringLiteral("i.created_at")}, {QStringLiteral("timestamptz")}},
        {QStringLiteral("total"), {QStringLiteral("i.total_minor")}, {QStringLiteral("bigint")}},
        {QStringLiteral("due_date"),
         {QStringLiteral("coalesce(i.due_date, 'infinity'::date)")},
         {QStringLiteral("date")}},
    };
}

QDate Invoices::localDate(const BillingSettings &settings, const QDateTime &now)
{
    return now.toTimeZone(settings.timeZone).date();
}

Result<Invoice> Invoices::create(TenantTransaction &tx, const InvoiceDraft &draft, const QDateTime &now)
{
    // Checked before any query, so bad input costs no round trip.
    if (auto s = InvoicePricing::check(draft.lines, draft.currency); !s)
        return s.error();
    if (!isUuid(draft.customerId))
        return makeError(errors::NotFound, QStringLiteral("no such customer"), QStringLiteral("customer_id"));

    // The same statements for every invoice, whoever issues it (API, checkout, console): keep
    // them prepared on the caller's connection.
    const sql::ScopedStatementCache statements;
    auto ctx = InvoiceIssueContext::load(tx, draft.customerId, now);
    if (!ctx)
        return ctx.error();
    const BillingSettings &settings = ctx->settings;
    const QDate today = ctx->today;
    const TaxDecision &decision = ctx->tax;
    auto priced = InvoicePricing::price(draft.lines, draft.currency, settings.priceMode, decision);
    if (!priced)
        return priced.error();

    Invoice inv(draft.currency);
    inv.customerId = draft.customerId;
    inv.orderId = draft.orderId;
    inv.priceMode = settings.priceMode;
    inv.reverseCharge = decision.reverseCharge;
    inv.taxNote = decision.note;
    inv.seller = settings.sellerSnapshot();
    inv.buyer = ctx->buyer;
    inv.notes = draft.notes;
    inv.createdAt = now;
    inv.lines = priced->lines;
    inv.net = priced->net;
    inv.tax = priced->tax;
    inv.total = priced->total;

    if (draft.issue) {
        inv.status = InvoiceStatus::Unpaid;
        inv.issueDate = today;
        inv.dueDate = today.addDays(settings.paymentTermsDays);
        inv.issuedAt = now;
    }
    const auto number = InvoiceNumberFormat::parts(settings.invoiceNumberFormat, today.year());

    const QString nowText = now.toUTC().toString(Qt::ISODateWithMs);
    auto inserted =
        sql::exec(tx.db(), kInsertInvoice,
                  {tx.tenantId(),
                   today.year(),
                   draft.issue,
                   tx.tenantId(),
                   inv.customerId,
                   inv.orderId,
                   InvoiceStatuses::toString(inv.status),
                   number.prefix,
                   number.width,
                   number.suffix,
                   draft.issue ? QVariant(today.year()) : QVariant(),
                   inv.currency.code(),
                   priceModeName(inv.priceMode),
                   draft.issue ? QVariant(inv.issueDate.toString(Qt::ISODate)) : QVariant(),
                   draft.issue ? QVariant(inv.dueDate.toString(Qt::ISODate)) : QVariant(),
                   inv.net.minorAmount(),
                   inv.tax.minorAmount(),
                   inv.total.minorAmount(),
                   inv.reverseCharge,
                   inv.taxNote,
                   QString::fromUtf8(QJsonDocument(inv.seller).toJson(QJsonDocument::Compact)),
                   QString::fromUtf8(QJsonDocument(inv.buyer).toJson(QJsonDocument::Compact)),
                   inv.notes,
                   nowText,
                   draft.issue ? QVariant(nowText) : QVariant(),
                   QString::fromUtf8(QJsonDocument(priced->rows).toJson(QJsonDocument::Compact))});
    if (!inserted)
        return inserted.error();
    if (!inserted->next())
        return makeError(errors::Internal, QStringLiteral("the invoice insert returned no row"));
    inv.id = inserted->value(0).toString();
    inv.number = inserted->value(1).toString();
    inserted->finish();
    if (draft.issue) {
        if (auto s = announceIssued(tx, inv.id, inv.customerId, now); !s)
            return s.error();
    }
    return inv;
}

Result<Invoice> Invoices::find(TenantTransaction &tx, const QString &id)
{
    const Error notFound =
        makeError(errors::NotFound, QStringLiteral("no such invoice"), QStringLiteral("id"));
    if (!isUuid(id))
        return notFound;
    auto q = sql::exec(tx.db(),
                       QStringLiteral("SELECT %1 FROM invoices i WHERE i.id = ?::uuid").arg(invoiceColumns()),
                       {id});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound;
    auto inv = invoiceFromRow(*q);
    if (!inv)
        return inv.error();
    auto lines =
        sql::exec(tx.db(),
                  QStringLiteral("SELECT %1 FROM invoice_items WHERE invoice_id = ?::uuid ORDER BY position")
                      .arg(invoiceLineColumns()),
                  {id});
    if (!lines)
        return lines.error();
    while (lines->next())
        inv->lines.append(invoiceLineFromRow(*lines, inv->currency));
    return inv;
}

namespace {

// The WHERE terms of a filter, shared by the list and its totals so both see the same rows.
void filterConditions(const InvoiceFilter &filter, QDate today, QStringList &where, QVariantList &binds)
{
    where << QStringLiteral("true");
    if (!filter.status.isEmpty()) {
        where << QStringLiteral("i.status = ?");
        binds << filter.status;
    }
    if (!filter.customerId.isEmpty()) {
        where << QStringLiteral("i.customer_id = ?::uuid");
        binds << filter.customerId;
    }
    if (filter.overdue) {
        where << (*filter.overdue ? QStringLiteral("(i.status = 'unpaid' AND i.due_date < ?::date)")
                                  : QStringLiteral("NOT (i.status = 'unpaid' AND i.due_date < ?::date)"));
        binds << today.toString(Qt::ISODate);
    }
    if (filter.issuedFrom.isValid()) {
        where << QStringLiteral("i.issue_date >= ?::date");
        binds << filter.issuedFrom.toString(Qt::ISODate);
    }
    if (filter.issuedTo.isValid()) {
        where << QStringLiteral("i.issue_date <= ?::date");
        binds << filter.issuedTo.toString(Qt::ISODate);
    }
}

} // namespace

Result<InvoicePage> Invoices::list(TenantTransaction &tx, const InvoiceFilter &filter,
                                   const api::KeysetPage &page, QDate today)
{
    QStringList where;
    QVariantList binds;
    filterConditions(filter, today, where, binds);
    const QString after = page.afterCondition(QStringLiteral("i.id"));
    if (!after.isEmpty()) {
        where << after;
        binds << page.afterBinds();
    }
    const QString text = QStringLiteral("SELECT %1, %2 FROM invoices i WHERE %3 ORDER BY %4 LIMIT %5")
                             .arg(invoiceColumns(), page.keySelect(), where.join(QStringLiteral(" AND ")),
                                  page.orderBy(QStringLiteral("i.id")))
                             .arg(page.limit() + 1);
    auto q = sql::exec(tx.db(), text, binds);
    if (!q)
        return q.error();
    return api::readPage<InvoicePage>(*q, page, kInvoiceColumnCount, invoiceFromRow);
}

namespace {

// Draft -> unpaid: tax and parties as of today, then the number, last, so the counter row is
// locked for as short a time as possible. `details` gains the number and, when the price moved
// since the draft was made, the totals before and after.
Status issueDraft(TenantTransaction &tx, const QString &id, const QDateTime &now, QJsonObject &details)
{
    auto draft = Invoices::find(tx, id);
    if (!draft)
        return draft.error();
    auto ctx = InvoiceIssueContext::load(tx, draft->customerId, now);
    if (!ctx)
        return ctx.error();
    const BillingSettings &settings = ctx->settings;
    const QDate today = ctx->today;
    const TaxDecision &decision = ctx->tax;
    QList<LineDraft> lines;
    for (const InvoiceLine &line : std::as_const(draft->lines))
        lines.append(LineDraft{line.description, line.quantity, line.unitPrice, line.orderItemId});
    // The draft's own price mode: its unit prices were entered under it.
    auto priced = InvoicePricing::price(lines, draft->currency, draft->priceMode, decision);
    if (!priced)
        return priced.error();

    QString number;
    qint64 sequence = 0;
    if (auto s = issueNumber(tx, settings, today, &number, &sequence); !s)
        return s;
    const QString nowText = now.toUTC().toString(Qt::ISODateWithMs);
    auto u = sql::exec(
        tx.db(), kIssueDraft,
        {number, today.year(), sequence, today.toString(Qt::ISODate),
         today.addDays(settings.paymentTermsDays).toString(Qt::ISODate), nowText, priced->net.minorAmount(),
         priced->tax.minorAmount(), priced->total.minorAmount(), decision.reverseCharge, decision.note,
         QString::fromUtf8(QJsonDocument(settings.sellerSnapshot()).toJson(QJsonDocument::Compact)),
         QString::fromUtf8(QJsonDocument(ctx->buyer).toJson(QJsonDocument::Compact)), id,
         QString::fromUtf8(QJsonDocument(priced->rows).toJson(QJsonDocument::Compact))});
    if (!u)
        return u.error();
    if (!u->next() || u->value(0).toInt() != priced->lines.size())
        return makeError(errors::Internal,
                         QStringLiteral("the draft's lines changed while it was being issued"));
    u->finish();
    details.insert(QStringLiteral("number"), number);
    if (priced->total != draft->total) {
        details.insert(QStringLiteral("total_before_minor"), draft->total.minorAmount());
        details.insert(QStringLiteral("total_minor"), priced->total.minorAmount());
    }
    return {};
}

} // namespace

Result<Invoice> Invoices::changeStatus(TenantTransaction &tx, const QString &id, const StatusChange &change,
                                       const QDateTime &now)
{
    if (auto s = setStatus(tx, id, change, now); !s)
        return s.error();
    return find(tx, id);
}

Status Invoices::setStatus(TenantTransaction &tx, const QString &id, const StatusChange &change,
                           const QDateTime &now)
{
    const Error notFound =
        makeError(errors::NotFound, QStringLiteral("no such invoice"), QStringLiteral("id"));
    if (!isUuid(id))
        return notFound;
    std::optional<InvoiceStatus> from = change.lockedFrom;
    QString customerId;
    if (!from || *from == InvoiceStatus::Draft) {
        auto locked = sql::exec(tx.db(), kLockInvoice, {id});
        if (!locked)
            return locked.error();
        if (!locked->next())
            return notFound;
        from = InvoiceStatuses::fromString(locked->value(0).toString());
        customerId = locked->value(1).toString();
        locked->finish();
    }
    if (!from)
        return makeError(errors::Internal, QStringLiteral("unknown stored status"));
    if (auto s = InvoiceStatuses::checkTransition(*from, change.to); !s)
        return s.error();
    const QString reason = change.reason.trimmed();
    if (reason.isEmpty() || reason.size() > 500)
        return makeError(errors::InvalidReason, QStringLiteral("say why, in 1 to 500 characters"),
                         QStringLiteral("reason"));

    const QString nowText = now.toUTC().toString(Qt::ISODateWithMs);
    QJsonObject details{{QStringLiteral("from"), InvoiceStatuses::toString(*from)},
                        {QStringLiteral("to"), InvoiceStatuses::toString(change.to)},
                        {QStringLiteral("reason"), reason}};
    if (*from == InvoiceStatus::Draft) {
        if (auto s = issueDraft(tx, id, now, details); !s)
            return s.error();
        if (auto s = announceIssued(tx, id, customerId, now); !s)
            return s.error();
        auto audit = sql::exec(tx.db(), kAudit,
                               {tx.tenantId(), nowText, change.actor, id,
                                QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))});
        if (!audit)
            return audit.error();
        return {};
    }
    const QString to = InvoiceStatuses::toString(change.to);
    if (change.to == InvoiceStatus::Paid && !change.paymentReference.isEmpty())
        details.insert(QStringLiteral("payment_reference"), change.paymentReference);
    auto u = sql::exec(tx.db(), kSetStatusAudited,
                       {to, to, nowText, to, change.paymentMethod, to, change.paymentReference, id,
                        tx.tenantId(), nowText, change.actor, id,
                        QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))});
    if (!u)
        return u.error();
    if (u->numRowsAffected() != 1)
        return notFound;
    if (change.to == InvoiceStatus::Paid)
        return afterInvoicePaid(tx, id, now);
    return {};
}

Result<QDate> Invoices::today(TenantTransaction &tx)
{
    auto settings = BillingSettingsStore::load(tx);
    if (!settings)
        return settings.error();
    return localDate(*settings, Clock::current().now());
}

Result<QList<InvoiceTotal>> Invoices::totals(TenantTransaction &tx, const InvoiceFilter &filter, QDate today)
{
    QStringList where;
    QVariantList binds{today.toString(Qt::ISODate)}; // the state's CASE comes first
    filterConditions(filter, today, where, binds);
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("SELECT i.currency, count(*), sum(i.net_minor)::text, sum(i.tax_minor)::text, "
                       "       sum(i.total_minor)::text, s.state "
                       "FROM invoices i CROSS JOIN LATERAL (SELECT CASE WHEN i.status = 'unpaid' "
                       "  AND i.due_date < ?::date THEN 'overdue' ELSE i.status END AS state) s "
                       "WHERE %1 GROUP BY s.state, i.currency ORDER BY s.state, i.currency")
            .arg(where.join(QStringLiteral(" AND "))),
        binds);
    if (!q)
        return q.error();
    QList<InvoiceTotal> totals;
    while (q->next()) {
        const auto currency = Currency::fromCode(q->value(0).toString());
        if (!currency)
            return makeError(
                errors::InvalidCurrency,
                QStringLiteral("stored invoice currency %1 is unknown").arg(q->value(0).toString()));
        totals.append(
            InvoiceTotal{q->value(1).toLongLong(), Money(q->value(2).toString().toLongLong(), *currency),
                         Money(q->value(3).toString().toLongLong(), *currency),
                         Money(q->value(4).toString().toLongLong(), *currency), q->value(5).toString()});
    }
    return totals;
}

Result<QList<AuditEntry>> Invoices::auditTrail(TenantTransaction &tx, const QString &id)
{
    auto q = sql::exec(tx.db(),
                       QStringLiteral("SELECT at, actor, action, details::text FROM audit_log "
                                      "WHERE object_type = 'invoice' AND object_id = ? ORDER BY at, id"),
                       {id});
    if (!q)
        return q.error();
    QList<AuditEntry> entries;
    while (q->next())
        entries.append(AuditEntry{q->value(0).toDateTime(), q->value(1).toString(), q->value(2).toString(),
                                  q->value(3).toString()});
    return entries;
}

} // namespace mp::billing
