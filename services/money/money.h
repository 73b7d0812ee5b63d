#pragma once

#include "core/result.h"
#include "money/currency.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <compare>

namespace mp {

// How a result that falls between two minor units is settled. Only ties differ between the
// modes; anything else always goes to the nearest minor unit. The mode is a required argument
// everywhere so that every rounding in billing code is a visible decision.
enum class Rounding {
    HalfUp,   // ties away from zero (2.5 -> 3, -2.5 -> -3): the commercial rule on invoices
    HalfEven, // ties to the even neighbour (2.5 -> 2, 3.5 -> 4): banker's rounding, no drift in sums
};

// An amount of money: a whole number of minor units (cents, fils, yen) of one currency.
// There is no floating point anywhere, so 0.1 + 0.2 is exactly 0.3. Operations that can fail
// (currency mismatch, 64-bit overflow, bad arguments) return a Result instead of wrapping or
// throwing. Error codes: "currency_mismatch", "overflow", "invalid_amount", "too_many_decimals",
// "invalid_argument".
class Money {
public:
    // `minorAmount` counts minor units: Money(1234, EUR) is 12.34 EUR, Money(1234, JPY) is 1234 JPY.
    Money(qint64 minorAmount, const Currency &currency) : m_minor(minorAmount), m_currency(currency) {}

    // Zero in the given currency, the start value for sums.
    static Money zero(const Currency &currency) { return Money(0, currency); }

    // Parses a plain decimal ("12.34", "-0.5", "1000") exactly. Accepts an optional leading '-',
    // at least one digit before the point and, if there is a point, 1..minorUnits digits after it.
    // Rejects everything else (spaces, '+', grouping, exponents, ".5", "5.") as "invalid_amount",
    // more decimals than the currency has as "too_many_decimals" (even trailing zeros: "1.000" EUR
    // is suspicious input, not a rounding request) and values beyond qint64 as "overflow".
    static Result<Money> parse(QStringView decimal, const Currency &currency);

    qint64 minorAmount() const { return m_minor; }
    const Currency &currency() const { return m_currency; }

    // Plain decimal with exactly minorUnits() decimals and no grouping: "12.30", "-0.05", "100"
    // for JPY. parse(toDecimalString()) gives back the same value.
    QString toDecimalString() const;

    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }
    bool isPositive() const { return m_minor > 0; }

    // -this; fails with "overflow" only for the most negative qint64, which has no positive twin.
    Result<Money> negated() const;

    // this + other / this - other; "currency_mismatch" when currencies differ, "overflow" past qint64.
    Result<Money> add(const Money &other) const;
    Result<Money> subtract(const Money &other) const;

    // this * quantity, exact; "overflow" past qint64.
    Result<Money> multiply(qint64 quantity) const;

    // this * numerator / denominator, computed exactly in 128 bits and rounded once at the end.
    // "invalid_argument" for a zero denominator, "overflow" if the result leaves qint64.
    Result<Money> scaled(qint64 numerator, qint64 denominator, Rounding rounding) const;

    // this * ratePpm / 1'000'000 with rates in parts per million (19 % = 190000, 7.5 % = 75000),
    // so fractional tax rates need no floating point. Negative rates are allowed (discounts).
    Result<Money> percentage(qint64 ratePpm, Rounding rounding) const;

    // The tax contained in a tax-inclusive (gross) amount: this * rate / (1'000'000 + rate).
    // 9.99 EUR at 19 % contains 1.60 EUR tax (1.595... rounded). The net part is this minus the
    // result, which keeps net + tax == gross exact. "invalid_argument" for negative rates.
    Result<Money> extractInclusiveTax(qint64 ratePpm, Rounding rounding) const;

    // Splits this amount in proportion to `weights` so that the parts add up exactly to the total
    // (largest-remainder method: each part gets its truncated share, the leftover minor units go
    // one by one to the largest remainders, earlier parts first on ties). 1.00 split {1,1,1} is
    // 0.34, 0.33, 0.33. Negative amounts split the same way, mirrored. "invalid_argument" for
    // empty or negative weights or weights that sum to zero. Zero weights get zero.
    Result<QList<Money>> allocate(const QList<qint64> &weights) const;

    // Orders two amounts of the same currency; "currency_mismatch" otherwise. There are no
    // operator< / <=> on purpose: an assert vanishes in release builds and would let "5 JPY < 1 EUR"
    // quietly answer by minor units, the very mix-up this type exists to prevent.
    Result<std::strong_ordering> compare(const Money &other) const;

    // Equal when both amount and currency are equal; different currencies are simply unequal.
    friend bool operator==(const Money &, const Money &) = default;

private:
    qint64 m_minor;
    Currency m_currency;
};

} // namespace mp
