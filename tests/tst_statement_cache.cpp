// sql::ScopedStatementCache against a real server: a statement is prepared once and reused, a
// connection reopened under the same name gets fresh statements instead of names the server has
// forgotten, a rolled-back transaction leaves the prepared statements usable, and a caller that
// builds SQL dynamically cannot grow the cache without bound.
#include "db/sql.h"
#include "db/statement_cache.h"
#include "support/test_cluster.h"

#include <QTest>

using namespace mp;
using mp::test::TestCluster;

namespace {

// Without binds, sql::exec runs the text as is, so this query never enters the cache itself.
qint64 preparedOnServer(const QSqlDatabase &db)
{
    auto q = sql::exec(db, QStringLiteral("SELECT count(*) FROM pg_prepared_statements"));
    if (!q || !q->next())
        qFatal("pg_prepared_statements: %s", q ? "no row" : qPrintable(q.error().message));
    return q->value(0).toLongLong();
}

qint64 plusOne(const QSqlDatabase &db, qint64 n)
{
    auto q = sql::exec(db, QStringLiteral("SELECT ?::bigint + 1"), {n});
    if (!q || !q->next())
        return -1;
    return q->value(0).toLongLong();
}

} // namespace

class TestStatementCache : public QObject {
    Q_OBJECT

    ConnectionSettings m_settings;

private Q_SLOTS:
    void initTestCase() { m_settings = TestCluster::instance().freshDatabase(); }

    void withoutTheCacheNothingStaysPrepared()
    {
        QSqlDatabase db = mp::test::openDatabase(m_settings, QStringLiteral("uncached"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(plusOne(db, i), i + 1);
        QCOMPARE(preparedOnServer(db), 0);
    }

    void aStatementIsPreparedOnceAndReused()
    {
        QSqlDatabase db = mp::test::openDatabase(m_settings, QStringLiteral("reused"));
        const sql::ScopedStatementCache cache;
        for (int i = 0; i < 50; ++i)
            QCOMPARE(plusOne(db, i), i + 1);
        QCOMPARE(preparedOnServer(db), 1);
    }

    void aRollbackKeepsTheStatementsUsable()
    {
        QSqlDatabase db = mp::test::openDatabase(m_settings, QStringLiteral("rollback"));
        const sql::ScopedStatementCache cache;
        QVERIFY(db.transaction());
        QCOMPARE(plusOne(db, 1), 2);
        QVERIFY(!sql::exec(db, QStringLiteral("SELECT 1/0")));
        QVERIFY(db.rollback());
        QCOMPARE(plusOne(db, 2), 3);
        QCOMPARE(preparedOnServer(db), 1);
    }

    // The health probe and the job worker close a failed connection and open it again under the
    // same name: the statements prepared in the old session must not be used in the new one.
    void aReopenedConnectionPreparesAgain()
    {
        QSqlDatabase db = mp::test::openDatabase(m_settings, QStringLiteral("reopened"));
        const sql::ScopedStatementCache cache;
        QCOMPARE(plusOne(db, 1), 2);
        for (int round = 0; round < 3; ++round) {
            db.close();
            QVERIFY(db.open());
            QCOMPARE(preparedOnServer(db), 0);
            QCOMPARE(plusOne(db, round), round + 1);
            QCOMPARE(preparedOnServer(db), 1);
        }
    }

    void dynamicSqlDoesNotGrowTheCacheWithoutBound()
    {
        QSqlDatabase db = mp::test::openDatabase(m_settings, QStringLiteral("dynamic"));
        const sql::ScopedStatementCache cache;
        for (int i = 0; i < 400; ++i) {
            auto q = sql::exec(db, QStringLiteral("SELECT ?::int + %1").arg(i), {1});
            QVERIFY(q && q->next());
            QCOMPARE(q->value(0).toInt(), i + 1);
        }
        const qint64 prepared = preparedOnServer(db);
        QVERIFY2(prepared > 0 && prepared <= 256, qPrintable(QString::number(prepared)));
    }
};

QTEST_GUILESS_MAIN(TestStatementCache)
#include "tst_statement_cache.moc"
