// Gapless numbering under concurrency: 1,000 invoices and 1,000 credit notes issued from 8
// connections at once come out numbered 1..1000 with no gap and no duplicate; a rolled-back
// issue gives its number back; years restart. Plus the database's own guard of issued invoices.
#include "billing/credit_notes.h"
#include "billing/invoice_number_format.h"
#include "billing/invoices.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "support/test_cluster.h"

#include <QMutex>
#include <QTest>
#include <QThread>

#include <memory>

using namespace mp;
using namespace mp::billing;
using mp::test::TestCluster;

namespace {

constexpr int kThreads = 8;
constexpr int kPerThread = 125;

const QDateTime kNow(QDate(2026, 11, 24), QTime(12, 0), QTimeZone::utc());

Currency eur()
{
    return Currency::fromCode(u"EUR").value();
}

InvoiceDraft draftFor(const QString &customerId, qint64 cents = 1000)
{
    InvoiceDraft d(eur());
    d.customerId = customerId;
    d.lines = {LineDraft{QStringLiteral("Web hosting"), 1, Money(cents, eur()), {}}};
    return d;
}

// Runs `work` on `threads` threads, each with its own connection and its own transactions.
QStringList runConcurrently(const ConnectionSettings &settings, const QString &tenant, int threads,
                            const std::function<Status(TenantTransaction &, int thread, int i)> &work,
                            int perThread)
{
    QStringList failures;
    QMutex failuresLock;
    std::vector<std::unique_ptr<QThread>> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back(QThread::create([&, t] {
            const QString name =
                QStringLiteral("numbering-%1-%2").arg(t).arg(quintptr(QThread::currentThreadId()));
            {
                auto db = sql::open(settings, name);
                if (!db) {
                    QMutexLocker lock(&failuresLock);
                    failures << db.error().message;
                    return;
                }
                for (int i = 0; i < perThread; ++i) {
                    auto tx = TenantTransaction::begin(*db, tenant);
                    Status s = tx ? work(*tx, t, i) : Status(tx.error());
                    if (s)
                        s = tx->commit();
                    if (!s) {
                        QMutexLocker lock(&failuresLock);
                        failures << s.error().message;
                    }
                }
                db->close();
            }
            QSqlDatabase::removeDatabase(name);
        }));
    }
    for (auto &thread : pool)
        thread->start();
    for (auto &thread : pool)
        thread->wait();
    return failures;
}

} // namespace

class TestBillingNumbering : public QObject {
    Q_OBJECT

    ConnectionSettings m_settings;
    QSqlDatabase m_owner;
    QString m_tenant;
    QString m_customer;

    qint64 scalar(const QString &text, const QVariantList &binds = {})
    {
        auto q = sql::exec(m_owner, text, binds);
        if (!q || !q->next())
            qFatal("%s: %s", qPrintable(text), q ? "no row" : qPrintable(q.error().message));
        return q->value(0).toLongLong();
    }

    QString customer(const QString &tenant, const QString &email)
    {
        auto q = sql::exec(m_owner,
                           QStringLiteral("INSERT INTO customers (tenant_id, name, email, country) "
                                          "VALUES (?::uuid, 'Ada', ?, 'DE') RETURNING id::text"),
                           {tenant, email});
        if (!q || !q->next())
            qFatal("customer: %s", q ? "no row" : qPrintable(q.error().message));
        return q->value(0).toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_settings = TestCluster::instance().freshDatabase();
        m_owner = test::openDatabase(m_settings, QStringLiteral("owner"));
        m_tenant = test::createTenant(m_owner, QStringLiteral("Numbers GmbH"));
        m_customer = customer(m_tenant, QStringLiteral("ada@example.com"));
    }

    void invoicesFromEightConnections()
    {
        const QStringList failures = runConcurrently(
            m_settings, m_tenant, kThreads,
            [this](TenantTransaction &tx, int, int) -> Status {
                auto inv = Invoices::create(tx, draftFor(m_customer), kNow);
                return inv ? Status() : Status(inv.error());
            },
            kPerThread);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
        const int total = kThreads * kPerThread;
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM invoices WHERE tenant_id = ?::uuid"), {m_tenant}),
            total);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(DISTINCT number) FROM invoices WHERE tenant_id = ?::uuid"),
                   {m_tenant}),
            total);
        QCOMPARE(scalar(QStringLiteral("SELECT min(number_seq) FROM invoices WHERE tenant_id = ?::uuid"),
                        {m_tenant}),
                 1);
        QCOMPARE(scalar(QStringLiteral("SELECT max(number_seq) FROM invoices WHERE tenant_id = ?::uuid"),
                        {m_tenant}),
                 total);
        // The printed number is the formatted sequence, for every row.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM invoices WHERE tenant_id = ?::uuid AND "
                                       "number <> 'INV-2026-' || lpad(number_seq::text, 6, '0')"),
                        {m_tenant}),
                 0);
    }

    void creditNotesFromEightConnections()
    {
        QStringList ids;
        auto q = sql::exec(
            m_owner,
            QStringLiteral("SELECT id::text FROM invoices WHERE tenant_id = ?::uuid ORDER BY number_seq"),
            {m_tenant});
        QVERIFY(q.ok());
        while (q->next())
            ids << q->value(0).toString();
        QCOMPARE(ids.size(), kThreads * kPerThread);
        const QStringList failures = runConcurrently(
            m_settings, m_tenant, kThreads,
            [&ids](TenantTransaction &tx, int t, int i) -> Status {
                auto note =
                    CreditNotes::issue(tx, ids.at(i * kThreads + t), QStringLiteral("goodwill"), {}, kNow);
                return note ? Status() : Status(note.error());
            },
            kPerThread);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
        QCOMPARE(scalar(QStringLiteral(
                            "SELECT count(DISTINCT number) FROM credit_notes WHERE tenant_id = ?::uuid"),
                        {m_tenant}),
                 1000);
        QCOMPARE(scalar(QStringLiteral("SELECT max(number_seq) FROM credit_notes WHERE tenant_id = ?::uuid"),
                        {m_tenant}),
                 1000);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM credit_notes WHERE tenant_id = ?::uuid AND "
                                       "number <> 'CN-2026-' || lpad(number_seq::text, 6, '0')"),
                        {m_tenant}),
                 0);
        // Each note credited its invoice in full: nothing left to credit on any of them.
        auto db = test::openDatabase(m_settings, QStringLiteral("over-credit"));
        auto tx = TenantTransaction::begin(db, m_tenant);
        QVERIFY(tx.ok());
        auto again = CreditNotes::issue(*tx, ids.first(), QStringLiteral("twice"),
                                        {LineDraft{QStringLiteral("more"), 1, Money(1, eur()), {}}}, kNow);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, QStringLiteral("over_credit"));
    }

    void rollbackGivesTheNumberBack()
    {
        auto db = test::openDatabase(m_settings, QStringLiteral("rollback"));
        {
            auto tx = TenantTransaction::begin(db, m_tenant);
            QVERIFY(tx.ok());
            auto inv = Invoices::create(*tx, draftFor(m_customer), kNow);
            QVERIFY(inv.ok());
            QCOMPARE(inv->number, QStringLiteral("INV-2026-001001"));
            tx->rollback();
        }
        auto tx = TenantTransaction::begin(db, m_tenant);
        QVERIFY(tx.ok());
        auto inv = Invoices::create(*tx, draftFor(m_customer), kNow);
        QVERIFY(inv.ok());
        QCOMPARE(inv->number, QStringLiteral("INV-2026-001001"));
        QVERIFY(tx->commit().ok());
    }

    void yearsAndTenantsHaveTheirOwnSeries()
    {
        auto db = test::openDatabase(m_settings, QStringLiteral("years"));
        auto tx = TenantTransaction::begin(db, m_tenant);
        QVERIFY(tx.ok());
        auto next = Invoices::create(*tx, draftFor(m_customer),
                                     QDateTime(QDate(2027, 1, 1), QTime(0, 0), QTimeZone::utc()));
        QVERIFY(next.ok());
        QCOMPARE(next->number, QStringLiteral("INV-2027-000001"));
        QVERIFY(tx->commit().ok());

        const QString other = test::createTenant(m_owner, QStringLiteral("Other Ltd"));
        QVERIFY(sql::exec(m_owner,
                          QStringLiteral("UPDATE billing_settings SET invoice_number_format = 'R{YY}/{NNN}' "
                                         "WHERE tenant_id = ?::uuid"),
                          {other})
                    .ok());
        const QString otherCustomer = customer(other, QStringLiteral("bob@example.com"));
        auto tx2 = TenantTransaction::begin(db, other);
        QVERIFY(tx2.ok());
        auto first = Invoices::create(*tx2, draftFor(otherCustomer), kNow);
        QVERIFY(first.ok());
        QCOMPARE(first->number, QStringLiteral("R26/001"));
        // Another tenant's customer is invisible here.
        auto foreign = Invoices::create(*tx2, draftFor(m_customer), kNow);
        QVERIFY(!foreign.ok());
        QCOMPARE(foreign.error().code, QStringLiteral("not_found"));
    }

    // Numbers drawn in SQL (the invoice's own statement, a renewal batch) are printed by
    // mpanel_document_number() from InvoiceNumberFormat::parts: the same text as format().
    void numbersPrintedInSqlMatchTheFormat()
    {
        const QList<std::tuple<QString, int, qint64>> cases{
            {QStringLiteral("INV-{YYYY}-{NNNNNN}"), 2026, 123},
            {QStringLiteral("R{YY}/{NNNN}"), 2031, 42},
            {QStringLiteral("{YYYY}{NN}"), 2026, 1234},
            {QStringLiteral("{NNN}-{YYYY}"), 2026, 7},
            {QStringLiteral("{YYYY}-{N}"), 2026, 0},
            {QStringLiteral("X{NNNNNNNNNNNN}"), 2026, 987654321}};
        for (const auto &[pattern, year, sequence] : cases) {
            const auto parts = InvoiceNumberFormat::parts(pattern, year);
            auto q = sql::exec(m_owner, QStringLiteral("SELECT mpanel_document_number(?, ?, ?, ?::bigint)"),
                               {parts.prefix, parts.width, parts.suffix, sequence});
            QVERIFY2(q && q->next(), q ? "no row" : qPrintable(q.error().message));
            QCOMPARE(q->value(0).toString(), InvoiceNumberFormat::format(pattern, year, sequence));
        }
    }

    // The database itself refuses to rewrite or delete an issued invoice, to skip a status, or
    // to touch a paid invoice's lines, whatever the caller.
    void issuedInvoicesAreGuardedByTheDatabase()
    {
        auto db = test::openDatabase(m_settings, QStringLiteral("guard"));
        auto tx = TenantTransaction::begin(db, m_tenant);
        QVERIFY(tx.ok());
        auto inv = Invoices::create(*tx, draftFor(m_customer), kNow);
        QVERIFY(inv.ok());
        QVERIFY(tx->commit().ok());
        const QString id = inv->id;
        auto refused = [this](const QString &text, const QVariantList &binds) {
            auto q = sql::exec(m_owner, text, binds);
            return !q.ok() && q.error().field == QLatin1String("55000");
        };
        QVERIFY(refused(
            QStringLiteral(
                "UPDATE invoices SET total_minor = 1, net_minor = 1, tax_minor = 0 WHERE id = ?::uuid"),
            {id}));
        QVERIFY(refused(QStringLiteral("UPDATE invoices SET status = 'refunded' WHERE id = ?::uuid"), {id}));
        QVERIFY(refused(QStringLiteral("DELETE FROM invoices WHERE id = ?::uuid"), {id}));
        QVERIFY(
            sql::exec(m_owner, QStringLiteral("UPDATE invoices SET status = 'paid' WHERE id = ?::uuid"), {id})
                .ok());
        QVERIFY(refused(
            QStringLiteral(
                "UPDATE invoice_items SET net_minor = 0, gross_minor = tax_minor WHERE invoice_id = ?::uuid"),
            {id}));
        QVERIFY(refused(QStringLiteral("DELETE FROM invoice_items WHERE invoice_id = ?::uuid"), {id}));
        QVERIFY(refused(QStringLiteral("UPDATE invoices SET status = 'unpaid' WHERE id = ?::uuid"), {id}));
        QVERIFY(refused(QStringLiteral("UPDATE credit_notes SET reason = 'x' WHERE tenant_id = ?::uuid"),
                        {m_tenant}));
        QCOMPARE(scalar(QStringLiteral("SELECT total_minor FROM invoices WHERE id = ?::uuid"), {id}), 1000);
    }
};

QTEST_GUILESS_MAIN(TestBillingNumbering)
#include "tst_billing_numbering.moc"
