// The subscription calendar as a table: month ends, leap years and every cycle, anchored on the
// start day so a short month never shortens the periods after it.
#include "subscriptions/subscription_calendar.h"

#include <QTest>

using namespace mp::subscriptions;

class TestSubscriptionCalendar : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void periodEnd_data()
    {
        QTest::addColumn<QDate>("start");
        QTest::addColumn<QString>("cycle");
        QTest::addColumn<int>("anchor");
        QTest::addColumn<QDate>("end");

        auto row = [](const char *name, QDate start, const char *cycle, int anchor, QDate end) {
            QTest::newRow(name) << start << QString::fromLatin1(cycle) << anchor << end;
        };
        row("monthly plain", {2026, 3, 15}, "monthly", 15, {2026, 4, 15});
        row("31 Jan -> 28 Feb", {2026, 1, 31}, "monthly", 31, {2026, 2, 28});
        row("28 Feb anchor 31 -> 31 Mar", {2026, 2, 28}, "monthly", 31, {2026, 3, 31});
        row("31 Mar -> 30 Apr", {2026, 3, 31}, "monthly", 31, {2026, 4, 30});
        row("30 Apr anchor 31 -> 31 May", {2026, 4, 30}, "monthly", 31, {2026, 5, 31});
        row("leap: 31 Jan 2028 -> 29 Feb", {2028, 1, 31}, "monthly", 31, {2028, 2, 29});
        row("leap: 29 Feb anchor 31 -> 31 Mar", {2028, 2, 29}, "monthly", 31, {2028, 3, 31});
        row("30 Jan -> 28 Feb", {2026, 1, 30}, "monthly", 30, {2026, 2, 28});
        row("28 Feb anchor 30 -> 30 Mar", {2026, 2, 28}, "monthly", 30, {2026, 3, 30});
        row("December -> January", {2026, 12, 31}, "monthly", 31, {2027, 1, 31});
        row("quarterly 30 Nov -> 28 Feb", {2026, 11, 30}, "quarterly", 30, {2027, 2, 28});
        row("quarterly 28 Feb anchor 30 -> 30 May", {2027, 2, 28}, "quarterly", 30, {2027, 5, 30});
        row("quarterly 31 Aug -> 30 Nov", {2026, 8, 31}, "quarterly", 31, {2026, 11, 30});
        row("semiannual 31 Aug -> 28 Feb", {2026, 8, 31}, "semiannual", 31, {2027, 2, 28});
        row("semiannual 31 Aug 2027 -> 29 Feb 2028", {2027, 8, 31}, "semiannual", 31, {2028, 2, 29});
        row("semiannual 28 Feb anchor 31 -> 31 Aug", {2027, 2, 28}, "semiannual", 31, {2027, 8, 31});
        row("annual 29 Feb 2028 -> 28 Feb 2029", {2028, 2, 29}, "annual", 29, {2029, 2, 28});
        row("annual 28 Feb 2031 anchor 29 -> 29 Feb 2032", {2031, 2, 28}, "annual", 29, {2032, 2, 29});
        row("annual plain", {2026, 11, 24}, "annual", 24, {2027, 11, 24});
        row("biennial 29 Feb 2028 -> 28 Feb 2030", {2028, 2, 29}, "biennial", 29, {2030, 2, 28});
        row("biennial 15 Jun", {2026, 6, 15}, "biennial", 15, {2028, 6, 15});
        row("triennial 29 Feb 2028 -> 28 Feb 2031", {2028, 2, 29}, "triennial", 29, {2031, 2, 28});
        row("triennial 31 Dec", {2026, 12, 31}, "triennial", 31, {2029, 12, 31});
    }
    void periodEnd()
    {
        QFETCH(QDate, start);
        QFETCH(QString, cycle);
        QFETCH(int, anchor);
        QFETCH(QDate, end);
        const auto c = SubscriptionCalendar::cycleFromString(cycle);
        QVERIFY(c.has_value());
        QCOMPARE(SubscriptionCalendar::periodEndDate(start, *c, anchor), end);
    }

    // A year of monthly periods from 31 January: every month's last day, never drifting.
    void anchorSurvivesAYear()
    {
        QDate d(2028, 1, 31);
        QList<QDate> ends;
        for (int i = 0; i < 12; ++i) {
            d = SubscriptionCalendar::periodEndDate(d, Cycle::Monthly, 31);
            ends << d;
        }
        for (int i = 0; i < 12; ++i) {
            const QDate first(i == 11 ? 2029 : 2028, i == 11 ? 1 : i + 2, 1);
            QCOMPARE(ends.at(i), QDate(first.year(), first.month(), first.daysInMonth()));
        }
    }

    void cycles()
    {
        QCOMPARE(SubscriptionCalendar::allCycles().size(), 6);
        for (const QString &name : SubscriptionCalendar::allCycles())
            QCOMPARE(SubscriptionCalendar::toString(*SubscriptionCalendar::cycleFromString(name)), name);
        QVERIFY(!SubscriptionCalendar::cycleFromString(QStringLiteral("one_time")));
        QVERIFY(!SubscriptionCalendar::cycleFromString(QStringLiteral("weekly")));
        QCOMPARE(SubscriptionCalendar::months(Cycle::Triennial), 36);
    }

    // Stored in UTC, computed in the tenant's zone: 23:30 in Berlin on 31 January is 22:30 UTC;
    // the period ends at 23:30 Berlin time on 28 February (still UTC+1), and across the summer
    // time change the UTC hour moves while the local time stays.
    void periodEndInTenantZone()
    {
        const QTimeZone berlin("Europe/Berlin");
        const QDateTime start(QDate(2026, 1, 31), QTime(22, 30), QTimeZone::utc());
        const QDateTime end = SubscriptionCalendar::periodEnd(start, Cycle::Monthly, 31, berlin);
        QCOMPARE(end, QDateTime(QDate(2026, 2, 28), QTime(22, 30), QTimeZone::utc()));
        const QDateTime next = SubscriptionCalendar::periodEnd(end, Cycle::Monthly, 31, berlin);
        QCOMPARE(next, QDateTime(QDate(2026, 3, 31), QTime(21, 30), QTimeZone::utc()));
        QCOMPARE(next.toTimeZone(berlin).time(), QTime(23, 30));
    }
};

QTEST_APPLESS_MAIN(TestSubscriptionCalendar)
#include "tst_subscription_calendar.moc"
