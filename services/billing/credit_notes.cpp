#include "billing/credit_notes.h"

#include "billing/billing_errors.h"
#include "billing/billing_settings.h"
#include "billing/document_numbers.h"
#include "billing/invoice_number_format.h"
#include "billing/invoices.h"
#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "money/money_errors.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace mp::billing {

namespace {

// Locks the invoice so two corrections of it cannot both pass the "left to credit" check.
const auto kLockAndCredited = QStringLiteral(R"sql(
SELECT i.total_minor, (SELECT coalesce(sum(c.total_minor), 0) FROM credit_notes c WHERE c.invoice_id = i.id)
FROM invoices i WHERE i.id = ?::uuid FOR UPDATE
)sql");

const auto kInsertNote = QStringLiteral(R"sql(
INSERT INTO credit_notes (tenant_id, invoice_id, customer_id, number, number_year, number_seq, issue_date,
                          currency, reason, net_minor, tax_minor, total_minor, created_at)
VALUES (?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?::date, ?, ?, ?, ?, ?, ?::timestamptz)
RETURNING id::text
)sql");

const auto kInsertLines = QStringLiteral(R"sql(
INSERT INTO credit_note_items (tenant_id, credit_note_id, position, description, quantity, unit_price_minor,
                               tax_name, tax_rate_ppm, net_minor, tax_minor, gross_minor)
SELECT ?::uuid, ?::uuid, x.position, x.description, x.quantity, x.unit_price_minor, coalesce(x.tax_name, ''),
       x.tax_rate_ppm, x.net_minor, x.tax_minor, x.gross_minor
FROM jsonb_to_recordset(?::jsonb) AS x(position smallint, description text, quantity integer,
     unit_price_minor bigint, tax_name text, tax_rate_ppm integer, net_minor bigint, tax_minor bigint,
     gross_minor bigint)
)sql");

} // namespace

Result<CreditNote> CreditNotes::issue(TenantTransaction &tx, const QString &invoiceId, const QString &reason,
                                      const QList<LineDraft> &lines, const QDateTime &now)
{
    const QString why = reason.trimmed();
    if (why.isEmpty() || why.size() > 1000)
        return makeError(errors::InvalidReason, QStringLiteral("say why, in 1 to 1000 characters"),
                         QStringLiteral("reason"));
    auto invoice = Invoices::find(tx, invoiceId);
    if (!invoice)
        return invoice.error();
    if (invoice->status == InvoiceStatus::Draft)
        return makeError(errors::InvalidState, QStringLiteral("a draft is edited, not credited"),
                         QStringLiteral("invoice_id"));
    auto locked = sql::exec(tx.db(), kLockAndCredited, {invoiceId});
    if (!locked)
        return locked.error();
    locked->next();
    const qint64 invoiceTotal = locked->value(0).toLongLong();
    const qint64 alreadyCredited = locked->value(1).toLongLong();

    const Currency currency = invoice->currency;
    const qint64 ratePpm = invoice->lines.isEmpty() ? 0 : invoice->lines.first().taxRatePpm;
    const QString taxName = invoice->lines.isEmpty() ? QString() : invoice->lines.first().taxName;
    CreditNote note(currency);
    note.invoiceId = invoiceId;
    note.reason = why;
    if (lines.isEmpty()) {
        note.lines = invoice->lines;
    } else {
        for (int i = 0; i < lines.size(); ++i) {
            const LineDraft &d = lines.at(i);
            if (d.quantity < 1 || d.quantity > 1'000'000 || d.unitPrice.isNegative() ||
                !(d.unitPrice.currency() == currency) || d.description.trimmed().isEmpty())
                return makeError(errors::InvalidLine,
                                 QStringLiteral("a credit line has a description, a positive quantity and a "
                                                "non-negative price in the invoice's currency"),
                                 QStringLiteral("items[%1]").arg(i));
            auto a = TaxCalculation::line(d.unitPrice, d.quantity, ratePpm, invoice->priceMode);
            if (!a)
                return a.error();
            InvoiceLine line(currency);
            line.position = i + 1;
            line.description = d.description.trimmed();
            line.quantity = d.quantity;
            line.unitPrice = d.unitPrice;
            line.taxName = taxName;
            line.taxRatePpm = ratePpm;
            line.amounts = *a;
            note.lines.append(line);
        }
    }
    QJsonArray linesJson;
    for (const InvoiceLine &l : std::as_const(note.lines)) {
        auto net = note.net.add(l.amounts.net);
        auto tax = note.tax.add(l.amounts.tax);
        auto total = note.total.add(l.amounts.gross);
        if (!net || !tax || !total)
            return makeError(errors::Overflow, QStringLiteral("the credit note total overflows"));
        note.net = *net;
        note.tax = *tax;
        note.total = *total;
        linesJson.append(QJsonObject{{QStringLiteral("position"), l.position},
                                     {QStringLiteral("description"), l.description},
                                     {QStringLiteral("quantity"), l.quantity},
                                     {QStringLiteral("unit_price_minor"), l.unitPrice.minorAmount()},
                                     {QStringLiteral("tax_name"), l.taxName},
                                     {QStringLiteral("tax_rate_ppm"), l.taxRatePpm},
                                     {QStringLiteral("net_minor"), l.amounts.net.minorAmount()},
                                     {QStringLiteral("tax_minor"), l.amounts.tax.minorAmount()},
                                     {QStringLiteral("gross_minor"), l.amounts.gross.minorAmount()}});
    }
    if (alreadyCredited + note.total.minorAmount() > invoiceTotal)
        return makeError(
            errors::OverCredit,
            QStringLiteral("only %1 %2 of this invoice is left to credit")
                .arg(Money(invoiceTotal - alreadyCredited, currency).toDecimalString(), currency.code()),
            QStringLiteral("items"));

    auto settings = BillingSettingsStore::load(tx);
    if (!settings)
        return settings.error();
    note.issueDate = Invoices::localDate(*settings, now);
    auto seq = DocumentNumbers::next(tx, DocumentSeries::CreditNote, note.issueDate.year());
    if (!seq)
        return seq.error();
    note.number = InvoiceNumberFormat::format(settings->creditNoteNumberFormat, note.issueDate.year(), *seq);
    auto inserted = sql::exec(tx.db(), kInsertNote,
                              {tx.tenantId(), invoiceId, invoice->customerId, note.number,
                               note.issueDate.year(), *seq, note.issueDate.toString(Qt::ISODate),
                               currency.code(), why, note.net.minorAmount(), note.tax.minorAmount(),
                               note.total.minorAmount(), now.toUTC().toString(Qt::ISODateWithMs)});
    if (!inserted)
        return inserted.error();
    inserted->next();
    note.id = inserted->value(0).toString();
    auto items = sql::exec(
        tx.db(), kInsertLines,
        {tx.tenantId(), note.id, QString::fromUtf8(QJsonDocument(linesJson).toJson(QJsonDocument::Compact))});
    if (!items)
        return items.error();
    return note;
}

} // namespace mp::billing
