#pragma once

#include "billing/invoice.h"
#include "billing/tax_calculation.h"
#include "core/result.h"

#include <QJsonArray>
#include <QList>

namespace mp::billing {

// An invoice's lines with their tax worked out, and the totals as the sums of those lines.
struct PricedLines {
    explicit PricedLines(const Currency &c) : net(Money::zero(c)), tax(Money::zero(c)), total(Money::zero(c))
    {
    }
    QList<InvoiceLine> lines;
    Money net;
    Money tax;
    Money total;
    // The lines as invoice_items rows, for one set-based statement (jsonb_to_recordset).
    QJsonArray rows;
};

// Prices lines under one tax decision: both when an invoice is created and again when a draft
// is issued, so a draft issued after a rate change carries the rate of its issue date.
class InvoicePricing {
public:
    static constexpr int kMaxLines = 200;
    static constexpr qint64 kMaxQuantity = 1'000'000;
    // The lines' shape alone (count, descriptions, quantities, currency), before any query runs.
    // Errors name the line: "invalid_line" on field items / items[i].description / quantity /
    // unit_price.
    static Status check(const QList<LineDraft> &lines, const Currency &currency);
    // check(), then each line's amounts; an overflow is an "invalid_line" on items[i].unit_price.
    static Result<PricedLines> price(const QList<LineDraft> &lines, const Currency &currency, PriceMode mode,
                                     const TaxDecision &decision);
};

} // namespace mp::billing
