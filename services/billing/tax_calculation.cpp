#include "billing/tax_calculation.h"

#include "money/money_errors.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace mp::billing {

namespace {

// National VAT number formats after the two-letter prefix (European Commission VIES "VAT number
// structure" table). Greece writes EL, not GR.
const QHash<QString, QString> &vatFormats()
{
    static const QHash<QString, QString> formats{
        {QStringLiteral("AT"), QStringLiteral("U\\d{8}")},
        {QStringLiteral("BE"), QStringLiteral("[01]\\d{9}")},
        {QStringLiteral("BG"), QStringLiteral("\\d{9,10}")},
        {QStringLiteral("CY"), QStringLiteral("\\d{8}[A-Z]")},
        {QStringLiteral("CZ"), QStringLiteral("\\d{8,10}")},
        {QStringLiteral("DE"), QStringLiteral("\\d{9}")},
        {QStringLiteral("DK"), QStringLiteral("\\d{8}")},
        {QStringLiteral("EE"), QStringLiteral("\\d{9}")},
        {QStringLiteral("GR"), QStringLiteral("\\d{9}")},
        {QStringLiteral("ES"), QStringLiteral("[A-Z0-9]\\d{7}[A-Z0-9]")},
        {QStringLiteral("FI"), QStringLiteral("\\d{8}")},
        {QStringLiteral("FR"), QStringLiteral("[A-HJ-NP-Z0-9]{2}\\d{9}")},
        {QStringLiteral("HR"), QStringLiteral("\\d{11}")},
        {QStringLiteral("HU"), QStringLiteral("\\d{8}")},
        {QStringLiteral("IE"), QStringLiteral("\\d[A-Z0-9+*]\\d{5}[A-W][A-I]?")},
        {QStringLiteral("IT"), QStringLiteral("\\d{11}")},
        {QStringLiteral("LT"), QStringLiteral("\\d{9}|\\d{12}")},
        {QStringLiteral("LU"), QStringLiteral("\\d{8}")},
        {QStringLiteral("LV"), QStringLiteral("\\d{11}")},
        {QStringLiteral("MT"), QStringLiteral("\\d{8}")},
        {QStringLiteral("NL"), QStringLiteral("\\d{9}B\\d{2}")},
        {QStringLiteral("PL"), QStringLiteral("\\d{10}")},
        {QStringLiteral("PT"), QStringLiteral("\\d{9}")},
        {QStringLiteral("RO"), QStringLiteral("\\d{2,10}")},
        {QStringLiteral("SE"), QStringLiteral("\\d{10}01")},
        {QStringLiteral("SI"), QStringLiteral("\\d{8}")},
        {QStringLiteral("SK"), QStringLiteral("\\d{10}")},
    };
    return formats;
}

QString vatPrefix(const QString &country)
{
    return country == QLatin1String("GR") ? QStringLiteral("EL") : country;
}

} // namespace

bool TaxCalculation::isEuMember(const QString &country)
{
    return vatFormats().contains(country);
}

QString TaxCalculation::normaliseVatId(const QString &taxId)
{
    QString out;
    out.reserve(taxId.size());
    for (const QChar c : taxId) {
        if (c.isSpace() || c == u'.' || c == u'-')
            continue;
        out.append(c.toUpper());
    }
    return out;
}

bool TaxCalculation::looksLikeEuVatId(const QString &country, const QString &taxId)
{
    const auto format = vatFormats().constFind(country);
    if (format == vatFormats().constEnd())
        return false;
    const QString id = normaliseVatId(taxId);
    const QString prefix = vatPrefix(country);
    if (!id.startsWith(prefix))
        return false;
    const QRegularExpression re(QRegularExpression::anchoredPattern(*format));
    return re.match(QStringView(id).mid(prefix.size())).hasMatch();
}

TaxDecision TaxCalculation::decide(const QList<TaxRate> &rates, const QString &sellerCountry,
                                   const TaxBuyer &buyer, QDate issueDate, bool reverseCharge)
{
    TaxDecision decision;
    if (reverseCharge && isEuMember(sellerCountry) && isEuMember(buyer.country) &&
        buyer.country != sellerCountry && looksLikeEuVatId(buyer.country, buyer.taxId)) {
        decision.reverseCharge = true;
        decision.name = QStringLiteral("VAT");
        decision.note = QString::fromLatin1(kReverseChargeNote);
        return decision;
    }
    const TaxRate *best = nullptr;
    auto consider = [&](const QString &country) {
        for (const TaxRate &rate : rates) {
            if (rate.country != country || !rate.appliesOn(issueDate))
                continue;
            if (!best || rate.validFrom > best->validFrom)
                best = &rate;
        }
    };
    if (!buyer.country.isEmpty())
        consider(buyer.country);
    if (!best)
        consider(QString());
    if (best) {
        decision.ratePpm = best->ratePpm;
        decision.name = best->name;
    }
    return decision;
}

Result<LineAmounts> TaxCalculation::line(const Money &unitPrice, qint64 quantity, qint64 ratePpm,
                                         PriceMode mode)
{
    if (ratePpm < 0)
        return makeError(errors::InvalidArgument, QStringLiteral("a tax rate cannot be negative"));
    auto amount = unitPrice.multiply(quantity);
    if (!amount)
        return amount.error();
    if (mode == PriceMode::TaxExclusive) {
        auto tax = amount->percentage(ratePpm, Rounding::HalfUp);
        if (!tax)
            return tax.error();
        auto gross = amount->add(*tax);
        if (!gross)
            return gross.error();
        return LineAmounts{*amount, *tax, *gross};
    }
    auto tax = amount->extractInclusiveTax(ratePpm, Rounding::HalfUp);
    if (!tax)
        return tax.error();
    auto net = amount->subtract(*tax);
    if (!net)
        return net.error();
    return LineAmounts{*net, *tax, *amount};
}

Result<InvoiceTotals> TaxCalculation::totals(const Currency &currency, const QList<LineAmounts> &lines,
                                             const QList<qint64> &rates, const QStringList &names)
{
    if (rates.size() != lines.size() || names.size() != lines.size())
        return makeError(errors::InvalidArgument, QStringLiteral("rates and names must match the lines"));
    InvoiceTotals t{Money::zero(currency), Money::zero(currency), Money::zero(currency), {}};
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const LineAmounts &l = lines.at(i);
        auto net = t.net.add(l.net);
        auto tax = t.tax.add(l.tax);
        auto gross = t.gross.add(l.gross);
        if (!net)
            return net.error();
        if (!tax)
            return tax.error();
        if (!gross)
            return gross.error();
        t.net = *net;
        t.tax = *tax;
        t.gross = *gross;
        auto row = std::find_if(t.breakdown.begin(), t.breakdown.end(), [&](const TaxBreakdownRow &r) {
            return r.ratePpm == rates.at(i) && r.name == names.at(i);
        });
        if (row == t.breakdown.end()) {
            t.breakdown.append({rates.at(i), names.at(i), l.net, l.tax});
            continue;
        }
        auto rowNet = row->net.add(l.net);
        auto rowTax = row->tax.add(l.tax);
        if (!rowNet)
            return rowNet.error();
        if (!rowTax)
            return rowTax.error();
        row->net = *rowNet;
        row->tax = *rowTax;
    }
    return t;
}

} // namespace mp::billing
