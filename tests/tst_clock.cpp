#include "core/clock.h"

#include <QTest>

using namespace mp;

class TestClock : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void systemClockIsUtcAndNow()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const QDateTime now = Clock::current().now();
        QCOMPARE(now.timeSpec(), Qt::UTC);
        QVERIFY(now >= before);
        QVERIFY(now.msecsTo(QDateTime::currentDateTimeUtc()) < 1000);
    }

    void manualClockMovesOnlyWhenTold()
    {
        const QDateTime start(QDate(2026, 1, 31), QTime(12, 0), Qt::UTC);
        ManualClock clock(start);
        QCOMPARE(clock.now(), start);
        clock.advance(1500);
        QCOMPARE(clock.now(), start.addMSecs(1500));
        clock.advanceDays(30);
        QCOMPARE(clock.now(), start.addMSecs(1500).addDays(30));
        clock.set(start);
        QCOMPARE(clock.now(), start);
    }

    void scopedClockInstallsAndRestores()
    {
        ManualClock clock(QDateTime(QDate(2030, 6, 1), QTime(0, 0), Qt::UTC));
        {
            ScopedClock scope(clock);
            QCOMPARE(Clock::current().now().date(), QDate(2030, 6, 1));
            clock.advanceDays(31);
            QCOMPARE(Clock::current().now().date(), QDate(2030, 7, 2));
        }
        QVERIFY(Clock::current().now().date() < QDate(2030, 1, 1));
    }
};

QTEST_APPLESS_MAIN(TestClock)
#include "tst_clock.moc"
