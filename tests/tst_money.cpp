#include "core/result.h"
#include "money/currency.h"
#include "money/money.h"

#include <QSet>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;
using mp::Currency;
using mp::Money;
using mp::Rounding;

namespace {

constexpr qint64 kMax = std::numeric_limits<qint64>::max();
constexpr qint64 kMin = std::numeric_limits<qint64>::min();

// Tests only name codes that are in the table; a typo fails loudly in the lookup test instead.
Currency cur(QStringView code)
{
    return Currency::fromCode(code).value();
}

Money eur(qint64 cents)
{
    return Money(cents, cur(u"EUR"));
}

} // namespace

class TestMoney : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void currencyLookup_data();
    void currencyLookup();
    void currencyRejects_data();
    void currencyRejects();
    void currencyTable();

    void parse_data();
    void parse();
    void parseRejects_data();
    void parseRejects();
    void formatRoundTrip_data();
    void formatRoundTrip();

    void addSubtract();
    void currencyMismatch();
    void addSubtractOverflow();
    void multiply();
    void negated();
    void predicatesAndCompare();

    void scaledRounding_data();
    void scaledRounding();
    void scaledErrors();
    void percentage_data();
    void percentage();
    void inclusiveTax_data();
    void inclusiveTax();
    void thirds();

    void allocate_data();
    void allocate();
    void allocateRejects();
};

void TestMoney::currencyLookup_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("minorUnits");
    QTest::newRow("EUR") << u"EUR"_s << 2;
    QTest::newRow("USD") << u"USD"_s << 2;
    QTest::newRow("JPY") << u"JPY"_s << 0;
    QTest::newRow("KRW") << u"KRW"_s << 0;
    QTest::newRow("ISK") << u"ISK"_s << 0;
    QTest::newRow("CLP") << u"CLP"_s << 0;
    QTest::newRow("VND") << u"VND"_s << 0;
    QTest::newRow("BHD") << u"BHD"_s << 3;
    QTest::newRow("KWD") << u"KWD"_s << 3;
    QTest::newRow("OMR") << u"OMR"_s << 3;
    QTest::newRow("JOD") << u"JOD"_s << 3;
    QTest::newRow("TND") << u"TND"_s << 3;
    QTest::newRow("LYD") << u"LYD"_s << 3;
    QTest::newRow("IQD") << u"IQD"_s << 3;
    QTest::newRow("CLF") << u"CLF"_s << 4;
    QTest::newRow("UYW") << u"UYW"_s << 4;
    QTest::newRow("first in table") << u"AED"_s << 2;
    QTest::newRow("last in table") << u"ZWG"_s << 2;
}

void TestMoney::currencyLookup()
{
    QFETCH(QString, code);
    QFETCH(int, minorUnits);
    const auto c = Currency::fromCode(code);
    QVERIFY(c.has_value());
    QCOMPARE(c->code(), code);
    QCOMPARE(c->minorUnits(), minorUnits);
    qint64 perMajor = 1;
    for (int i = 0; i < minorUnits; ++i)
        perMajor *= 10;
    QCOMPARE(c->minorPerMajor(), perMajor);
}

void TestMoney::currencyRejects_data()
{
    QTest::addColumn<QString>("code");
    QTest::newRow("lowercase") << u"eur"_s;
    QTest::newRow("mixed case") << u"Eur"_s;
    QTest::newRow("no currency") << u"XXX"_s;
    QTest::newRow("test code") << u"XTS"_s;
    QTest::newRow("gold") << u"XAU"_s;
    QTest::newRow("SDR") << u"XDR"_s;
    QTest::newRow("withdrawn HRK") << u"HRK"_s;
    QTest::newRow("unknown") << u"ABC"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("too short") << u"EU"_s;
    QTest::newRow("too long") << u"EURO"_s;
    QTest::newRow("padded") << u" EUR"_s;
    QTest::newRow("digits") << u"978"_s;
    QTest::newRow("fullwidth") << u"\uFF25\uFF35\uFF32"_s;
}

void TestMoney::currencyRejects()
{
    QFETCH(QString, code);
    QVERIFY(!Currency::fromCode(code).has_value());
}

void TestMoney::currencyTable()
{
    const QList<Currency> &all = Currency::all();
    QVERIFY(all.size() > 150);
    QSet<QString> seen;
    for (const Currency &c : all) {
        QVERIFY2(!seen.contains(c.code()), qPrintable(c.code()));
        seen.insert(c.code());
        // Every listed currency must be reachable through fromCode, with the same exponent.
        const auto again = Currency::fromCode(c.code());
        QVERIFY(again.has_value());
        QCOMPARE(again->minorUnits(), c.minorUnits());
        QVERIFY(*again == c);
    }
    QVERIFY(seen.contains(u"EUR"_s));
    QVERIFY(!seen.contains(u"XXX"_s));
    QVERIFY(cur(u"EUR") != cur(u"USD"));
    QCOMPARE(qHash(cur(u"EUR")), qHash(cur(u"EUR")));
}

void TestMoney::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("minor");
    QTest::newRow("cents") << u"12.34"_s << u"EUR"_s << qint64(1234);
    QTest::newRow("one decimal") << u"-0.5"_s << u"EUR"_s << qint64(-50);
    QTest::newRow("integer") << u"1000"_s << u"EUR"_s << qint64(100000);
    QTest::newRow("zero") << u"0"_s << u"EUR"_s << qint64(0);
    QTest::newRow("negative zero") << u"-0.00"_s << u"EUR"_s << qint64(0);
    QTest::newRow("leading zeros") << u"007.10"_s << u"EUR"_s << qint64(710);
    QTest::newRow("JPY") << u"100"_s << u"JPY"_s << qint64(100);
    QTest::newRow("KWD") << u"1.5"_s << u"KWD"_s << qint64(1500);
    QTest::newRow("KWD fils") << u"0.001"_s << u"KWD"_s << qint64(1);
    QTest::newRow("CLF") << u"-2.0001"_s << u"CLF"_s << qint64(-20001);
    QTest::newRow("max") << u"92233720368547758.07"_s << u"EUR"_s << kMax;
    QTest::newRow("min") << u"-92233720368547758.08"_s << u"EUR"_s << kMin;
    QTest::newRow("max JPY") << u"9223372036854775807"_s << u"JPY"_s << kMax;
}

void TestMoney::parse()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(qint64, minor);
    const auto m = Money::parse(input, cur(code));
    QVERIFY2(m.ok(), qPrintable(m ? QString() : m.error().message));
    QCOMPARE(m->minorAmount(), minor);
    QVERIFY(m->currency() == cur(code));
}

void TestMoney::parseRejects_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("error");
    const QString invalid = u"invalid_amount"_s;
    QTest::newRow("empty") << QString() << u"EUR"_s << invalid;
    QTest::newRow("minus only") << u"-"_s << u"EUR"_s << invalid;
    QTest::newRow("plus sign") << u"+1"_s << u"EUR"_s << invalid;
    QTest::newRow("no integer part") << u".5"_s << u"EUR"_s << invalid;
    QTest::newRow("dangling point") << u"5."_s << u"EUR"_s << invalid;
    QTest::newRow("comma") << u"12,34"_s << u"EUR"_s << invalid;
    QTest::newRow("grouping") << u"1,000.00"_s << u"EUR"_s << invalid;
    QTest::newRow("exponent") << u"1e3"_s << u"EUR"_s << invalid;
    QTest::newRow("spaces") << u" 12.34"_s << u"EUR"_s << invalid;
    QTest::newRow("trailing text") << u"12.34EUR"_s << u"EUR"_s << invalid;
    QTest::newRow("two points") << u"1.2.3"_s << u"EUR"_s << invalid;
    QTest::newRow("double minus") << u"--1"_s << u"EUR"_s << invalid;
    QTest::newRow("arabic-indic digit") << u"\u0661"_s << u"EUR"_s << invalid;
    QTest::newRow("nan") << u"nan"_s << u"EUR"_s << invalid;
    QTest::newRow("3 decimals in EUR") << u"1.234"_s << u"EUR"_s << u"too_many_decimals"_s;
    QTest::newRow("trailing zero too many") << u"1.000"_s << u"EUR"_s << u"too_many_decimals"_s;
    QTest::newRow("decimals in JPY") << u"100.0"_s << u"JPY"_s << u"too_many_decimals"_s;
    QTest::newRow("4 decimals in KWD") << u"0.0001"_s << u"KWD"_s << u"too_many_decimals"_s;
    QTest::newRow("max + 1") << u"92233720368547758.08"_s << u"EUR"_s << u"overflow"_s;
    QTest::newRow("min - 1") << u"-92233720368547758.09"_s << u"EUR"_s << u"overflow"_s;
    QTest::newRow("JPY max + 1") << u"9223372036854775808"_s << u"JPY"_s << u"overflow"_s;
    QTest::newRow("huge") << u"123456789012345678901234567890123456789012345"_s << u"EUR"_s << u"overflow"_s;
}

void TestMoney::parseRejects()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QString, error);
    const auto m = Money::parse(input, cur(code));
    QVERIFY(!m.ok());
    QCOMPARE(m.error().code, error);
    QVERIFY(!m.error().message.isEmpty());
}

void TestMoney::formatRoundTrip_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("text");
    QTest::newRow("cents") << qint64(1234) << u"EUR"_s << u"12.34"_s;
    QTest::newRow("trailing zero kept") << qint64(1230) << u"EUR"_s << u"12.30"_s;
    QTest::newRow("small negative") << qint64(-5) << u"EUR"_s << u"-0.05"_s;
    QTest::newRow("zero") << qint64(0) << u"EUR"_s << u"0.00"_s;
    QTest::newRow("JPY") << qint64(100) << u"JPY"_s << u"100"_s;
    QTest::newRow("JPY negative") << qint64(-7) << u"JPY"_s << u"-7"_s;
    QTest::newRow("KWD") << qint64(1005) << u"KWD"_s << u"1.005"_s;
    QTest::newRow("CLF") << qint64(1) << u"CLF"_s << u"0.0001"_s;
    QTest::newRow("max") << kMax << u"EUR"_s << u"92233720368547758.07"_s;
    QTest::newRow("min") << kMin << u"EUR"_s << u"-92233720368547758.08"_s;
}

void TestMoney::formatRoundTrip()
{
    QFETCH(qint64, minor);
    QFETCH(QString, code);
    QFETCH(QString, text);
    const Money m(minor, cur(code));
    QCOMPARE(m.toDecimalString(), text);
    const auto back = Money::parse(text, cur(code));
    QVERIFY(back.ok());
    QVERIFY(*back == m);
}

void TestMoney::addSubtract()
{
    const auto sum = eur(10).add(eur(20));
    QVERIFY(sum.ok());
    QCOMPARE(sum->toDecimalString(), u"0.30"_s); // the 0.1 + 0.2 classic, exact

    const auto diff = eur(1000).subtract(eur(1999));
    QVERIFY(diff.ok());
    QCOMPARE(diff->minorAmount(), qint64(-999));
    QVERIFY(diff->isNegative());

    QVERIFY(eur(5).add(Money::zero(cur(u"EUR")))->minorAmount() == 5);
}

void TestMoney::currencyMismatch()
{
    const Money usd(100, cur(u"USD"));
    const auto sum = eur(100).add(usd);
    QVERIFY(!sum.ok());
    QCOMPARE(sum.error().code, u"currency_mismatch"_s);
    QCOMPARE(eur(100).subtract(usd).error().code, u"currency_mismatch"_s);
    QCOMPARE(eur(100).compare(usd).error().code, u"currency_mismatch"_s);
    // Same minor amount, different currency: not equal, and not "ordered" either.
    QVERIFY(!(eur(100) == usd));
    // JPY and EUR differ in exponent too; 100 JPY is not 1.00 EUR.
    QCOMPARE(Money(100, cur(u"JPY")).add(eur(100)).error().code, u"currency_mismatch"_s);
}

void TestMoney::addSubtractOverflow()
{
    QCOMPARE(eur(kMax).add(eur(1)).error().code, u"overflow"_s);
    QCOMPARE(eur(kMin).add(eur(-1)).error().code, u"overflow"_s);
    QCOMPARE(eur(kMin).subtract(eur(1)).error().code, u"overflow"_s);
    QCOMPARE(eur(0).subtract(eur(kMin)).error().code, u"overflow"_s);
    QCOMPARE(eur(kMax).add(eur(kMin))->minorAmount(), qint64(-1));
    QCOMPARE(eur(kMax - 1).add(eur(1))->minorAmount(), kMax);
}

void TestMoney::multiply()
{
    QCOMPARE(eur(333).multiply(3)->toDecimalString(), u"9.99"_s);
    QCOMPARE(eur(-250).multiply(4)->minorAmount(), qint64(-1000));
    QCOMPARE(eur(250).multiply(0)->minorAmount(), qint64(0));
    QCOMPARE(eur(kMax / 2).multiply(2)->minorAmount(), kMax - 1);
    QCOMPARE(eur(kMax / 2 + 1).multiply(2).error().code, u"overflow"_s);
    QCOMPARE(eur(kMin).multiply(-1).error().code, u"overflow"_s);
    QCOMPARE(eur(4'000'000'000).multiply(4'000'000'000).error().code, u"overflow"_s);
}

void TestMoney::negated()
{
    QCOMPARE(eur(5).negated()->minorAmount(), qint64(-5));
    QCOMPARE(eur(-5).negated()->minorAmount(), qint64(5));
    QCOMPARE(eur(0).negated()->minorAmount(), qint64(0));
    QCOMPARE(eur(kMax).negated()->minorAmount(), kMin + 1);
    QCOMPARE(eur(kMin).negated().error().code, u"overflow"_s);
}

void TestMoney::predicatesAndCompare()
{
    QVERIFY(eur(0).isZero());
    QVERIFY(!eur(0).isNegative());
    QVERIFY(!eur(0).isPositive());
    QVERIFY(eur(-1).isNegative());
    QVERIFY(eur(1).isPositive());

    QVERIFY(eur(1).compare(eur(2)).value() < 0);
    QVERIFY(eur(2).compare(eur(1)).value() > 0);
    QVERIFY(eur(2).compare(eur(2)).value() == 0);
    QVERIFY(eur(kMin).compare(eur(kMax)).value() < 0);
    QVERIFY(eur(7) == eur(7));
    QVERIFY(!(eur(7) == eur(8)));
}

void TestMoney::scaledRounding_data()
{
    QTest::addColumn<qint64>("minor");
    QTest::addColumn<qint64>("numerator");
    QTest::addColumn<qint64>("denominator");
    QTest::addColumn<qint64>("halfUp");
    QTest::addColumn<qint64>("halfEven");
    // Ties: the only place the modes differ.
    QTest::newRow("0.5 -> 1 | 0") << qint64(1) << qint64(1) << qint64(2) << qint64(1) << qint64(0);
    QTest::newRow("1.5 -> 2 | 2") << qint64(3) << qint64(1) << qint64(2) << qint64(2) << qint64(2);
    QTest::newRow("2.5 -> 3 | 2") << qint64(5) << qint64(1) << qint64(2) << qint64(3) << qint64(2);
    QTest::newRow("-0.5 -> -1 | 0") << qint64(-1) << qint64(1) << qint64(2) << qint64(-1) << qint64(0);
    QTest::newRow("-2.5 -> -3 | -2") << qint64(-5) << qint64(1) << qint64(2) << qint64(-3) << qint64(-2);
    QTest::newRow("-3.5 -> -4 | -4") << qint64(-7) << qint64(1) << qint64(2) << qint64(-4) << qint64(-4);
    QTest::newRow("negative denominator") << qint64(5) << qint64(1) << qint64(-2) << qint64(-3) << qint64(-2);
    QTest::newRow("both negative") << qint64(-5) << qint64(-1) << qint64(2) << qint64(3) << qint64(2);
    // Not ties: both modes go to the nearest unit.
    QTest::newRow("0.49 -> 0") << qint64(49) << qint64(1) << qint64(100) << qint64(0) << qint64(0);
    QTest::newRow("0.51 -> 1") << qint64(51) << qint64(1) << qint64(100) << qint64(1) << qint64(1);
    QTest::newRow("-0.51 -> -1") << qint64(-51) << qint64(1) << qint64(100) << qint64(-1) << qint64(-1);
    QTest::newRow("2/3 -> 1") << qint64(2) << qint64(1) << qint64(3) << qint64(1) << qint64(1);
    QTest::newRow("exact") << qint64(300) << qint64(2) << qint64(3) << qint64(200) << qint64(200);
    // The intermediate product exceeds 64 bits but the result does not.
    QTest::newRow("wide intermediate") << kMax << kMax << kMax << kMax << kMax;
    QTest::newRow("wide halving") << kMax << qint64(1'000'000'000'000) << qint64(2'000'000'000'000)
                                  << qint64(kMax / 2 + 1) << qint64(kMax / 2 + 1);
}

void TestMoney::scaledRounding()
{
    QFETCH(qint64, minor);
    QFETCH(qint64, numerator);
    QFETCH(qint64, denominator);
    QFETCH(qint64, halfUp);
    QFETCH(qint64, halfEven);
    const auto up = eur(minor).scaled(numerator, denominator, Rounding::HalfUp);
    const auto even = eur(minor).scaled(numerator, denominator, Rounding::HalfEven);
    QVERIFY(up.ok());
    QVERIFY(even.ok());
    QCOMPARE(up->minorAmount(), halfUp);
    QCOMPARE(even->minorAmount(), halfEven);
}

void TestMoney::scaledErrors()
{
    QCOMPARE(eur(100).scaled(1, 0, Rounding::HalfUp).error().code, u"invalid_argument"_s);
    QCOMPARE(eur(kMax).scaled(2, 1, Rounding::HalfUp).error().code, u"overflow"_s);
    QCOMPARE(eur(kMin).scaled(-1, 1, Rounding::HalfEven).error().code, u"overflow"_s);
    QCOMPARE(eur(kMin).scaled(1, 1, Rounding::HalfEven)->minorAmount(), kMin);
}

void TestMoney::percentage_data()
{
    QTest::addColumn<QString>("amount");
    QTest::addColumn<QString>("code");
    QTest::addColumn<qint64>("ratePpm");
    QTest::addColumn<QString>("halfUp");
    QTest::addColumn<QString>("halfEven");
    QTest::newRow("19% of 9.99") << u"9.99"_s << u"EUR"_s << qint64(190000) << u"1.90"_s << u"1.90"_s;
    QTest::newRow("7% of 0.07") << u"0.07"_s << u"EUR"_s << qint64(70000) << u"0.00"_s << u"0.00"_s;
    QTest::newRow("7% of 0.08") << u"0.08"_s << u"EUR"_s << qint64(70000) << u"0.01"_s << u"0.01"_s;
    QTest::newRow("19% of 100") << u"100.00"_s << u"EUR"_s << qint64(190000) << u"19.00"_s << u"19.00"_s;
    QTest::newRow("50% of 0.05 tie") << u"0.05"_s << u"EUR"_s << qint64(500000) << u"0.03"_s << u"0.02"_s;
    QTest::newRow("50% of 0.07 tie") << u"0.07"_s << u"EUR"_s << qint64(500000) << u"0.04"_s << u"0.04"_s;
    QTest::newRow("50% of -0.05 tie") << u"-0.05"_s << u"EUR"_s << qint64(500000) << u"-0.03"_s << u"-0.02"_s;
    // 0.60 * 7.5 % = 4.5 cents and 0.20 * 7.5 % = 1.5 cents: odd and even neighbours.
    QTest::newRow("7.5% of 0.60 tie") << u"0.60"_s << u"EUR"_s << qint64(75000) << u"0.05"_s << u"0.04"_s;
    QTest::newRow("7.5% of 0.20 tie") << u"0.20"_s << u"EUR"_s << qint64(75000) << u"0.02"_s << u"0.02"_s;
    QTest::newRow("discount -10%") << u"12.34"_s << u"EUR"_s << qint64(-100000) << u"-1.23"_s << u"-1.23"_s;
    QTest::newRow("discount -10% tie")
        << u"12.35"_s << u"EUR"_s << qint64(-100000) << u"-1.24"_s << u"-1.24"_s;
    QTest::newRow("discount -10% tie even")
        << u"12.25"_s << u"EUR"_s << qint64(-100000) << u"-1.23"_s << u"-1.22"_s;
    QTest::newRow("10% of 5 JPY tie") << u"5"_s << u"JPY"_s << qint64(100000) << u"1"_s << u"0"_s;
    QTest::newRow("5% of 1.010 KWD") << u"1.010"_s << u"KWD"_s << qint64(50000) << u"0.051"_s << u"0.050"_s;
    QTest::newRow("0%") << u"9.99"_s << u"EUR"_s << qint64(0) << u"0.00"_s << u"0.00"_s;
}

void TestMoney::percentage()
{
    QFETCH(QString, amount);
    QFETCH(QString, code);
    QFETCH(qint64, ratePpm);
    QFETCH(QString, halfUp);
    QFETCH(QString, halfEven);
    const Money m = Money::parse(amount, cur(code)).value();
    QCOMPARE(m.percentage(ratePpm, Rounding::HalfUp)->toDecimalString(), halfUp);
    QCOMPARE(m.percentage(ratePpm, Rounding::HalfEven)->toDecimalString(), halfEven);
}

void TestMoney::inclusiveTax_data()
{
    QTest::addColumn<QString>("gross");
    QTest::addColumn<qint64>("ratePpm");
    QTest::addColumn<QString>("halfUp");
    QTest::addColumn<QString>("halfEven");
    // 9.99 * 19 / 119 = 1.5950... -> 1.60 either way.
    QTest::newRow("19% in 9.99") << u"9.99"_s << qint64(190000) << u"1.60"_s << u"1.60"_s;
    QTest::newRow("19% in 119.00") << u"119.00"_s << qint64(190000) << u"19.00"_s << u"19.00"_s;
    QTest::newRow("7% in 1.07") << u"1.07"_s << qint64(70000) << u"0.07"_s << u"0.07"_s;
    // 0.21 * 5 / 105 = 0.01 exactly; 0.42 * 25 / 125 = 0.084 -> 0.08.
    QTest::newRow("5% in 0.21") << u"0.21"_s << qint64(50000) << u"0.01"_s << u"0.01"_s;
    QTest::newRow("25% in 0.42") << u"0.42"_s << qint64(250000) << u"0.08"_s << u"0.08"_s;
    // A tie: at 100 % half of the gross is tax, and half of 5 cents is 2.5 cents.
    QTest::newRow("100% in 0.05 tie") << u"0.05"_s << qint64(1'000'000) << u"0.03"_s << u"0.02"_s;
    QTest::newRow("100% in -0.05 tie") << u"-0.05"_s << qint64(1'000'000) << u"-0.03"_s << u"-0.02"_s;
    QTest::newRow("0%") << u"9.99"_s << qint64(0) << u"0.00"_s << u"0.00"_s;
}

void TestMoney::inclusiveTax()
{
    QFETCH(QString, gross);
    QFETCH(qint64, ratePpm);
    QFETCH(QString, halfUp);
    QFETCH(QString, halfEven);
    const Money m = Money::parse(gross, cur(u"EUR")).value();
    const auto up = m.extractInclusiveTax(ratePpm, Rounding::HalfUp);
    QVERIFY(up.ok());
    QCOMPARE(up->toDecimalString(), halfUp);
    QCOMPARE(m.extractInclusiveTax(ratePpm, Rounding::HalfEven)->toDecimalString(), halfEven);
    // net + tax reassembles the gross exactly.
    const Money net = m.subtract(*up).value();
    QVERIFY(net.add(*up).value() == m);
}

void TestMoney::thirds()
{
    // 1.00 / 3 rounds to 0.33 and three of those lose a cent ...
    const Money third = eur(100).scaled(1, 3, Rounding::HalfUp).value();
    QCOMPARE(third.toDecimalString(), u"0.33"_s);
    QCOMPARE(third.multiply(3)->toDecimalString(), u"0.99"_s);
    // ... which is why splits go through allocate, which keeps every cent.
    const QList<Money> parts = eur(100).allocate({1, 1, 1}).value();
    qint64 sum = 0;
    for (const Money &p : parts)
        sum += p.minorAmount();
    QCOMPARE(sum, qint64(100));

    // With three decimals 0.333 is exact and 3 x 0.333 = 0.999, no rounding involved.
    const Money kwd = Money::parse(u"0.333", cur(u"KWD")).value();
    QCOMPARE(kwd.multiply(3)->toDecimalString(), u"0.999"_s);
    QCOMPARE(Money::parse(u"1", cur(u"KWD"))->scaled(1, 3, Rounding::HalfEven)->toDecimalString(),
             u"0.333"_s);
    QCOMPARE(Money::parse(u"2", cur(u"KWD"))->scaled(1, 3, Rounding::HalfUp)->toDecimalString(), u"0.667"_s);
}

void TestMoney::allocate_data()
{
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QList<qint64>>("weights");
    QTest::addColumn<QList<qint64>>("expected");
    QTest::newRow("100 in 3") << qint64(100) << QList<qint64>{1, 1, 1} << QList<qint64>{34, 33, 33};
    QTest::newRow("-100 in 3") << qint64(-100) << QList<qint64>{1, 1, 1} << QList<qint64>{-34, -33, -33};
    QTest::newRow("200 in 3") << qint64(200) << QList<qint64>{1, 1, 1} << QList<qint64>{67, 67, 66};
    QTest::newRow("single") << qint64(999) << QList<qint64>{5} << QList<qint64>{999};
    QTest::newRow("70/30 of 5") << qint64(5) << QList<qint64>{70, 30} << QList<qint64>{4, 1};
    QTest::newRow("largest remainder wins") << qint64(10) << QList<qint64>{1, 2, 4} << QList<qint64>{1, 3, 6};
    QTest::newRow("zero weight") << qint64(100) << QList<qint64>{1, 0, 1} << QList<qint64>{50, 0, 50};
    QTest::newRow("zero weight odd") << qint64(101) << QList<qint64>{0, 1, 1} << QList<qint64>{0, 51, 50};
    QTest::newRow("zero amount") << qint64(0) << QList<qint64>{1, 2} << QList<qint64>{0, 0};
    QTest::newRow("fewer cents than parts")
        << qint64(2) << QList<qint64>{1, 1, 1, 1} << QList<qint64>{1, 1, 0, 0};
    QTest::newRow("max") << kMax << QList<qint64>{1, 1} << QList<qint64>{kMax / 2 + 1, kMax / 2};
    QTest::newRow("min") << kMin << QList<qint64>{1, 1} << QList<qint64>{kMin / 2, kMin / 2};
    QTest::newRow("huge weights") << qint64(3) << QList<qint64>{kMax, kMax, kMax} << QList<qint64>{1, 1, 1};
}

void TestMoney::allocate()
{
    QFETCH(qint64, amount);
    QFETCH(QList<qint64>, weights);
    QFETCH(QList<qint64>, expected);
    const auto parts = eur(amount).allocate(weights);
    QVERIFY(parts.ok());
    QList<qint64> got;
    for (const Money &p : *parts) {
        QVERIFY(p.currency() == cur(u"EUR"));
        got.append(p.minorAmount());
    }
    QCOMPARE(got, expected);
    // Sum in 128 bits: the parts of qint64 min/max must reassemble without overflow tricks.
    __extension__ __int128 sum = 0;
    for (qint64 v : got)
        sum += v;
    QVERIFY(sum == amount);
}

void TestMoney::allocateRejects()
{
    QCOMPARE(eur(100).allocate({}).error().code, u"invalid_argument"_s);
    QCOMPARE(eur(100).allocate({0, 0}).error().code, u"invalid_argument"_s);
    QCOMPARE(eur(100).allocate({1, -1, 1}).error().code, u"invalid_argument"_s);
}

QTEST_APPLESS_MAIN(TestMoney)

#include "tst_money.moc"
