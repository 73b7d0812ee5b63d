// The console's Guardian section, signed in as staff of each role: findings most severe first
// with their evidence lines, the remediation queue approved and dismissed through the same
// service functions as the REST API (refused for roles without manage_providers, the action Guardian's writes
// take), the blocks in force, the scans, and the empty state. The models pass QAbstractItemModelTester.
#include "guardian/guardian_page.h"
#include "json_rows_model.h"
#include "support/console_fixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QSignalSpy>

using namespace mp;
using namespace mp::test;
using namespace Qt::StringLiterals;

class TestConsoleGuardian : public QObject {
    Q_OBJECT

    // A scan, a high brute-force finding with its block task, and a medium probing finding.
    static void seed(ConsoleFixture &f)
    {
        auto run = [&](const QString &text) {
            auto q = sql::exec(f.service, text, {f.tenantId});
            if (!q)
                qFatal("%s", qPrintable(q.error().message));
        };
        run(u"INSERT INTO guardian_scans (tenant_id, status, origin, source_ids, lines_read, events, "
            u"findings, "
            "created_at) VALUES (?::uuid, 'completed', 'scheduled', '{}', 120, 14, 2, now())"_s);
        run(u"INSERT INTO guardian_findings (tenant_id, kind, severity, subject, address, count, first_seen, "
            "last_seen, evidence, resource_type, resource, host, created_at, updated_at) VALUES "
            "(?::uuid, 'brute_force', 'high', '203.0.113.5', '203.0.113.5', 12, now(), now(), "
            "'[{\"source\": \"/var/log/auth.log\", \"line\": 7, \"text\": \"Failed password for root from "
            "203.0.113.5 port 4242 ssh2\"}]', 'host', 'web1', 'web1', now(), now()), "
            "((SELECT id FROM tenants LIMIT 1), 'probing', 'medium', '198.51.100.9', '198.51.100.9', 3, "
            "now(), "
            "now() - interval '1 minute', '[]', 'host', 'web1', 'web1', now(), now())"_s);
        run(u"INSERT INTO guardian_remediations (tenant_id, finding_id, action, target, created_at) "
            "SELECT tenant_id, id, 'block_address', subject, now() FROM guardian_findings "
            "WHERE tenant_id = ?::uuid AND severity = 'high'"_s);
    }

    static void waitRefreshed(GuardianPage &page)
    {
        QSignalSpy refreshed(&page, &GuardianPage::refreshed);
        QVERIFY(refreshed.wait(20000));
    }

private Q_SLOTS:
    void showsFindingsBySeverityWithEvidence()
    {
        ConsoleFixture f(StaffRole::ReadOnly);
        seed(f);
        GuardianPage page(f.session.get(), nullptr);
        QAbstractItemModelTester tester(page.findings(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        waitRefreshed(page);
        QVERIFY(!page.showsEmptyState());
        QCOMPARE(page.findings()->rowCount(), 2);
        QCOMPARE(page.findings()->index(0, 0).data().toString(), u"high"_s);
        QCOMPARE(page.findings()->index(1, 0).data().toString(), u"medium"_s);
        page.selectFinding(0);
        QCOMPARE(page.evidenceText(),
                 u"/var/log/auth.log:7  Failed password for root from 203.0.113.5 port 4242 ssh2"_s);
        QCOMPARE(page.remediations()->rowCount(), 1);
        QCOMPARE(page.scans()->rowCount(), 1);
        QCOMPARE(page.blocks()->rowCount(), 0);
        QVERIFY(page.summaryText().contains(u"2 open finding(s)"_s));
        QVERIFY(page.summaryText().contains(u"1 task(s) waiting"_s));
    }

    void approvalPerRole_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("owner") << int(StaffRole::Owner) << true;
        QTest::newRow("admin") << int(StaffRole::Admin) << true;
        QTest::newRow("support") << int(StaffRole::Support) << false;
        QTest::newRow("billing") << int(StaffRole::Billing) << false;
        QTest::newRow("read_only") << int(StaffRole::ReadOnly) << false;
    }

    void approvalPerRole()
    {
        QFETCH(int, role);
        QFETCH(bool, allowed);
        ConsoleFixture f{StaffRole(role)};
        seed(f);
        GuardianPage page(f.session.get(), nullptr);
        waitRefreshed(page);
        QSignalSpy done(&page, &GuardianPage::actionFinished);
        page.approve(0);
        QVERIFY(done.wait(20000));
        const QString error = done.first().first().toString();
        QCOMPARE(error.isEmpty(), allowed);
        auto q =
            sql::exec(f.service, u"SELECT count(*) FROM guardian_blocks WHERE address = '203.0.113.5'"_s);
        QVERIFY(q && q->next());
        QCOMPARE(q->value(0).toInt(), allowed ? 1 : 0);
        if (allowed) {
            waitRefreshed(page);
            QCOMPARE(page.blocks()->rowCount(), 1);
            QCOMPARE(page.remediations()->index(0, 0).data().toString(), u"applied"_s);
            // Decided once: a second approval is refused.
            page.approve(0);
            QVERIFY(done.wait(20000));
            QVERIFY(!done.last().first().toString().isEmpty());
        }
    }

    void dismissAndResolve()
    {
        ConsoleFixture f(StaffRole::Admin);
        seed(f);
        GuardianPage page(f.session.get(), nullptr);
        waitRefreshed(page);
        QSignalSpy done(&page, &GuardianPage::actionFinished);
        page.dismiss(0);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.last().first().toString(), QString());
        page.resolve(1);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.last().first().toString(), QString());
        auto q = sql::exec(
            f.service, u"SELECT string_agg(status, ',' ORDER BY status) FROM guardian_remediations "
                       "UNION ALL SELECT string_agg(status, ',' ORDER BY severity) FROM guardian_findings"_s);
        QVERIFY(q && q->next());
        QCOMPARE(q->value(0).toString(), u"dismissed"_s);
        QVERIFY(q->next());
        QCOMPARE(q->value(0).toString(), u"open,resolved"_s);
    }

    void anEmptyTenantSaysHowToStart()
    {
        ConsoleFixture f(StaffRole::ReadOnly);
        GuardianPage page(f.session.get(), nullptr);
        waitRefreshed(page);
        QVERIFY(page.showsEmptyState());
        QCOMPARE(page.findings()->rowCount(), 0);
    }
};

QTEST_MAIN(TestConsoleGuardian)
#include "tst_console_guardian.moc"
