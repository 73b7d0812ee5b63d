#pragma once

#include <QHashFunctions>
#include <QList>
#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace mp {

// An ISO 4217 currency that money can be kept in. Instances only come out of the built-in table
// (fromCode / all), so holding a Currency means holding a known code with a known exponent;
// there is deliberately no default constructor that could produce an "empty" currency.
//
// Codes without a minor unit in ISO 4217 (precious metals XAU/XAG/XPT/XPD, bond units XBA-XBD,
// XDR, XSU, XUA, the test code XTS and "no currency" XXX) are left out: nothing can be invoiced
// in them, and without an exponent there is no exact minor unit to count in.
class Currency {
public:
    // Looks up an exact alphabetic code ("EUR"). Lowercase, surrounding whitespace, unknown or
    // withdrawn codes and the non-currency X codes give nullopt: normalising input is the caller's
    // job, so that a typo never silently picks a currency.
    static std::optional<Currency> fromCode(QStringView code);

    // Every supported currency, sorted by code; for pickers and for validating stored data.
    static const QList<Currency> &all();

    // The three-letter code, e.g. "EUR".
    QString code() const;

    // The ISO 4217 exponent: decimals after the point (EUR 2, JPY 0, KWD 3, CLF 4).
    int minorUnits() const { return m_minorUnits; }

    // 10^minorUnits(): how many minor units make one major unit (EUR 100, JPY 1, KWD 1000).
    qint64 minorPerMajor() const;

    friend bool operator==(const Currency &, const Currency &) = default;
    friend size_t qHash(const Currency &c, size_t seed = 0) noexcept
    {
        return qHash((uint(uchar(c.m_code[0])) << 16) | (uint(uchar(c.m_code[1])) << 8) | uchar(c.m_code[2]),
                     seed);
    }

private:
    Currency(const std::array<char, 3> &code, int minorUnits);

    std::array<char, 3> m_code;
    quint8 m_minorUnits;
};

} // namespace mp
