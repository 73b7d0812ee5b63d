#include "billing/invoices.h"

#include "billing/document_numbers.h"
#include "billing/invoice_number_format.h"
#include "billing/invoice_paid.h"
#include "billing/invoice_rows.h"
#include "core/clock.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

namespace mp::billing {

namespace {

constexpr int kMaxLines = 200;
constexpr qint64 kMaxQuantity = 1'000'000;

const auto kBuyer = QStringLiteral(R"sql(
SELECT name, company, email, address_line1, address_line2, city, postal_code, region,
       coalesce(country, ''), tax_id
FROM customers WHERE id = ?::uuid
)sql");

const auto kInsertInvoice = QStringLiteral(R"sql(
INSERT INTO invoices (tenant_id, customer_id, order_id, status, number, number_year, number_seq, currency,
                      price_mode, issue_date, due_date, net_minor, tax_minor, total_minor, reverse_charge,
                      tax_note, seller, buyer, notes, created_at, issued_at)
VALUES (?::uuid, ?::uuid, nullif(?, '')::uuid, ?, nullif(?, ''), ?::smallint, ?::bigint, ?, ?, ?::date, ?::date,
        ?, ?, ?, ?, coalesce(?, ''), ?::jsonb, ?::jsonb, coalesce(?, ''), ?::timestamptz, ?::timestamptz)
RETURNING id::text
)sql");

// All lines in one statement, whatever their number.
const auto kInsertLines = QStringLiteral(R"sql(
INSERT INTO invoice_items (tenant_id, invoice_id, position, description, quantity, unit_price_minor, tax_name,
                           tax_rate_ppm, net_minor, tax_minor, gross_minor, order_item_id)
SELECT ?::uuid, ?::uuid, x.position, x.description, x.quantity, x.unit_price_minor, coalesce(x.tax_name, ''),
       x.tax_rate_ppm, x.net_minor, x.tax_minor, x.gross_minor, nullif(x.order_item_id, '')::uuid
FROM jsonb_to_recordset(?::jsonb) AS x(position smallint, description text, quantity integer,
     unit_price_minor bigint, tax_name text, tax_rate_ppm integer, net_minor bigint, tax_minor bigint,
     gross_minor bigint, order_item_id text)
)sql");

const auto kLockInvoice = QStringLiteral("SELECT status FROM invoices WHERE id = ?::uuid FOR UPDATE");

const auto kIssueDraft = QStringLiteral(R"sql(
UPDATE invoices SET status = 'unpaid', number = ?, number_year = ?, number_seq = ?, issue_date = ?::date,
       due_date = ?::date, issued_at = ?::timestamptz
WHERE id = ?::uuid
)sql");

const auto kSetStatus = QStringLiteral(R"sql(
UPDATE invoices SET status = ?,
       paid_at = CASE WHEN ? = 'paid' THEN ?::timestamptz ELSE paid_at END,
       payment_method = CASE WHEN ? = 'paid' THEN nullif(?, '') ELSE payment_method END,
       payment_reference = CASE WHEN ? = 'paid' THEN nullif(?, '') ELSE payment_reference END
WHERE id = ?::uuid
)sql");

const auto kAudit = QStringLiteral(R"sql(
INSERT INTO audit_log (tenant_id, at, actor, action, object_type, object_id, details)
VALUES (?::uuid, ?::timestamptz, ?, 'invoice.status_changed', 'invoice', ?, ?::jsonb)
)sql");

QJsonObject buyerSnapshot(const QSqlQuery &q)
{
    QJsonArray address;
    for (int i : {3, 4})
        if (!q.value(i).toString().isEmpty())
            address.append(q.value(i).toString());
    const QString cityLine =
        QStringList{q.value(6).toString(), q.value(5).toString()}.join(u' ').trimmed(); // postal code, city
    if (!cityLine.isEmpty())
        address.append(cityLine);
    if (!q.value(7).toString().isEmpty())
        address.append(q.value(7).toString());
    return {{QStringLiteral("name"), q.value(0).toString()},
            {QStringLiteral("company"), q.value(1).toString()},
            {QStringLiteral("email"), q.value(2).toString()},
            {QStringLiteral("address"), address},
            {QStringLiteral("country"), q.value(8).toString()},
            {QStringLiteral("tax_id"), q.value(9).toString()}};
}

Error lineError(int index, const QString &field, const QString &message)
{
    return makeError(QStringLiteral("invalid_line"), message,
                     QStringLiteral("items[%1].%2").arg(index).arg(field));
}

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
    if (draft.lines.isEmpty())
        return makeError(QStringLiteral("invalid_line"), QStringLiteral("an invoice needs at least one line"),
                         QStringLiteral("items"));
    if (draft.lines.size() > kMaxLines)
        return makeError(QStringLiteral("invalid_line"), QStringLiteral("at most %1 lines").arg(kMaxLines),
                         QStringLiteral("items"));
    if (QUuid::fromString(draft.customerId).isNull())
        return makeError(QStringLiteral("not_found"), QStringLiteral("no such customer"),
                         QStringLiteral("customer_id"));

    auto settings = BillingSettingsStore::load(tx);
    if (!settings)
        return settings.error();
    auto buyerRow = sql::exec(tx.db(), kBuyer, {draft.customerId});
    if (!buyerRow)
        return buyerRow.error();
    if (!buyerRow->next())
        return makeError(QStringLiteral("not_found"), QStringLiteral("no such customer"),
                         QStringLiteral("customer_id"));
    const QJsonObject buyer = buyerSnapshot(*buyerRow);
    const TaxBuyer taxBuyer{buyer.value(QStringLiteral("country")).toString(),
                            buyer.value(QStringLiteral("tax_id")).toString()};
    auto rates = BillingSettingsStore::taxRatesFor(tx, taxBuyer.country);
    if (!rates)
        return rates.error();

    const QDate today = localDate(*settings, now);
    const TaxDecision decision = TaxCalculation::decide(*rates, settings->country, taxBuyer, today);

    Invoice inv(draft.currency);
    inv.customerId = draft.customerId;
    inv.orderId = draft.orderId;
    inv.priceMode = settings->priceMode;
    inv.reverseCharge = decision.reverseCharge;
    inv.taxNote = decision.note;
    inv.seller = settings->sellerSnapshot();
    inv.buyer = buyer;
    inv.notes = draft.notes;
    inv.createdAt = now;

    QList<LineAmounts> amounts;
    QJsonArray linesJson;
    for (int i = 0; i < draft.lines.size(); ++i) {
        const LineDraft &d = draft.lines.at(i);
        const QString description = d.description.trimmed();
        if (description.isEmpty() || description.size() > 500)
            return lineError(i, QStringLiteral("description"),
                             QStringLiteral("a description has 1 to 500 characters"));
        if (d.quantity == 0 || d.quantity > kMaxQuantity || d.quantity < -kMaxQuantity)
            return lineError(
                i, QStringLiteral("quantity"),
                QStringLiteral("quantity must be a non-zero integer up to %1").arg(kMaxQuantity));
        if (!(d.unitPrice.currency() == draft.currency))
            return lineError(i, QStringLiteral("unit_price"),
                             QStringLiteral("every line is in the invoice's currency"));
        auto a = TaxCalculation::line(d.unitPrice, d.quantity, decision.ratePpm, settings->priceMode);
        if (!a)
            return lineError(i, QStringLiteral("unit_price"), a.error().message);
        InvoiceLine line(draft.currency);
        line.position = i + 1;
        line.description = description;
        line.quantity = d.quantity;
        line.unitPrice = d.unitPrice;
        line.taxName = decision.name;
        line.taxRatePpm = decision.ratePpm;
        line.amounts = *a;
        line.orderItemId = d.orderItemId;
        inv.lines.append(line);
        amounts.append(*a);
        linesJson.append(QJsonObject{{QStringLiteral("position"), line.position},
                                     {QStringLiteral("description"), line.description},
                                     {QStringLiteral("quantity"), line.quantity},
                                     {QStringLiteral("unit_price_minor"), line.unitPrice.minorAmount()},
                                     {QStringLiteral("tax_name"), line.taxName},
                                     {QStringLiteral("tax_rate_ppm"), line.taxRatePpm},
                                     {QStringLiteral("net_minor"), a->net.minorAmount()},
                                     {QStringLiteral("tax_minor"), a->tax.minorAmount()},
                                     {QStringLiteral("gross_minor"), a->gross.minorAmount()},
                                     {QStringLiteral("order_item_id"), line.orderItemId}});
    }
    QList<qint64> lineRates(amounts.size(), decision.ratePpm);
    QStringList lineNames(amounts.size(), decision.name);
    auto totals = TaxCalculation::totals(draft.currency, amounts, lineRates, lineNames);
    if (!totals)
        return makeError(QStringLiteral("invalid_line"), totals.error().message, QStringLiteral("items"));
    inv.net = totals->net;
    inv.tax = totals->tax;
    inv.total = totals->gross;

    qint64 sequence = 0;
    if (draft.issue) {
        inv.status = InvoiceStatus::Unpaid;
        inv.issueDate = today;
        inv.dueDate = today.addDays(settings->paymentTermsDays);
        inv.issuedAt = now;
        // Last before the inserts: the counter row stays locked until this transaction ends.
        if (auto s = issueNumber(tx, *settings, today, &inv.number, &sequence); !s)
            return s.error();
    }

    const QString nowText = now.toUTC().toString(Qt::ISODateWithMs);
    auto inserted = sql::exec(tx.db(), kInsertInvoice,
                              {tx.tenantId(),
                               inv.customerId,
                               inv.orderId,
                               InvoiceStatuses::toString(inv.status),
                               inv.number,
                               draft.issue ? QVariant(today.year()) : QVariant(),
                               draft.issue ? QVariant(sequence) : QVariant(),
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
                               draft.issue ? QVariant(nowText) : QVariant()});
    if (!inserted)
        return inserted.error();
    inserted->next();
    inv.id = inserted->value(0).toString();
    auto lines = sql::exec(
        tx.db(), kInsertLines,
        {tx.tenantId(), inv.id, QString::fromUtf8(QJsonDocument(linesJson).toJson(QJsonDocument::Compact))});
    if (!lines)
        return lines.error();
    return inv;
}

Result<Invoice> Invoices::find(TenantTransaction &tx, const QString &id)
{
    const Error notFound =
        makeError(QStringLiteral("not_found"), QStringLiteral("no such invoice"), QStringLiteral("id"));
    if (QUuid::fromString(id).isNull())
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
    InvoicePage result;
    QStringList lastKey;
    while (q->next()) {
        if (result.items.size() == page.limit()) {
            result.nextCursor = page.cursorAfter(lastKey, result.items.last().id);
            break;
        }
        auto inv = invoiceFromRow(*q);
        if (!inv)
            return inv.error();
        result.items.append(*inv);
        lastKey.clear();
        for (int k = 0; k < page.keyColumns(); ++k)
            lastKey << q->value(kInvoiceColumnCount + k).toString();
    }
    return result;
}

Result<Invoice> Invoices::changeStatus(TenantTransaction &tx, const QString &id, const StatusChange &change,
                                       const QDateTime &now)
{
    const Error notFound =
        makeError(QStringLiteral("not_found"), QStringLiteral("no such invoice"), QStringLiteral("id"));
    if (QUuid::fromString(id).isNull())
        return notFound;
    auto locked = sql::exec(tx.db(), kLockInvoice, {id});
    if (!locked)
        return locked.error();
    if (!locked->next())
        return notFound;
    const auto from = InvoiceStatuses::fromString(locked->value(0).toString());
    if (!from)
        return makeError(QStringLiteral("internal"), QStringLiteral("unknown stored status"));
    if (auto s = InvoiceStatuses::checkTransition(*from, change.to); !s)
        return s.error();
    const QString reason = change.reason.trimmed();
    if (reason.isEmpty() || reason.size() > 500)
        return makeError(QStringLiteral("invalid_reason"), QStringLiteral("say why, in 1 to 500 characters"),
                         QStringLiteral("reason"));

    const QString nowText = now.toUTC().toString(Qt::ISODateWithMs);
    QJsonObject details{{QStringLiteral("from"), InvoiceStatuses::toString(*from)},
                        {QStringLiteral("to"), InvoiceStatuses::toString(change.to)},
                        {QStringLiteral("reason"), reason}};
    if (*from == InvoiceStatus::Draft) {
        auto settings = BillingSettingsStore::load(tx);
        if (!settings)
            return settings.error();
        const QDate today = localDate(*settings, now);
        QString number;
        qint64 sequence = 0;
        if (auto s = issueNumber(tx, *settings, today, &number, &sequence); !s)
            return s.error();
        auto u = sql::exec(tx.db(), kIssueDraft,
                           {number, today.year(), sequence, today.toString(Qt::ISODate),
                            today.addDays(settings->paymentTermsDays).toString(Qt::ISODate), nowText, id});
        if (!u)
            return u.error();
        details.insert(QStringLiteral("number"), number);
    } else {
        const QString to = InvoiceStatuses::toString(change.to);
        auto u = sql::exec(tx.db(), kSetStatus,
                           {to, to, nowText, to, change.paymentMethod, to, change.paymentReference, id});
        if (!u)
            return u.error();
        if (change.to == InvoiceStatus::Paid && !change.paymentReference.isEmpty())
            details.insert(QStringLiteral("payment_reference"), change.paymentReference);
        if (change.to == InvoiceStatus::Paid) {
            if (auto s = afterInvoicePaid(tx, id, now); !s)
                return s.error();
        }
    }
    auto audit = sql::exec(tx.db(), kAudit,
                           {tx.tenantId(), nowText, change.actor, id,
                            QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))});
    if (!audit)
        return audit.error();
    return find(tx, id);
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
    QVariantList binds;
    filterConditions(filter, today, where, binds);
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("SELECT i.currency, count(*), sum(i.net_minor)::text, sum(i.tax_minor)::text, "
                       "       sum(i.total_minor)::text "
                       "FROM invoices i WHERE %1 GROUP BY i.currency ORDER BY i.currency")
            .arg(where.join(QStringLiteral(" AND "))),
        binds);
    if (!q)
        return q.error();
    QList<InvoiceTotal> totals;
    while (q->next()) {
        const auto currency = Currency::fromCode(q->value(0).toString());
        if (!currency)
            return makeError(
                QStringLiteral("invalid_currency"),
                QStringLiteral("stored invoice currency %1 is unknown").arg(q->value(0).toString()));
        totals.append(InvoiceTotal{q->value(1).toLongLong(),
                                   Money(q->value(2).toString().toLongLong(), *currency),
                                   Money(q->value(3).toString().toLongLong(), *currency),
                                   Money(q->value(4).toString().toLongLong(), *currency)});
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
