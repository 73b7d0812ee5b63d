// The tax and rounding table: per-line tax, half-up per line, both price modes, invoice totals
// that are the exact sum of their lines, rate selection by country and date, EU reverse charge.
#include "billing/tax_calculation.h"
#include "money/currency.h"
#include "money/money.h"

#include <QTest>

using namespace mp;
using namespace mp::billing;

namespace {

Currency cur(QStringView code)
{
    return Currency::fromCode(code).value();
}

QList<TaxRate> sampleRates()
{
    return {
        {QStringLiteral("DE"), QStringLiteral("USt."), 190000, QDate(2007, 1, 1), QDate()},
        // The 2020 German VAT cut: a later validFrom wins while both apply.
        {QStringLiteral("DE"), QStringLiteral("USt."), 160000, QDate(2020, 7, 1), QDate(2021, 1, 1)},
        {QStringLiteral("AT"), QStringLiteral("USt."), 200000, QDate(2016, 1, 1), QDate()},
        // A scheduled change: the old rate ends the day the new one starts.
        {QStringLiteral("FR"), QStringLiteral("TVA"), 200000, QDate(2014, 1, 1), QDate(2027, 1, 1)},
        {QStringLiteral("FR"), QStringLiteral("TVA"), 210000, QDate(2027, 1, 1), QDate()},
        {QString(), QStringLiteral("VAT"), 200000, QDate(2000, 1, 1), QDate()},
    };
}

} // namespace

class TestBillingTax : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundingTable_data()
    {
        QTest::addColumn<QString>("currency");
        QTest::addColumn<qint64>("unitMinor");
        QTest::addColumn<qint64>("quantity");
        QTest::addColumn<qint64>("ratePpm");
        QTest::addColumn<bool>("inclusive");
        QTest::addColumn<qint64>("net");
        QTest::addColumn<qint64>("tax");
        QTest::addColumn<qint64>("gross");

        // 0.333 is only a price in a three-decimal currency; 0.0999 tax rounds up to 0.100.
        QTest::newRow("3 x 0.333 BHD, 10% excl")
            << "BHD" << 333LL << 3LL << 100000LL << false << 999LL << 100LL << 1099LL;
        QTest::newRow("9.99 incl 19%")
            << "EUR" << 999LL << 1LL << 190000LL << true << 839LL << 160LL << 999LL;
        QTest::newRow("9.99 excl 19%")
            << "EUR" << 999LL << 1LL << 190000LL << false << 999LL << 190LL << 1189LL;
        QTest::newRow("0.01 excl 19% rounds to 0")
            << "EUR" << 1LL << 1LL << 190000LL << false << 1LL << 0LL << 1LL;
        QTest::newRow("0.01 incl 19% rounds to 0")
            << "EUR" << 1LL << 1LL << 190000LL << true << 1LL << 0LL << 1LL;
        QTest::newRow("tie 0.005 up") << "EUR" << 50LL << 1LL << 10000LL << false << 50LL << 1LL << 51LL;
        QTest::newRow("tie 0.035 up") << "EUR" << 50LL << 1LL << 70000LL << false << 50LL << 4LL << 54LL;
        QTest::newRow("1.07 incl 7% exact")
            << "EUR" << 107LL << 1LL << 70000LL << true << 100LL << 7LL << 107LL;
        // Tax on the line total, not per unit: 11.38 (0.95 per unit would make 11.40).
        QTest::newRow("12 x 4.99 excl 19%")
            << "EUR" << 499LL << 12LL << 190000LL << false << 5988LL << 1138LL << 7126LL;
        QTest::newRow("3 x 3.33 incl 19%")
            << "EUR" << 333LL << 3LL << 190000LL << true << 839LL << 160LL << 999LL;
        QTest::newRow("JPY 1000 incl 10%")
            << "JPY" << 1000LL << 1LL << 100000LL << true << 909LL << 91LL << 1000LL;
        QTest::newRow("KWD 1.005 excl 5%")
            << "KWD" << 1005LL << 1LL << 50000LL << false << 1005LL << 50LL << 1055LL;
        QTest::newRow("7.5% on 2.00") << "EUR" << 200LL << 1LL << 75000LL << false << 200LL << 15LL << 215LL;
        // Credit lines mirror: half-up is away from zero.
        QTest::newRow("-9.99 incl 19%")
            << "EUR" << -999LL << 1LL << 190000LL << true << -839LL << -160LL << -999LL;
        QTest::newRow("-0.50 excl 1%") << "EUR" << -50LL << 1LL << 10000LL << false << -50LL << -1LL << -51LL;
        QTest::newRow("0% reverse charge")
            << "EUR" << 12345LL << 2LL << 0LL << false << 24690LL << 0LL << 24690LL;
    }

    void roundingTable()
    {
        QFETCH(QString, currency);
        QFETCH(qint64, unitMinor);
        QFETCH(qint64, quantity);
        QFETCH(qint64, ratePpm);
        QFETCH(bool, inclusive);
        QFETCH(qint64, net);
        QFETCH(qint64, tax);
        QFETCH(qint64, gross);
        const Currency c = cur(currency);
        auto line = TaxCalculation::line(Money(unitMinor, c), quantity, ratePpm,
                                         inclusive ? PriceMode::TaxInclusive : PriceMode::TaxExclusive);
        QVERIFY2(line.ok(), qPrintable(line.ok() ? QString() : line.error().message));
        QCOMPARE(line->net, Money(net, c));
        QCOMPARE(line->tax, Money(tax, c));
        QCOMPARE(line->gross, Money(gross, c));
        QCOMPARE(line->net.minorAmount() + line->tax.minorAmount(), line->gross.minorAmount());
    }

    void lineErrors()
    {
        const Currency eur = cur(u"EUR");
        QCOMPARE(TaxCalculation::line(Money(1, eur), 1, -1, PriceMode::TaxExclusive).error().code,
                 QStringLiteral("invalid_argument"));
        QCOMPARE(TaxCalculation::line(Money(std::numeric_limits<qint64>::max() / 2, eur), 3, 0,
                                      PriceMode::TaxExclusive)
                     .error()
                     .code,
                 QStringLiteral("overflow"));
    }

    // Three lines of 0.33 at 19 %: 0.0627 tax each rounds to 0.06, so the invoice shows 0.18 tax
    // (0.19 if it were computed on the 0.99 total) and its total is exactly the sum of the lines.
    void totalsAreSumsOfLines()
    {
        const Currency eur = cur(u"EUR");
        QList<LineAmounts> lines;
        for (int i = 0; i < 3; ++i)
            lines.append(TaxCalculation::line(Money(33, eur), 1, 190000, PriceMode::TaxExclusive).value());
        auto t =
            TaxCalculation::totals(eur, lines, {190000, 190000, 190000},
                                   {QStringLiteral("VAT"), QStringLiteral("VAT"), QStringLiteral("VAT")});
        QVERIFY(t.ok());
        QCOMPARE(t->net, Money(99, eur));
        QCOMPARE(t->tax, Money(18, eur));
        QCOMPARE(t->gross, Money(117, eur));
        QCOMPARE(t->breakdown.size(), 1);
        QCOMPARE(t->breakdown.first().tax, Money(18, eur));
    }

    void totalsBreakdownByRate()
    {
        const Currency eur = cur(u"EUR");
        const QList<LineAmounts> lines{
            TaxCalculation::line(Money(1000, eur), 1, 190000, PriceMode::TaxExclusive).value(),
            TaxCalculation::line(Money(1000, eur), 2, 70000, PriceMode::TaxExclusive).value(),
            TaxCalculation::line(Money(-500, eur), 1, 190000, PriceMode::TaxExclusive).value(),
        };
        auto t =
            TaxCalculation::totals(eur, lines, {190000, 70000, 190000},
                                   {QStringLiteral("VAT"), QStringLiteral("VAT"), QStringLiteral("VAT")});
        QVERIFY(t.ok());
        QCOMPARE(t->breakdown.size(), 2);
        QCOMPARE(t->breakdown.at(0).net, Money(500, eur));
        QCOMPARE(t->breakdown.at(0).tax, Money(95, eur));
        QCOMPARE(t->breakdown.at(1).net, Money(2000, eur));
        QCOMPARE(t->breakdown.at(1).tax, Money(140, eur));
        QCOMPARE(t->gross, Money(2735, eur));
        QCOMPARE(TaxCalculation::totals(
                     eur,
                     {TaxCalculation::line(Money(1, cur(u"USD")), 1, 0, PriceMode::TaxExclusive).value()},
                     {0}, {QString()})
                     .error()
                     .code,
                 QStringLiteral("currency_mismatch"));
    }

    void decide_data()
    {
        QTest::addColumn<QString>("seller");
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("taxId");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<qint64>("ratePpm");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("reverse");

        const QDate d2026(2026, 11, 24);
        QTest::newRow("DE consumer") << "DE"
                                     << "DE"
                                     << "" << d2026 << 190000LL << "USt." << false;
        QTest::newRow("DE business, same country") << "DE"
                                                   << "DE"
                                                   << "DE123456789" << d2026 << 190000LL << "USt." << false;
        QTest::newRow("DE during the 2020 cut") << "DE"
                                                << "DE"
                                                << "" << QDate(2020, 8, 1) << 160000LL << "USt." << false;
        QTest::newRow("DE the day the cut ended") << "DE"
                                                  << "DE"
                                                  << "" << QDate(2021, 1, 1) << 190000LL << "USt." << false;
        QTest::newRow("AT business: reverse charge") << "DE"
                                                     << "AT"
                                                     << "ATU12345678" << d2026 << 0LL << "VAT" << true;
        QTest::newRow("AT id with spaces") << "DE"
                                           << "AT"
                                           << " atu 1234-5678 " << d2026 << 0LL << "VAT" << true;
        QTest::newRow("AT malformed id") << "DE"
                                         << "AT"
                                         << "ATU1234" << d2026 << 200000LL << "USt." << false;
        QTest::newRow("AT id of another country") << "DE"
                                                  << "AT"
                                                  << "DE123456789" << d2026 << 200000LL << "USt." << false;
        QTest::newRow("GR uses EL") << "DE"
                                    << "GR"
                                    << "EL123456789" << d2026 << 0LL << "VAT" << true;
        QTest::newRow("GR prefix is not GR") << "DE"
                                             << "GR"
                                             << "GR123456789" << d2026 << 200000LL << "VAT" << false;
        QTest::newRow("NL business") << "DE"
                                     << "NL"
                                     << "NL123456789B01" << d2026 << 0LL << "VAT" << true;
        QTest::newRow("FR before the change") << "DE"
                                              << "FR"
                                              << "" << QDate(2026, 12, 31) << 200000LL << "TVA" << false;
        QTest::newRow("FR on the change") << "DE"
                                          << "FR"
                                          << "" << QDate(2027, 1, 1) << 210000LL << "TVA" << false;
        QTest::newRow("US buyer: tenant default") << "DE"
                                                  << "US"
                                                  << "" << d2026 << 200000LL << "VAT" << false;
        QTest::newRow("no country: tenant default") << "DE"
                                                    << ""
                                                    << "" << d2026 << 200000LL << "VAT" << false;
        QTest::newRow("non-EU seller: no reverse charge")
            << "US"
            << "AT"
            << "ATU12345678" << d2026 << 200000LL << "USt." << false;
        QTest::newRow("non-EU buyer id ignored") << "DE"
                                                 << "CH"
                                                 << "CHE123456789" << d2026 << 200000LL << "VAT" << false;
    }

    void decide()
    {
        QFETCH(QString, seller);
        QFETCH(QString, country);
        QFETCH(QString, taxId);
        QFETCH(QDate, day);
        QFETCH(qint64, ratePpm);
        QFETCH(QString, name);
        QFETCH(bool, reverse);
        const TaxDecision d = TaxCalculation::decide(sampleRates(), seller, {country, taxId}, day);
        QCOMPARE(d.ratePpm, ratePpm);
        QCOMPARE(d.name, name);
        QCOMPARE(d.reverseCharge, reverse);
        QCOMPARE(d.note.isEmpty(), !reverse);
    }

    void decideWithoutRates()
    {
        const TaxDecision d = TaxCalculation::decide({}, QStringLiteral("DE"),
                                                     {QStringLiteral("DE"), QString()}, QDate(2026, 1, 1));
        QCOMPARE(d.ratePpm, qint64(0));
        QVERIFY(d.name.isEmpty());
        // A default that only starts later does not apply yet.
        const QList<TaxRate> later{{QString(), QStringLiteral("VAT"), 200000, QDate(2030, 1, 1), QDate()}};
        QCOMPARE(TaxCalculation::decide(later, QStringLiteral("DE"), {}, QDate(2026, 1, 1)).ratePpm,
                 qint64(0));
    }

    void vatIdFormats_data()
    {
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("BE") << "BE"
                            << "BE0123456789" << true;
        QTest::newRow("BE 2") << "BE"
                              << "BE2123456789" << false;
        QTest::newRow("FR") << "FR"
                            << "FRXX123456789" << true;
        QTest::newRow("FR with I") << "FR"
                                   << "FRIX123456789" << false;
        QTest::newRow("ES") << "ES"
                            << "ESX1234567X" << true;
        QTest::newRow("IE old") << "IE"
                                << "IE1A23456B" << true;
        QTest::newRow("IE new") << "IE"
                                << "IE1234567WA" << true;
        QTest::newRow("SE") << "SE"
                            << "SE123456789001" << true;
        QTest::newRow("SE wrong suffix") << "SE"
                                         << "SE123456789002" << false;
        QTest::newRow("CY") << "CY"
                            << "CY12345678L" << true;
        QTest::newRow("DE too long") << "DE"
                                     << "DE1234567890" << false;
        QTest::newRow("DE letters") << "DE"
                                    << "DE12345678A" << false;
        QTest::newRow("no prefix") << "DE"
                                   << "123456789" << false;
        QTest::newRow("not EU") << "GB"
                                << "GB123456789" << false;
        QTest::newRow("empty") << "DE"
                               << "" << false;
    }

    void vatIdFormats()
    {
        QFETCH(QString, country);
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(TaxCalculation::looksLikeEuVatId(country, id), valid);
    }
};

QTEST_GUILESS_MAIN(TestBillingTax)
#include "tst_billing_tax.moc"
