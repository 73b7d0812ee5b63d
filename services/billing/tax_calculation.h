#pragma once

#include "core/result.h"
#include "money/money.h"

#include <QDate>
#include <QList>
#include <QString>

namespace mp::billing {

// Whether the tenant's catalog prices already contain tax (B2C shops in the EU) or have it
// added on top (B2B hosts). Decides how a line's net, tax and gross are derived.
enum class PriceMode { TaxExclusive, TaxInclusive };

// One configured rate. `country` empty is the tenant's default. The validity window is
// [validFrom, validTo): validTo is the first day the rate no longer applies (invalid = open),
// so a rate change is one row ending on the day the next one starts, with no gap or overlap.
struct TaxRate {
    QString country;
    QString name; // printed on the invoice: "VAT", "USt."
    qint64 ratePpm = 0;
    QDate validFrom;
    QDate validTo;

    bool appliesOn(QDate day) const
    {
        return (!validFrom.isValid() || day >= validFrom) && (!validTo.isValid() || day < validTo);
    }
};

// The buyer as far as tax is concerned.
struct TaxBuyer {
    QString country; // ISO 3166-1 alpha-2, may be empty
    QString taxId;   // as entered
};

// The rate a whole invoice is taxed at, and why.
struct TaxDecision {
    qint64 ratePpm = 0;
    QString name;
    bool reverseCharge = false;
    QString note; // printed under the totals when not empty
};

// What one invoice line comes to. net + tax == gross exactly, in both price modes.
struct LineAmounts {
    Money net;
    Money tax;
    Money gross;
};

// Totals of an invoice: always the plain sums of its lines, never recomputed from a total, so
// the printed lines add up to the printed total to the minor unit.
struct TaxBreakdownRow {
    qint64 ratePpm = 0;
    QString name;
    Money net;
    Money tax;
};

struct InvoiceTotals {
    Money net;
    Money tax;
    Money gross;
    QList<TaxBreakdownRow> breakdown; // one row per distinct (rate, name), in order of appearance
};

inline constexpr auto kReverseChargeNote = "Reverse charge: VAT to be accounted for by the recipient "
                                           "(Art. 196 Council Directive 2006/112/EC).";

class TaxCalculation {
public:
    // The rate for an invoice issued on `issueDate` to `buyer` by a seller in `sellerCountry`.
    // EU B2B reverse charge first (0 %, with the note); then the buyer country's rate valid on
    // that day; then the tenant default valid on that day; with no rate configured at all the
    // tenant charges no tax (0 %, no name). Several valid rows: the latest validFrom wins.
    // `reverseCharge` false (the tenant turned it off): the buyer's country rate applies to
    // businesses too.
    static TaxDecision decide(const QList<TaxRate> &rates, const QString &sellerCountry,
                              const TaxBuyer &buyer, QDate issueDate, bool reverseCharge = true);

    // One line: quantity x unit price, then the tax on the line total rounded half-up once.
    // Exclusive: net = price x qty, tax = net x rate. Inclusive: gross = price x qty, tax is
    // the part of gross at that rate, net = gross - tax. Errors: "overflow", "invalid_argument".
    static Result<LineAmounts> line(const Money &unitPrice, qint64 quantity, qint64 ratePpm, PriceMode mode);

    // Sums lines of one currency; "currency_mismatch" if they differ. `rates`/`names` run
    // parallel to `lines` and feed the breakdown.
    static Result<InvoiceTotals> totals(const Currency &currency, const QList<LineAmounts> &lines,
                                        const QList<qint64> &rates, const QStringList &names);

    static bool isEuMember(const QString &country);
    // True when `taxId` looks like a VAT number of `country` (an EU member): its prefix ("EL"
    // for Greece) and the national format. Spaces, dots and dashes are ignored. Only the
    // format: whether the number exists is VIES's business, not something to block checkout on.
    static bool looksLikeEuVatId(const QString &country, const QString &taxId);
    // " de 123.456.789 " -> "DE123456789".
    static QString normaliseVatId(const QString &taxId);
};

} // namespace mp::billing
