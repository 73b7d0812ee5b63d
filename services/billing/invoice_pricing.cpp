#include "billing/invoice_pricing.h"

#include "billing/billing_errors.h"

#include <QJsonObject>

namespace mp::billing {

namespace {

Error lineError(int index, const QString &field, const QString &message)
{
    return makeError(errors::InvalidLine, message, QStringLiteral("items[%1].%2").arg(index).arg(field));
}

} // namespace

Status InvoicePricing::check(const QList<LineDraft> &lines, const Currency &currency)
{
    if (lines.isEmpty())
        return makeError(errors::InvalidLine, QStringLiteral("an invoice needs at least one line"),
                         QStringLiteral("items"));
    if (lines.size() > kMaxLines)
        return makeError(errors::InvalidLine, QStringLiteral("at most %1 lines").arg(kMaxLines),
                         QStringLiteral("items"));
    for (int i = 0; i < lines.size(); ++i) {
        const LineDraft &d = lines.at(i);
        const QString description = d.description.trimmed();
        if (description.isEmpty() || description.size() > 500)
            return lineError(i, QStringLiteral("description"),
                             QStringLiteral("a description has 1 to 500 characters"));
        if (d.quantity == 0 || d.quantity > kMaxQuantity || d.quantity < -kMaxQuantity)
            return lineError(
                i, QStringLiteral("quantity"),
                QStringLiteral("quantity must be a non-zero integer up to %1").arg(kMaxQuantity));
        if (!(d.unitPrice.currency() == currency))
            return lineError(i, QStringLiteral("unit_price"),
                             QStringLiteral("every line is in the invoice's currency"));
    }
    return {};
}

Result<PricedLines> InvoicePricing::price(const QList<LineDraft> &lines, const Currency &currency,
                                          PriceMode mode, const TaxDecision &decision)
{
    if (auto s = check(lines, currency); !s)
        return s.error();
    PricedLines priced(currency);
    QList<LineAmounts> amounts;
    for (int i = 0; i < lines.size(); ++i) {
        const LineDraft &d = lines.at(i);
        auto a = TaxCalculation::line(d.unitPrice, d.quantity, decision.ratePpm, mode);
        if (!a)
            return lineError(i, QStringLiteral("unit_price"), a.error().message);
        InvoiceLine line(currency);
        line.position = i + 1;
        line.description = d.description.trimmed();
        line.quantity = d.quantity;
        line.unitPrice = d.unitPrice;
        line.taxName = decision.name;
        line.taxRatePpm = decision.ratePpm;
        line.amounts = *a;
        line.orderItemId = d.orderItemId;
        priced.lines.append(line);
        amounts.append(*a);
        priced.rows.append(QJsonObject{{QStringLiteral("position"), line.position},
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
    const QList<qint64> lineRates(amounts.size(), decision.ratePpm);
    const QStringList lineNames(amounts.size(), decision.name);
    auto totals = TaxCalculation::totals(currency, amounts, lineRates, lineNames);
    if (!totals)
        return makeError(errors::InvalidLine, totals.error().message, QStringLiteral("items"));
    priced.net = totals->net;
    priced.tax = totals->tax;
    priced.total = totals->gross;
    return priced;
}

} // namespace mp::billing
