#include "billing/invoice_json.h"

#include "api/responses.h"

#include <QJsonArray>

namespace mp::billing {

namespace {

void putMoney(QJsonObject &o, const QString &key, const Money &m)
{
    o.insert(key, m.toDecimalString());
    o.insert(key + QStringLiteral("_minor"), m.minorAmount());
}

QJsonValue dateOrNull(QDate d)
{
    return d.isValid() ? QJsonValue(d.toString(Qt::ISODate)) : QJsonValue();
}

QJsonArray linesJson(const QList<InvoiceLine> &lines)
{
    QJsonArray out;
    for (const InvoiceLine &l : lines) {
        QJsonObject o{{QStringLiteral("position"), l.position},
                      {QStringLiteral("description"), l.description},
                      {QStringLiteral("quantity"), l.quantity},
                      {QStringLiteral("tax_name"), l.taxName},
                      {QStringLiteral("tax_rate"), InvoiceJson::percent(l.taxRatePpm)},
                      {QStringLiteral("tax_rate_ppm"), l.taxRatePpm}};
        putMoney(o, QStringLiteral("unit_price"), l.unitPrice);
        putMoney(o, QStringLiteral("net"), l.amounts.net);
        putMoney(o, QStringLiteral("tax"), l.amounts.tax);
        putMoney(o, QStringLiteral("gross"), l.amounts.gross);
        if (!l.orderItemId.isEmpty())
            o.insert(QStringLiteral("order_item_id"), l.orderItemId);
        out.append(o);
    }
    return out;
}

} // namespace

QString InvoiceJson::percent(qint64 ratePpm)
{
    QString text = QString::number(ratePpm / 10000);
    const qint64 fraction = ratePpm % 10000;
    if (fraction != 0) {
        QString digits = QStringLiteral("%1").arg(fraction, 4, 10, QLatin1Char('0'));
        while (digits.endsWith(u'0'))
            digits.chop(1);
        text += u'.' + digits;
    }
    return text;
}

QJsonObject InvoiceJson::toJson(const Invoice &inv, QDate today, bool withLines)
{
    QJsonObject o{
        {QStringLiteral("id"), inv.id},
        {QStringLiteral("number"), inv.number.isEmpty() ? QJsonValue() : QJsonValue(inv.number)},
        {QStringLiteral("status"), InvoiceStatuses::toString(inv.status)},
        {QStringLiteral("overdue"), inv.overdueOn(today)},
        {QStringLiteral("customer_id"), inv.customerId},
        {QStringLiteral("order_id"), inv.orderId.isEmpty() ? QJsonValue() : QJsonValue(inv.orderId)},
        {QStringLiteral("currency"), inv.currency.code()},
        {QStringLiteral("prices_include_tax"), inv.priceMode == PriceMode::TaxInclusive},
        {QStringLiteral("issue_date"), dateOrNull(inv.issueDate)},
        {QStringLiteral("due_date"), dateOrNull(inv.dueDate)},
        {QStringLiteral("reverse_charge"), inv.reverseCharge},
        {QStringLiteral("tax_note"), inv.taxNote},
        {QStringLiteral("buyer"), inv.buyer},
        {QStringLiteral("created_at"), api::timestamp(inv.createdAt)},
        {QStringLiteral("paid_at"), api::timestamp(inv.paidAt)}};
    putMoney(o, QStringLiteral("net"), inv.net);
    putMoney(o, QStringLiteral("tax"), inv.tax);
    putMoney(o, QStringLiteral("total"), inv.total);
    // What is still to pay: the total until it is paid.
    putMoney(o, QStringLiteral("amount_due"),
             inv.status == InvoiceStatus::Unpaid ? inv.total : Money::zero(inv.currency));
    if (!withLines)
        return o;
    o.insert(QStringLiteral("seller"), inv.seller);
    o.insert(QStringLiteral("notes"), inv.notes);
    o.insert(QStringLiteral("items"), linesJson(inv.lines));
    QList<LineAmounts> amounts;
    QList<qint64> rates;
    QStringList names;
    for (const InvoiceLine &l : inv.lines) {
        amounts << l.amounts;
        rates << l.taxRatePpm;
        names << l.taxName;
    }
    QJsonArray breakdown;
    if (auto t = TaxCalculation::totals(inv.currency, amounts, rates, names)) {
        for (const TaxBreakdownRow &r : std::as_const(t->breakdown)) {
            QJsonObject row{{QStringLiteral("name"), r.name},
                            {QStringLiteral("rate"), percent(r.ratePpm)},
                            {QStringLiteral("rate_ppm"), r.ratePpm}};
            putMoney(row, QStringLiteral("net"), r.net);
            putMoney(row, QStringLiteral("tax"), r.tax);
            breakdown.append(row);
        }
    }
    o.insert(QStringLiteral("taxes"), breakdown);
    // Card payments arrive with the payments module; a manual payment is recorded on the invoice.
    QJsonArray payments;
    if (inv.paidAt.isValid()) {
        QJsonObject p{{QStringLiteral("method"), inv.paymentMethod},
                      {QStringLiteral("reference"), inv.paymentReference},
                      {QStringLiteral("at"), api::timestamp(inv.paidAt)}};
        putMoney(p, QStringLiteral("amount"), inv.total);
        payments.append(p);
    }
    o.insert(QStringLiteral("payments"), payments);
    return o;
}

QJsonObject InvoiceJson::creditNoteToJson(const CreditNote &note)
{
    QJsonObject o{
        {QStringLiteral("id"), note.id},         {QStringLiteral("invoice_id"), note.invoiceId},
        {QStringLiteral("number"), note.number}, {QStringLiteral("issue_date"), dateOrNull(note.issueDate)},
        {QStringLiteral("reason"), note.reason}, {QStringLiteral("items"), linesJson(note.lines)}};
    putMoney(o, QStringLiteral("net"), note.net);
    putMoney(o, QStringLiteral("tax"), note.tax);
    putMoney(o, QStringLiteral("total"), note.total);
    return o;
}

} // namespace mp::billing
