#include "billing/invoice_rows.h"

#include "core/errors.h"

#include <QJsonDocument>
#include <QVariant>

namespace mp::billing {

QString invoiceColumns()
{
    return QStringLiteral(
        "i.id::text, i.customer_id::text, coalesce(i.order_id::text, ''), i.status, coalesce(i.number, ''), "
        "i.currency, i.price_mode, i.issue_date, i.due_date, i.net_minor, i.tax_minor, i.total_minor, "
        "i.reverse_charge, i.tax_note, i.seller::text, i.buyer::text, i.notes, i.created_at, i.issued_at, "
        "i.paid_at, coalesce(i.payment_method, ''), coalesce(i.payment_reference, '')");
}

static QDateTime utc(const QVariant &v)
{
    return v.isNull() ? QDateTime() : v.toDateTime().toUTC();
}

Result<Invoice> invoiceFromRow(const QSqlQuery &q)
{
    const auto currency = Currency::fromCode(q.value(5).toString());
    if (!currency)
        return makeError(errors::Internal, QStringLiteral("invoice in an unknown currency"));
    Invoice inv(*currency);
    inv.id = q.value(0).toString();
    inv.customerId = q.value(1).toString();
    inv.orderId = q.value(2).toString();
    inv.status = InvoiceStatuses::fromString(q.value(3).toString()).value_or(InvoiceStatus::Draft);
    inv.number = q.value(4).toString();
    inv.priceMode = q.value(6).toString() == QLatin1String("inclusive") ? PriceMode::TaxInclusive
                                                                        : PriceMode::TaxExclusive;
    inv.issueDate = q.value(7).isNull() ? QDate() : q.value(7).toDate();
    inv.dueDate = q.value(8).isNull() ? QDate() : q.value(8).toDate();
    inv.net = Money(q.value(9).toLongLong(), *currency);
    inv.tax = Money(q.value(10).toLongLong(), *currency);
    inv.total = Money(q.value(11).toLongLong(), *currency);
    inv.reverseCharge = q.value(12).toBool();
    inv.taxNote = q.value(13).toString();
    inv.seller = QJsonDocument::fromJson(q.value(14).toString().toUtf8()).object();
    inv.buyer = QJsonDocument::fromJson(q.value(15).toString().toUtf8()).object();
    inv.notes = q.value(16).toString();
    inv.createdAt = utc(q.value(17));
    inv.issuedAt = utc(q.value(18));
    inv.paidAt = utc(q.value(19));
    inv.paymentMethod = q.value(20).toString();
    inv.paymentReference = q.value(21).toString();
    return inv;
}

QString invoiceLineColumns()
{
    return QStringLiteral(
        "position, description, quantity, unit_price_minor, tax_name, tax_rate_ppm, net_minor, "
        "tax_minor, gross_minor, coalesce(order_item_id::text, '')");
}

InvoiceLine invoiceLineFromRow(const QSqlQuery &q, const Currency &currency)
{
    InvoiceLine line(currency);
    line.position = q.value(0).toInt();
    line.description = q.value(1).toString();
    line.quantity = q.value(2).toLongLong();
    line.unitPrice = Money(q.value(3).toLongLong(), currency);
    line.taxName = q.value(4).toString();
    line.taxRatePpm = q.value(5).toLongLong();
    line.amounts = {Money(q.value(6).toLongLong(), currency), Money(q.value(7).toLongLong(), currency),
                    Money(q.value(8).toLongLong(), currency)};
    line.orderItemId = q.value(9).toString();
    return line;
}

} // namespace mp::billing
