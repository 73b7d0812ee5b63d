#include "money/money.h"

#include "money/money_errors.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

using namespace Qt::StringLiterals;

namespace mp {

namespace {

// __extension__ keeps -Wpedantic quiet about the GCC/Clang 128-bit type. 128 bits hold any
// product of two qint64 values, so scaling multiplies first and divides (rounding once) last.
__extension__ typedef __int128 Int128;

constexpr qint64 kMin = std::numeric_limits<qint64>::min();
constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kPpm = 1'000'000;
constexpr qint64 kPow10[] = {1, 10, 100, 1000, 10000};

Error mismatch(const Money &a, const Money &b)
{
    return makeError(errors::CurrencyMismatch,
                     u"cannot combine %1 with %2"_s.arg(a.currency().code(), b.currency().code()));
}

Error overflow(const QString &what)
{
    return makeError(errors::Overflow, u"%1 does not fit in a 64-bit amount"_s.arg(what));
}

Error invalidArgument(const QString &message)
{
    return makeError(errors::InvalidArgument, message);
}

Result<Money> fromWide(Int128 minor, const Currency &currency, const QString &what)
{
    if (minor < kMin || minor > kMax)
        return overflow(what);
    return Money(qint64(minor), currency);
}

// n / d rounded to an integer; d != 0. C++ division truncates toward zero, so the remainder
// tells how far the exact quotient is past q, and only the tie case depends on the mode.
Int128 roundedDivide(Int128 n, Int128 d, Rounding rounding)
{
    if (d < 0) {
        n = -n;
        d = -d;
    }
    Int128 q = n / d;
    const Int128 r = n % d;
    if (r == 0)
        return q;
    const Int128 twice = 2 * (r < 0 ? -r : r);
    bool awayFromZero = twice > d;
    if (twice == d) {
        switch (rounding) {
        case Rounding::HalfUp:
            awayFromZero = true;
            break;
        case Rounding::HalfEven:
            awayFromZero = q % 2 != 0;
            break;
        }
    }
    if (awayFromZero)
        q += n < 0 ? -1 : 1;
    return q;
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

} // namespace

Result<Money> Money::parse(QStringView text, const Currency &currency)
{
    const auto invalid = [&] {
        return makeError(errors::InvalidAmount, u"'%1' is not a decimal amount"_s.arg(text.toString()));
    };

    // Anything past 2^64 overflows whatever follows; capping there keeps the 128-bit
    // accumulator safe against arbitrarily long digit strings.
    constexpr Int128 kCap = Int128(1) << 64;
    Int128 magnitude = 0;
    bool tooLarge = false;
    const auto take = [&](QChar c) {
        if (tooLarge)
            return;
        magnitude = magnitude * 10 + (c.unicode() - u'0');
        tooLarge = magnitude > kCap;
    };

    qsizetype i = 0;
    const qsizetype n = text.size();
    const bool negative = i < n && text[i] == u'-';
    if (negative)
        ++i;

    qsizetype intDigits = 0;
    for (; i < n && isAsciiDigit(text[i]); ++i, ++intDigits)
        take(text[i]);
    if (intDigits == 0)
        return invalid();

    qsizetype fracDigits = 0;
    if (i < n && text[i] == u'.') {
        ++i;
        for (; i < n && isAsciiDigit(text[i]); ++i, ++fracDigits)
            take(text[i]);
        if (fracDigits == 0)
            return invalid();
    }
    if (i != n)
        return invalid();

    if (fracDigits > currency.minorUnits()) {
        return makeError(errors::TooManyDecimals,
                         u"%1 allows at most %2 decimals, got '%3'"_s.arg(
                             currency.code(), QString::number(currency.minorUnits()), text.toString()));
    }
    if (tooLarge)
        return overflow(text.toString());
    magnitude *= kPow10[currency.minorUnits() - fracDigits];
    return fromWide(negative ? -magnitude : magnitude, currency, text.toString());
}

QString Money::toDecimalString() const
{
    // Unsigned magnitude, because -qint64 min is not representable.
    const quint64 magnitude = m_minor < 0 ? quint64(0) - quint64(m_minor) : quint64(m_minor);
    const quint64 perMajor = quint64(m_currency.minorPerMajor());
    QString out;
    if (m_minor < 0)
        out += u'-';
    out += QString::number(magnitude / perMajor);
    if (const int decimals = m_currency.minorUnits(); decimals > 0) {
        out += u'.';
        out += QString::number(magnitude % perMajor).rightJustified(decimals, u'0');
    }
    return out;
}

Result<Money> Money::negated() const
{
    qint64 out;
    if (__builtin_sub_overflow(qint64(0), m_minor, &out))
        return overflow(u"-(%1)"_s.arg(toDecimalString()));
    return Money(out, m_currency);
}

Result<Money> Money::add(const Money &other) const
{
    if (m_currency != other.m_currency)
        return mismatch(*this, other);
    qint64 out;
    if (__builtin_add_overflow(m_minor, other.m_minor, &out))
        return overflow(u"%1 + %2"_s.arg(toDecimalString(), other.toDecimalString()));
    return Money(out, m_currency);
}

Result<Money> Money::subtract(const Money &other) const
{
    if (m_currency != other.m_currency)
        return mismatch(*this, other);
    qint64 out;
    if (__builtin_sub_overflow(m_minor, other.m_minor, &out))
        return overflow(u"%1 - %2"_s.arg(toDecimalString(), other.toDecimalString()));
    return Money(out, m_currency);
}

Result<Money> Money::multiply(qint64 quantity) const
{
    qint64 out;
    if (__builtin_mul_overflow(m_minor, quantity, &out))
        return overflow(u"%1 * %2"_s.arg(toDecimalString(), QString::number(quantity)));
    return Money(out, m_currency);
}

Result<Money> Money::scaled(qint64 numerator, qint64 denominator, Rounding rounding) const
{
    if (denominator == 0)
        return invalidArgument(u"scaling by %1/0"_s.arg(numerator));
    const Int128 exact = roundedDivide(Int128(m_minor) * numerator, denominator, rounding);
    return fromWide(exact, m_currency,
                    u"%1 * %2 / %3"_s.arg(toDecimalString()).arg(numerator).arg(denominator));
}

Result<Money> Money::percentage(qint64 ratePpm, Rounding rounding) const
{
    return scaled(ratePpm, kPpm, rounding);
}

Result<Money> Money::extractInclusiveTax(qint64 ratePpm, Rounding rounding) const
{
    if (ratePpm < 0)
        return invalidArgument(u"negative tax rate %1 ppm"_s.arg(ratePpm));
    // 1'000'000 + rate is formed in 128 bits, so even absurd rates cannot overflow here, and
    // the tax never exceeds the gross amount, so the result always fits.
    const Int128 tax = roundedDivide(Int128(m_minor) * ratePpm, Int128(kPpm) + ratePpm, rounding);
    return fromWide(tax, m_currency, toDecimalString());
}

Result<QList<Money>> Money::allocate(const QList<qint64> &weights) const
{
    if (weights.isEmpty())
        return invalidArgument(u"allocation needs at least one weight"_s);
    Int128 total = 0;
    for (qint64 w : weights) {
        if (w < 0)
            return invalidArgument(u"allocation weight %1 is negative"_s.arg(w));
        total += w;
    }
    if (total == 0)
        return invalidArgument(u"allocation weights sum to zero"_s);

    // Split the magnitude and mirror the sign afterwards, so a refund (negative) splits exactly
    // like the charge it reverses. |qint64 min| fits in 128 bits.
    const Int128 magnitude = m_minor < 0 ? -Int128(m_minor) : Int128(m_minor);
    const auto count = size_t(weights.size());
    std::vector<Int128> shares(count);
    std::vector<Int128> remainders(count);
    Int128 distributed = 0;
    for (size_t i = 0; i < count; ++i) {
        const Int128 product = magnitude * weights[qsizetype(i)];
        shares[i] = product / total;
        remainders[i] = product % total;
        distributed += shares[i];
    }

    // The leftover is sum(remainders) / total and every remainder is below total, so there are
    // always enough parts with a non-zero remainder; zero weights never receive a unit.
    std::vector<size_t> order(count);
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return remainders[a] > remainders[b]; });
    const auto leftover = size_t(magnitude - distributed);
    for (size_t k = 0; k < leftover; ++k)
        shares[order[k]] += 1;

    QList<Money> parts;
    parts.reserve(qsizetype(count));
    for (const Int128 share : shares)
        parts.append(Money(qint64(m_minor < 0 ? -share : share), m_currency));
    return parts;
}

Result<std::strong_ordering> Money::compare(const Money &other) const
{
    if (m_currency != other.m_currency)
        return mismatch(*this, other);
    return m_minor <=> other.m_minor;
}

} // namespace mp
