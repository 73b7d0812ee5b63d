// The console's Jobs view and dashboard against a real database: the job model under
// QAbstractItemModelTester, live statuses through the change feed (migration 0013), the log of
// the selected job, Retry and Cancel on the staff connection, and the dashboard's figures.
#include "common/lazy_table_view.h"
#include "console_sections.h"
#include "console_session/change_feed.h"
#include "dashboard/dashboard_page.h"
#include "job_commands.h"
#include "job_table_model.h"
#include "jobs/job_context.h"
#include "jobs/job_engine.h"
#include "jobs/job_registry.h"
#include "jobs/jobs.h"
#include "jobs/jobs_page.h"
#include "model_roles.h"
#include "support/console_fixture.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <atomic>

using namespace Qt::StringLiterals;
using mp::ChangeFeed;
using mp::JobRecord;
using mp::Jobs;
using mp::JobSpec;
using mp::JobStatus;
using mp::JobTableModel;
using mp::LazyTableModelBase;
using mp::TenantTransaction;
using mp::test::ConsoleFixture;

namespace {

constexpr mp::ErrorCode kNodeUnreachable{"node_unreachable", mp::ErrorCategory::Unavailable};

std::atomic<bool> s_release{false};

bool waitLoaded(LazyTableModelBase &model, int timeoutMs = 20000)
{
    QSignalSpy loaded(&model, &LazyTableModelBase::rowsLoaded);
    QSignalSpy failed(&model, &LazyTableModelBase::loadFailed);
    QElapsedTimer timer;
    timer.start();
    while (loaded.isEmpty() && failed.isEmpty() && timer.elapsed() < timeoutMs)
        QTest::qWait(10);
    if (!failed.isEmpty())
        qWarning("load failed: %s", qPrintable(failed.first().first().value<mp::Error>().message));
    return !loaded.isEmpty();
}

qint64 enqueue(ConsoleFixture &f, const QString &kind, const QString &relatedId = {}, int maxAttempts = 20)
{
    JobSpec s;
    s.tenantId = f.tenantId;
    s.kind = kind;
    s.maxAttempts = maxAttempts;
    if (!relatedId.isEmpty()) {
        s.relatedType = u"order"_s;
        s.relatedId = relatedId;
    }
    return f.asService([&](TenantTransaction &tx) { return Jobs::enqueue(tx.db(), s); })->id;
}

JobRecord job(ConsoleFixture &f, qint64 id)
{
    return *f.asService([&](TenantTransaction &tx) { return Jobs::find(tx.db(), id); });
}

mp::JobEngineOptions engineOptions(const ConsoleFixture &f)
{
    mp::JobEngineOptions o;
    o.database = f.owner;
    // Claims of one job each on two workers: a waiting handler holds no other job's outcome back.
    o.workers = 2;
    o.batchSize = 1;
    o.pollIntervalMs = 100;
    o.heartbeatTimeoutMs = 5000;
    o.runSchedules = false;
    return o;
}

int rowOf(const JobTableModel &model, qint64 id)
{
    for (int i = 0; i < model.rowCount(); ++i)
        if (model.rowAt(i).id == id)
            return i;
    return -1;
}

QString statusShown(const JobTableModel &model, qint64 id)
{
    const int row = rowOf(model, id);
    return row < 0 ? QString() : model.index(row, JobTableModel::Status).data().toString();
}

struct Feed {
    ChangeFeed feed;
    explicit Feed(ConsoleFixture &f)
    {
        QSignalSpy listening(&feed, &ChangeFeed::listening);
        feed.start(f.session->staffSettings(), f.tenantId, mp::consoleSections().channels());
        if (!listening.wait(20000))
            qFatal("the change feed did not start");
    }
};

} // namespace

class TestConsoleJobs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        mp::JobRegistry &r = mp::JobRegistry::global();
        r.add(u"console.fail"_s, [](mp::JobContext &ctx) {
            ctx.log(u"connecting to the node"_s);
            return mp::Status(mp::makeError(kNodeUnreachable, u"node pve1 did not answer"_s));
        });
        r.add(u"console.wait"_s, [](mp::JobContext &ctx) {
            ctx.log(u"step 1 of 2: waiting"_s);
            for (int i = 0; i < 1000 && !s_release.load(); ++i)
                ctx.sleepFor(20);
            ctx.log(u"step 2 of 2: done"_s);
            return mp::Status();
        });
    }

    void modelPagesByIdAndFilters()
    {
        ConsoleFixture f;
        // 450 jobs in one statement, then a few with other kinds and a related object.
        QList<JobSpec> specs;
        for (int i = 0; i < 450; ++i) {
            JobSpec s;
            s.tenantId = f.tenantId;
            s.kind = u"console.bulk"_s;
            specs << s;
        }
        QVERIFY(f.asService([&](TenantTransaction &tx) { return Jobs::enqueueMany(tx.db(), specs); }));
        const qint64 related = enqueue(f, u"console.other"_s, u"ord-7"_s);
        enqueue(f, u"console.other"_s);

        JobTableModel model(f.session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), LazyTableModelBase::kPageSize);
        QVERIFY(model.canFetchMore({}));
        // Newest first, ids strictly falling across pages.
        model.fetchMore({});
        QVERIFY(waitLoaded(model));
        model.fetchMore({});
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 452);
        QVERIFY(!model.canFetchMore({}));
        for (int i = 1; i < model.rowCount(); ++i)
            QVERIFY(model.rowAt(i - 1).id > model.rowAt(i).id);
        QCOMPARE(model.index(0, JobTableModel::Kind).data().toString(), u"console.other"_s);
        QCOMPARE(model.index(0, JobTableModel::Status).data().toString(), u"Queued"_s);
        QCOMPARE(model.index(0, JobTableModel::Id).data(mp::IdRole).toString(),
                 QString::number(model.rowAt(0).id));

        mp::JobFilter filter;
        filter.kind = u"console.other"_s;
        model.setFilter(filter);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 2);
        filter.relatedType = u"order"_s;
        filter.relatedId = u"ord-7"_s;
        model.setFilter(filter);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowAt(0).id, related);
        QCOMPARE(model.index(0, JobTableModel::Related).data().toString(), u"order ord-7"_s);
        filter = {};
        filter.status = JobStatus::Cancelled;
        model.setFilter(filter);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 0);
    }

    void statusChangesArriveLive()
    {
        ConsoleFixture f;
        Feed feed(f);
        const qint64 a = enqueue(f, u"console.other"_s);
        const qint64 b = enqueue(f, u"console.other"_s);
        JobTableModel model(f.session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setChangeFeed(&feed.feed, {mp::channels::jobs});
        model.refresh();
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 2);

        // Another connection (the service, as the REST API would) cancels a job: an UPDATE of
        // jobs, which migration 0013 reports on the console channel.
        QSignalSpy changed(&feed.feed, &ChangeFeed::changed);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QVERIFY(f.asService([&](TenantTransaction &tx) { return Jobs::cancel(tx.db(), a, u"test"_s); }));
        QTRY_COMPARE_WITH_TIMEOUT(statusShown(model, a), u"Cancelled"_s, 5000);
        QCOMPARE(statusShown(model, b), u"Queued"_s);
        QCOMPARE(resets.size(), 0);
        QVERIFY(changed.contains(QVariantList{mp::channels::jobs}));

        // A worker runs the other one: claimed, then failed, without any refresh from here.
        const qint64 failing = enqueue(f, u"console.fail"_s, {}, 1);
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(model, failing), 0, 5000);
        mp::JobEngine engine(engineOptions(f));
        QVERIFY(engine.start());
        QTRY_COMPARE_WITH_TIMEOUT(statusShown(model, failing), u"Dead"_s, 10000);
        QVERIFY(engine.stop());
        QCOMPARE(model.index(rowOf(model, failing), JobTableModel::LastError).data().toString(),
                 u"node pve1 did not answer"_s);
    }

    void pageShowsLiveLogAndRetriesAndCancels()
    {
        ConsoleFixture f;
        Feed feed(f);
        const qint64 dead = enqueue(f, u"console.fail"_s, u"ord-1"_s, 1);
        s_release = false;
        const qint64 waiting = enqueue(f, u"console.wait"_s);
        mp::JobEngine engine(engineOptions(f));
        QVERIFY(engine.start());
        QTRY_COMPARE_WITH_TIMEOUT(mp::toString(job(f, dead).status), u"dead"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(mp::toString(job(f, waiting).status), u"running"_s, 10000);

        mp::JobsPage page(f.session.get(), &feed.feed);
        page.resize(1100, 700);
        page.show();
        QVERIFY(waitLoaded(*page.model()));
        QCOMPARE(page.model()->rowCount(), 2);

        // The running job's log follows the handler's lines as they are written.
        QSignalSpy detail(&page, &mp::JobsPage::detailLoaded);
        page.view()->table()->selectRow(rowOf(*page.model(), waiting));
        QVERIFY(detail.wait(5000));
        QCOMPARE(page.selectedJobId(), waiting);
        QVERIFY(page.logView()->toPlainText().contains(u"step 1 of 2: waiting"_s));
        QVERIFY(!page.retryButton()->isEnabled());
        QVERIFY(page.cancelButton()->isEnabled());
        s_release = true;
        QTRY_VERIFY_WITH_TIMEOUT(page.logView()->toPlainText().contains(u"step 2 of 2: done"_s), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!page.cancelButton()->isEnabled(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(statusShown(*page.model(), waiting), u"Completed"_s, 5000);
        QVERIFY(engine.stop());

        // Retry the dead job on the staff connection: queued again, the log names the staff member.
        page.view()->table()->selectRow(rowOf(*page.model(), dead));
        QTRY_VERIFY_WITH_TIMEOUT(page.retryButton()->isEnabled(), 5000);
        QVERIFY(page.logView()->toPlainText().contains(u"connecting to the node"_s));
        QSignalSpy finished(&page, &mp::JobsPage::actionFinished);
        QTest::mouseClick(page.retryButton(), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(mp::toString(job(f, dead).status), u"queued"_s);
        QTRY_COMPARE_WITH_TIMEOUT(statusShown(*page.model(), dead), u"Queued"_s, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            page.logView()->toPlainText().contains(u"retried by staff %1"_s.arg(f.login)), 5000);
        // Named as the pod detail's Retry and every other console action name them: "staff <login>",
        // the console's form of the REST API's "staff token <id>".
        QVERIFY(!page.logView()->toPlainText().contains(u"(console)"_s));

        // Cancel it again.
        QTRY_VERIFY_WITH_TIMEOUT(page.cancelButton()->isEnabled(), 5000);
        finished.clear();
        QTest::mouseClick(page.cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toBool(), true);
        QCOMPARE(mp::toString(job(f, dead).status), u"cancelled"_s);
        QTRY_COMPARE_WITH_TIMEOUT(statusShown(*page.model(), dead), u"Cancelled"_s, 5000);
        QVERIFY(!page.errorBox());

        // A transition the job no longer allows (someone else cancelled it meanwhile): the
        // service's error is shown in a message, nothing changes.
        QVERIFY(f.asService([&](TenantTransaction &tx) { return Jobs::retry(tx.db(), dead, u"api"_s); }));
        QVERIFY(f.asService([&](TenantTransaction &tx) { return Jobs::cancel(tx.db(), dead, u"api"_s); }));
        QTRY_VERIFY_WITH_TIMEOUT(page.logView()->toPlainText().contains(u"cancelled by api"_s), 5000);
        finished.clear();
        page.cancelButton()->setEnabled(true); // as it was before the other session's change arrived
        QTest::mouseClick(page.cancelButton(), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.last().first().toBool(), false);
        QVERIFY(page.errorBox());
        QVERIFY(!page.errorBox()->text().isEmpty());
        QCOMPARE(mp::toString(job(f, dead).status), u"cancelled"_s);
        page.errorBox()->close();
    }

    void readOnlyStaffCannotRetry()
    {
        ConsoleFixture f(mp::StaffRole::ReadOnly);
        const qint64 id = enqueue(f, u"console.other"_s);
        QVERIFY(f.asService([&](TenantTransaction &tx) { return Jobs::cancel(tx.db(), id, u"api"_s); }));
        mp::JobsPage page(f.session.get(), nullptr);
        QVERIFY(waitLoaded(*page.model()));
        page.selectJob(id);
        QTRY_VERIFY_WITH_TIMEOUT(page.retryButton()->isEnabled(), 5000);
        QSignalSpy finished(&page, &mp::JobsPage::actionFinished);
        QTest::mouseClick(page.retryButton(), Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().first().toBool(), false);
        QVERIFY(page.errorBox());
        QCOMPARE(mp::toString(job(f, id).status), u"cancelled"_s);
        page.errorBox()->close();
    }

    void dashboardCountsAndFailuresLive()
    {
        ConsoleFixture f;
        Feed feed(f);
        mp::DashboardPage page(f.session.get(), &feed.feed);
        QSignalSpy loaded(&page, &mp::DashboardPage::loaded);
        QVERIFY(loaded.wait(10000));
        // Honest empty state: no jobs, and it says so.
        QCOMPARE(page.shownCount(u"queued"_s), 0);
        QVERIFY(page.failuresStateText().startsWith(u"No jobs yet"_s));

        const qint64 first = enqueue(f, u"console.other"_s);
        QTRY_COMPARE_WITH_TIMEOUT(page.shownCount(u"queued"_s), 1, 5000);
        QVERIFY(f.asService([&](TenantTransaction &tx) { return Jobs::cancel(tx.db(), first, u"api"_s); }));
        QTRY_COMPARE_WITH_TIMEOUT(page.shownCount(u"queued"_s), 0, 5000);
        QCOMPARE(page.failuresStateText(), u"No job failed in the last 24 hours."_s);

        const qint64 other = enqueue(f, u"console.other"_s);
        QVERIFY(f.asService([&](TenantTransaction &tx) { return Jobs::cancel(tx.db(), other, u"api"_s); }));
        QTRY_COMPARE_WITH_TIMEOUT(page.shownCount(u"cancelled"_s), 2, 5000);
        const qint64 failing = enqueue(f, u"console.fail"_s, u"ord-9"_s, 1);
        mp::JobEngine engine(engineOptions(f));
        QVERIFY(engine.start());
        QTRY_COMPARE_WITH_TIMEOUT(page.shownCount(u"dead"_s), 1, 10000);
        QVERIFY(engine.stop());
        QTRY_COMPARE_WITH_TIMEOUT(page.failuresTable()->rowCount(), 1, 5000);
        QVERIFY(page.failuresStateText().isEmpty());
        QCOMPARE(page.failuresTable()->item(0, 0)->text(), QString::number(failing));
        QCOMPARE(page.failuresTable()->item(0, 6)->text(), u"node pve1 did not answer"_s);
        QCOMPARE(page.shownCount(u"queued"_s), 0);
        QCOMPARE(page.shownCount(u"cancelled"_s), 2);
    }
};

QTEST_MAIN(TestConsoleJobs)
#include "tst_console_jobs.moc"
