// The console's Provisioning section against the test cluster, a job engine and the in-process
// Proxmox emulator: pods created through the services and provisioned by the real jobs; the pod
// table (keyset pages, filters by status, node and customer, live through migration 0012's
// notifications), node capacity, the pod detail with its jobs and log, and the actions (retry,
// suspend, unsuspend, terminate behind its confirmation) offscreen. MPANEL_SCREENSHOT=path saves
// the section with these pods as a PNG.
#include "cloud_pod_table_model.h"
#include "cloudpod_commands.h"
#include "cloudpod_finding_model.h"
#include "cloudpod_template_model.h"
#include "cloudpods/cloud_pods.h"
#include "cloudpods/proxmox_clusters.h"
#include "common/lazy_table_view.h"
#include "console_sections.h"
#include "console_session/change_feed.h"
#include "core/clock.h"
#include "customers/customer_detail_page.h"
#include "customers/customers_page.h"
#include "emulators/proxmox_emulator.h"
#include "jobs/job_engine.h"
#include "jobs/jobs.h"
#include "model_roles.h"
#include "node_capacity_model.h"
#include "provisioning/cloud_pod_detail_dialog.h"
#include "provisioning/cloud_pods_page.h"
#include "provisioning/customer_pods_part.h"
#include "provisioning/findings_page.h"
#include "provisioning/provisioning_page.h"
#include "support/console_fixture.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <QUuid>

using namespace Qt::StringLiterals;
using mp::ChangeFeed;
using mp::LazyTableModelBase;
using mp::TenantTransaction;
using mp::cloudpods::CloudPod;
using mp::cloudpods::CloudPods;
using mp::test::ConsoleFixture;
using mp::test::ProxmoxEmulator;

namespace {

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

} // namespace

class TestConsoleProvisioning : public QObject {
    Q_OBJECT

    std::unique_ptr<ConsoleFixture> m_f;
    std::unique_ptr<ProxmoxEmulator> m_pve;
    std::unique_ptr<mp::JobEngine> m_engine;
    std::unique_ptr<ChangeFeed> m_feed;
    QString m_alice, m_bob;
    QHash<QString, QString> m_templates; // name -> id

    QString createPod(const QString &customer, const QString &templateName, const QString &hostname)
    {
        mp::cloudpods::NewPod p;
        p.customerId = customer;
        p.templateId = m_templates.value(templateName);
        p.hostname = hostname;
        return m_f
            ->asService(
                [&](TenantTransaction &tx) { return CloudPods::create(tx, p, mp::Clock::current().now()); })
            .value()
            .id;
    }
    QString status(const QString &id) { return CloudPods::find(m_f->service, id).value().status; }

    // Runs cloudpod.reconcile for the tenant on the engine and waits for it.
    void reconcile()
    {
        mp::JobSpec spec;
        spec.tenantId = m_f->tenantId;
        spec.kind = mp::cloudpods::kinds::reconcile;
        auto job = m_f->asService([&](TenantTransaction &tx) { return mp::Jobs::enqueue(tx.db(), spec); });
        QVERIFY(job.ok());
        QTRY_COMPARE_WITH_TIMEOUT(toString(mp::Jobs::find(m_f->service, job->id).value().status),
                                  toString(mp::JobStatus::Completed), 20000);
    }

    // Two active pods, then one's guest removed behind mPanel's back and a stray guest tagged for
    // a pod that does not exist: reconciliation reports both. Returns the pod whose guest is gone.
    QString podsWithTwoFindings()
    {
        const QString kept = createPod(m_alice, u"Mini"_s, u"web1"_s);
        const QString gone = createPod(m_bob, u"Mini"_s, u"db1"_s);
        for (const QString &id : {kept, gone})
            if (!QTest::qWaitFor([&] { return status(id) == u"active"_s; }, 20000))
                return {};
        m_pve->removeGuest(CloudPods::find(m_f->service, gone).value().vmid);
        ProxmoxEmulator::Guest stray;
        stray.vmid = 900;
        stray.name = u"stray"_s;
        stray.tags = {u"mpanel"_s, CloudPod::podTag(QUuid::createUuid().toString(QUuid::WithoutBraces))};
        m_pve->addGuest(stray);
        ProxmoxEmulator::Guest foreign; // not mPanel's: never a finding
        foreign.vmid = 901;
        foreign.name = u"someone-elses"_s;
        m_pve->addGuest(foreign);
        return gone;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("MPANEL_PROXMOX_TIMEOUT_MS", "1500");
        qputenv("MPANEL_PROXMOX_TASK_POLL_MS", "50");
        qputenv("MPANEL_PROXMOX_TASK_TIMEOUT_MS", "8000");
        qputenv("MPANEL_PROXMOX_RETRY_DELAY_MS", "50");
        qputenv("MPANEL_LOG", "off");
    }

    void init()
    {
        m_f = std::make_unique<ConsoleFixture>();
        m_pve = std::make_unique<ProxmoxEmulator>();
        m_pve->setTaskDurationMs(100);
        m_pve->setAuthFailureDelayMs(0);
        QVERIFY(m_pve->start().ok());
        const QDateTime now = mp::Clock::current().now();
        const auto cluster = m_f->asService([&](TenantTransaction &tx) {
            return mp::cloudpods::ProxmoxClusters::create(
                tx,
                {{u"name"_s, u"fra1"_s},
                 {u"api_base"_s, m_pve->apiBase().toString()},
                 {u"token_id"_s, m_pve->tokenId()},
                 {u"token_secret"_s, m_pve->tokenSecret()},
                 {u"ca_pem"_s, QString::fromLatin1(ProxmoxEmulator::caCertificate().toPem())}},
                now);
        });
        const QString clusterId = cluster->value(u"id"_s).toString();
        (void)m_f->asService([&](TenantTransaction &tx) {
            return mp::cloudpods::ProxmoxClusters::addNode(
                tx, clusterId,
                {{u"name"_s, u"pve1"_s}, {u"cpu_cores"_s, 32}, {u"ram_mb"_s, 131072}, {u"disk_gb"_s, 2000}},
                now);
        });
        (void)m_f->asService([&](TenantTransaction &tx) {
            return mp::cloudpods::ProxmoxClusters::addPool(tx,
                                                           {{u"cluster_id"_s, clusterId},
                                                            {u"name"_s, u"fra1 public"_s},
                                                            {u"first_address"_s, u"10.20.0.10"_s},
                                                            {u"last_address"_s, u"10.20.0.40"_s},
                                                            {u"prefix_length"_s, 24},
                                                            {u"gateway"_s, u"10.20.0.1"_s},
                                                            {u"dns_servers"_s, u"10.20.0.2"_s}},
                                                           now);
        });
        m_alice = m_f->addCustomer(u"Alice Example"_s, u"alice@example.test"_s).id;
        m_bob = m_f->addCustomer(u"Bob Builder GmbH"_s, u"bob@example.test"_s).id;
        auto q = mp::sql::exec(m_f->service,
                               u"SELECT name, id::text FROM cloudpod_templates WHERE tenant_id = ?::uuid"_s,
                               {m_f->tenantId});
        QVERIFY(q);
        while (q->next())
            m_templates.insert(q->value(0).toString(), q->value(1).toString());
        QCOMPARE(m_templates.size(), 4);

        m_feed = std::make_unique<ChangeFeed>();
        QSignalSpy listening(m_feed.get(), &ChangeFeed::listening);
        m_feed->start(m_f->session->staffSettings(), m_f->tenantId, mp::consoleSections().channels());
        QVERIFY(listening.wait(20000));

        mp::JobEngineOptions o;
        o.database = m_f->owner;
        o.workers = 2;
        o.batchSize = 1;
        o.pollIntervalMs = 100;
        o.runSchedules = false;
        o.backoffBaseSeconds = 600; // a failed attempt waits for the console's retry
        o.backoffCapSeconds = 600;
        m_engine = std::make_unique<mp::JobEngine>(o);
        QVERIFY(m_engine->start().ok());
    }

    void cleanup()
    {
        if (m_engine)
            m_engine->stop(2000);
        m_engine.reset();
        m_feed.reset();
        m_pve.reset();
        m_f.reset();
    }

    void podTableFiltersAndGoesLive()
    {
        mp::CloudPodTableModel model(m_f->session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setChangeFeed(m_feed.get(), {mp::channels::cloudPods});
        model.setReloadDelay(50);
        model.refresh();
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 0);

        const QString web = createPod(m_alice, u"Mini"_s, u"web1"_s);
        const QString db = createPod(m_bob, u"Pro"_s, u"db1"_s);
        // Live: the rows arrive, then move to active with node and address, without a refresh.
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(status(web), u"active"_s, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(status(db), u"active"_s, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(model.index(0, mp::CloudPodTableModel::Status).data().toString(),
                                  u"Active"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(model.index(1, mp::CloudPodTableModel::Status).data().toString(),
                                  u"Active"_s, 10000);
        QCOMPARE(model.index(0, mp::CloudPodTableModel::Hostname).data().toString(),
                 u"db1"_s); // newest first
        QCOMPARE(model.index(0, mp::CloudPodTableModel::Customer).data().toString(), u"Bob Builder GmbH"_s);
        QCOMPARE(model.index(0, mp::CloudPodTableModel::Template).data().toString(), u"Pro"_s);
        QCOMPARE(model.index(0, mp::CloudPodTableModel::Node).data().toString(), u"fra1 / pve1"_s);
        QVERIFY(model.index(0, mp::CloudPodTableModel::Address).data().toString().startsWith(u"10.20.0."_s));
        QCOMPARE(model.index(1, 0).data(mp::IdRole).toString(), web);

        // Filters are SQL: customer, status, node.
        mp::cloudpods::PodFilter filter;
        filter.customerId = m_alice;
        model.setFilter(filter);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, 0).data(mp::IdRole).toString(), web);
        filter = {};
        filter.status = u"error"_s;
        model.setFilter(filter);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 0);
        filter = {};
        filter.nodeName = u"pve1"_s;
        model.setFilter(filter);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 2);
        filter.nodeName = u"pve9"_s;
        model.setFilter(filter);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 0);

        // Sorting is SQL too (hostname ascending).
        model.setFilter({});
        QVERIFY(waitLoaded(model));
        model.sort(mp::CloudPodTableModel::Hostname, Qt::AscendingOrder);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.index(0, mp::CloudPodTableModel::Hostname).data().toString(), u"db1"_s);
        QCOMPARE(model.index(1, mp::CloudPodTableModel::Hostname).data().toString(), u"web1"_s);
    }

    void podsPageInKeysetSteps()
    {
        // Many pods (no engine needed for listing: stop it so they stay pending).
        m_engine->stop(2000);
        for (int i = 0; i < 230; ++i)
            createPod(i % 2 ? m_alice : m_bob, u"Mini"_s, u"bulk%1"_s.arg(i, 3, 10, QChar(u'0')));
        mp::CloudPodTableModel model(m_f->session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), LazyTableModelBase::kPageSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 230);
        QVERIFY(!model.canFetchMore({}));
        QSet<QString> ids;
        for (int r = 0; r < model.rowCount(); ++r)
            ids.insert(model.index(r, 0).data(mp::IdRole).toString());
        QCOMPARE(ids.size(), 230);
        QCOMPARE(model.index(0, mp::CloudPodTableModel::Status).data().toString(), u"Pending"_s);
    }

    void nodeCapacityAndTemplates()
    {
        mp::NodeCapacityModel nodes(m_f->session.get());
        QAbstractItemModelTester tester(&nodes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        nodes.setChangeFeed(m_feed.get(), {mp::channels::nodeAllocations});
        nodes.setReloadDelay(50);
        nodes.refresh();
        QVERIFY(waitLoaded(nodes));
        QCOMPARE(nodes.rowCount(), 1);
        QCOMPARE(nodes.index(0, mp::NodeCapacityModel::Node).data().toString(), u"fra1 / pve1"_s);
        QCOMPARE(nodes.index(0, mp::NodeCapacityModel::Cores).data().toString(), u"0 / 32 (0%)"_s);
        // Registered without a mode: a real Proxmox VE as far as anyone is told.
        QCOMPARE(nodes.index(0, mp::NodeCapacityModel::Mode).data().toString(), u"live"_s);
        QCOMPARE(nodes.rowAt(0).clusterMode, u"live"_s);

        const QString id = createPod(m_alice, u"Business"_s, u"shop"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), u"active"_s, 20000);
        // Live through node_allocations' notifications.
        QTRY_COMPARE_WITH_TIMEOUT(nodes.rowAt(0).pods, qint64(1), 10000);
        const mp::NodeCapacity n = nodes.rowAt(0);
        QVERIFY(n.coresUsed > 0 && n.ramMbUsed > 0 && n.diskGbUsed > 0);
        QCOMPARE(nodes.index(0, mp::NodeCapacityModel::Cores).data().toString(),
                 u"%1 / 32 (%2%)"_s.arg(n.coresUsed).arg(n.coresUsed * 100 / 32));

        // Marking the cluster as the emulator (it is one, on loopback) shows live in the nodes view.
        (void)m_f->asService([&](TenantTransaction &tx) -> mp::Result<QJsonObject> {
            auto clusters = mp::cloudpods::ProxmoxClusters::list(tx);
            if (!clusters)
                return clusters.error();
            return mp::cloudpods::ProxmoxClusters::update(tx, clusters->first().value(u"id"_s).toString(),
                                                          {{u"mode"_s, u"sandbox"_s}},
                                                          mp::Clock::current().now());
        });
        QTRY_COMPARE_WITH_TIMEOUT(nodes.index(0, mp::NodeCapacityModel::Mode).data().toString(),
                                  u"sandbox (emulator)"_s, 10000);
        QVERIFY(nodes.index(0, mp::NodeCapacityModel::Mode)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"emulator"_s));

        // The templates table is the catalog's model: the four starters with their sizes.
        mp::CloudPodTemplateModel templates(m_f->session.get());
        templates.refresh();
        QVERIFY(waitLoaded(templates));
        QStringList names;
        for (int r = 0; r < templates.rowCount(); ++r)
            names << templates.index(r, mp::CloudPodTemplateModel::Name).data().toString();
        QCOMPARE(names, (QStringList{u"Mini"_s, u"Pro"_s, u"Business"_s, u"Enterprise"_s}));
    }

    // The Findings table: what reconciliation reports, live through 0015's notifications, open
    // only or all, and resolved by the run that no longer sees it.
    void findingsFromReconciliationGoLive()
    {
        mp::CloudPodFindingModel model(m_f->session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setChangeFeed(m_feed.get(), {mp::channels::cloudPodFindings});
        model.setReloadDelay(50);
        model.refresh();
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), int(mp::CloudPodFindingModel::ColumnCount));

        const QString gone = podsWithTwoFindings();
        QVERIFY(!gone.isEmpty());
        reconcile();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 10000); // live, no refresh
        int orphan = -1, missing = -1;
        for (int r = 0; r < 2; ++r)
            (model.rowAt(r).kind == u"orphan_guest"_s ? orphan : missing) = r;
        QVERIFY(orphan >= 0 && missing >= 0);
        using M = mp::CloudPodFindingModel;
        QCOMPARE(model.index(orphan, M::Kind).data().toString(), u"Orphan guest"_s);
        QCOMPARE(model.index(orphan, M::Where).data().toString(), u"fra1 / pve1"_s);
        QCOMPARE(model.index(orphan, M::Vmid).data().toLongLong(), 900);
        QCOMPARE(model.index(orphan, M::Pod).data().toString(), u"no pod"_s);
        QCOMPARE(model.index(orphan, 0).data(M::PodIdRole).toString(), QString());
        QCOMPARE(model.index(orphan, M::State).data().toString(), u"Open"_s);
        QVERIFY(model.index(orphan, M::Detail).data().toString().contains(u"tagged for pod"_s));
        QCOMPARE(model.index(missing, M::Kind).data().toString(), u"Guest missing"_s);
        QCOMPARE(model.index(missing, M::Where).data().toString(), u"fra1"_s); // the node is unknown
        QCOMPARE(model.index(missing, M::Pod).data().toString(), u"db1"_s);
        QCOMPARE(model.index(missing, 0).data(M::PodIdRole).toString(), gone);
        QCOMPARE(model.index(missing, M::Vmid).data().toLongLong(),
                 CloudPods::find(m_f->service, gone).value().vmid);
        QVERIFY(!model.index(missing, M::Detected).data().toString().isEmpty());
        // Reported, never deleted: the stray guest and the pod are still there.
        QVERIFY(m_pve->guest(900).has_value());
        QCOMPARE(status(gone), u"active"_s);

        // A second run refreshes the same two findings instead of adding rows.
        reconcile();
        QTest::qWait(300);
        QCOMPARE(model.rowCount(), 2);

        // Staff deal with both (terminate the pod, the stray guest goes): the next run resolves
        // them, and the open list empties by itself.
        QVERIFY(m_f->asService([&](TenantTransaction &tx) {
                       return CloudPods::requestTerminate(tx, gone, mp::Clock::current().now());
                   })
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(status(gone), u"terminated"_s, 20000);
        m_pve->removeGuest(900);
        reconcile();
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 10000);

        model.setIncludeResolved(true);
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 2);
        for (int r = 0; r < 2; ++r) {
            QVERIFY(!model.rowAt(r).isOpen());
            QCOMPARE(model.index(r, M::State).data().toString(), u"Resolved"_s);
            QVERIFY(model.index(r, M::State).data(Qt::ToolTipRole).toString().startsWith(u"Resolved "_s));
        }
    }

    // Many findings page in keyset steps, newest first, each once.
    void findingsPageInKeysetSteps()
    {
        const QDateTime now = mp::Clock::current().now().toUTC();
        auto q = mp::sql::exec(
            m_f->service,
            u"INSERT INTO cloudpod_findings (tenant_id, cluster_id, kind, node, vmid, detail, first_seen_at, "
            "last_seen_at, resolved_at) SELECT ?::uuid, c.id, 'orphan_guest', 'pve1', 1000 + g, "
            "'guest ' || g, ?::timestamptz, ?::timestamptz, CASE WHEN g % 10 = 0 THEN ?::timestamptz END "
            "FROM proxmox_clusters c, generate_series(1, 250) g"_s,
            {m_f->tenantId, now, now, now});
        QVERIFY2(q, q ? "" : qPrintable(q.error().message));
        mp::CloudPodFindingModel model(m_f->session.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.refresh();
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), LazyTableModelBase::kPageSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 225); // the 25 resolved ones only under "all"
        QVERIFY(!model.canFetchMore({}));
        QSet<qint64> ids;
        for (int r = 0; r < model.rowCount(); ++r) {
            ids.insert(model.rowAt(r).id);
            if (r > 0)
                QVERIFY(model.rowAt(r).id < model.rowAt(r - 1).id);
        }
        QCOMPARE(ids.size(), 225);
        QCOMPARE(model.index(0, mp::CloudPodFindingModel::Vmid).data().toLongLong(), 1249);

        model.setIncludeResolved(true);
        QVERIFY(waitLoaded(model));
        model.fetchMore({});
        QVERIFY(waitLoaded(model));
        QCOMPARE(model.rowCount(), 250);
    }

    // The tab: an empty state until there is something to look at, then the table; a finding's
    // pod opens in the pod detail, an orphan guest has none.
    void findingsPageEmptyStateAndOpenPod()
    {
        mp::FindingsPage page(m_f->session.get(), m_feed.get());
        page.findings()->setReloadDelay(50);
        QTRY_VERIFY_WITH_TIMEOUT(page.showsEmptyState(), 10000);
        // Before any check ran it vouches for nothing: it says no check has run.
        QTRY_COMPARE_WITH_TIMEOUT(page.checkStatus()->text(), u"Not checked yet."_s, 10000);
        QVERIFY2(page.emptyState()->text().startsWith(u"No check has run yet"_s),
                 qPrintable(page.emptyState()->text()));
        QVERIFY(!page.emptyState()->text().contains(u"guest is there"_s));
        QVERIFY(!page.openPodButton()->isEnabled());

        const QString gone = podsWithTwoFindings();
        QVERIFY(!gone.isEmpty());
        // "Check now" queues the reconciliation on the staff connection; the rows arrive live.
        QSignalSpy checked(&page, &mp::FindingsPage::checkFinished);
        QTest::mouseClick(page.checkNowButton(), Qt::LeftButton);
        QVERIFY(checked.wait(10000));
        QCOMPARE(checked.first().first().toString(), QString());
        QVERIFY(page.checkStatus()->text().startsWith(u"Reconciliation queued"_s));
        QTRY_COMPARE_WITH_TIMEOUT(page.findings()->rowCount(), 2, 20000);
        QVERIFY(!page.showsEmptyState());
        QTRY_VERIFY_WITH_TIMEOUT(page.lastCheck().isValid(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page.checkStatus()->text().startsWith(u"Last checked "_s), 10000);
        auto runs =
            mp::sql::exec(m_f->service, u"SELECT count(*) FROM jobs WHERE kind = 'cloudpod.reconcile'"_s);
        QVERIFY(runs && runs->next());
        QCOMPARE(runs->value(0).toInt(), 1); // the button's job, nothing else ran it

        QSignalSpy requested(&page, &mp::FindingsPage::podRequested);
        QTableView *table = page.view()->table();
        for (int r = 0; r < 2; ++r) {
            table->setCurrentIndex(page.findings()->index(r, 0));
            const bool hasPod = page.findings()->rowAt(r).kind == u"guest_missing"_s;
            QCOMPARE(page.openPodButton()->isEnabled(), hasPod);
            if (hasPod) {
                QTest::mouseClick(page.openPodButton(), Qt::LeftButton);
                QCOMPARE(requested.size(), 1);
                QCOMPARE(requested.first().first().toString(), gone);
            }
        }

        // "All" with nothing resolved yet still lists the two; an empty "all" says so.
        page.setIncludeResolved(true);
        QVERIFY(waitLoaded(*page.findings()));
        QCOMPARE(page.findings()->rowCount(), 2);
    }

    // The report's case: the pod dialog stayed "queued". An open pod dialog follows the change
    // feed: suspended by someone else (the REST API, a dunning run), it shows so by itself.
    void openPodFollowsTheChangeFeed()
    {
        mp::CloudPodsPage page(m_f->session.get(), m_feed.get());
        const QString id = createPod(m_alice, u"Mini"_s, u"live1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), u"active"_s, 20000);
        QPointer<mp::CloudPodDetailDialog> dialog = page.openPod(id);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->detail().has_value(), 10000);
        QCOMPARE(dialog->detail()->pod.status, u"active"_s);
        QVERIFY(dialog->suspendButton()->isEnabled());

        QVERIFY(m_f->asService([&](TenantTransaction &tx) -> mp::Status {
                       return CloudPods::requestPower(tx, id, true, mp::Clock::current().now());
                   })
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(dialog->detail()->pod.status, u"suspended"_s, 20000);
        QVERIFY(!dialog->suspendButton()->isEnabled());
        QVERIFY(dialog->unsuspendButton()->isEnabled());
        QVERIFY(dialog->jobsList()->topLevelItemCount() >= 2);
        dialog->close();
    }

    void detailShowsJobsAndRunsActions()
    {
        mp::CloudPodsPage page(m_f->session.get(), m_feed.get());
        const QString id = createPod(m_alice, u"Mini"_s, u"web1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), u"active"_s, 20000);

        mp::CloudPodDetailDialog *dialog = page.openPod(id);
        QSignalSpy loaded(dialog, &mp::CloudPodDetailDialog::loaded);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(dialog->detail()->pod.hostname, u"web1"_s);
        QCOMPARE(dialog->jobsList()->topLevelItemCount(), 1);
        QCOMPARE(dialog->jobsList()->topLevelItem(0)->text(1), mp::cloudpods::kinds::provision);
        QVERIFY(!dialog->logView()->toPlainText().isEmpty());
        QVERIFY(!dialog->retryButton()->isEnabled()); // only a pod in error
        QVERIFY(dialog->suspendButton()->isEnabled());
        QVERIFY(!dialog->unsuspendButton()->isEnabled());

        // Suspend: the wish is recorded, the power job stops the guest.
        QSignalSpy finished(dialog, &mp::CloudPodDetailDialog::actionFinished);
        QTest::mouseClick(dialog->suspendButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.takeFirst().first().toString(), QString());
        QVERIFY(dialog->detail()->pod.suspendRequested);
        QVERIFY(dialog->unsuspendButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(status(id), u"suspended"_s, 20000);
        QTest::mouseClick(dialog->unsuspendButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(status(id), u"active"_s, 20000);

        // Terminate asks first: Cancel does nothing, Yes terminates.
        finished.clear();
        QTest::mouseClick(dialog->terminateButton(), Qt::LeftButton);
        QVERIFY(dialog->confirmDialog());
        dialog->confirmDialog()->button(QMessageBox::Cancel)->click();
        QTest::qWait(200);
        QVERIFY(finished.isEmpty());
        QVERIFY(!CloudPods::find(m_f->service, id).value().terminateRequested);
        QTest::mouseClick(dialog->terminateButton(), Qt::LeftButton);
        QVERIFY(dialog->confirmDialog());
        dialog->confirmDialog()->button(QMessageBox::Yes)->click();
        QVERIFY(finished.wait(10000));
        QVERIFY(dialog->detail()->pod.terminateRequested);
        QVERIFY(!dialog->terminateButton()->isEnabled());
        QVERIFY(!dialog->suspendButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(status(id), u"terminated"_s, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(m_pve->guests().size(), qsizetype(0), 5000);
    }

    // The customer detail's CloudPods box, declared by the Provisioning section: the customer's
    // pods only, their state live.
    void customerDetailListsPodsLive()
    {
        const mp::ConsoleSections sections = mp::consoleSections();
        mp::SectionContext context;
        context.session = m_f->session.get();
        context.feed = m_feed.get();
        context.runCommand = [](const QString &, const QVariant &) { return false; };
        context.detailParts = [&sections](const QString &page) { return sections.detailParts(page); };
        std::unique_ptr<QWidget> widget(sections.find(u"customers"_s)->page(context));
        auto *page = qobject_cast<mp::CustomersPage *>(widget.get());
        QVERIFY(page);
        QVERIFY(!page->detail()->placeholder(u"cloudpods"_s)); // the box took its place
        auto *part = dynamic_cast<mp::CustomerPodsPart *>(page->detail()->part(u"cloudpods"_s));
        QVERIFY(part);
        QAbstractItemModelTester tester(part->pods());
        page->showCustomer(m_alice);
        const QString web = createPod(m_alice, u"Mini"_s, u"web1"_s);
        createPod(m_bob, u"Mini"_s, u"db1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(part->pods()->rowCount(), 1, 10000);
        QCOMPARE(part->pods()->index(0, mp::CloudPodTableModel::Hostname).data().toString(), u"web1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(part->pods()->index(0, mp::CloudPodTableModel::Status).data().toString(),
                                  u"Active"_s, 20000);
        QVERIFY(part->view()->table()->isColumnHidden(mp::CloudPodTableModel::Customer));
        page->showCustomer(m_bob);
        QTRY_COMPARE_WITH_TIMEOUT(part->pods()->index(0, mp::CloudPodTableModel::Hostname).data().toString(),
                                  u"db1"_s, 10000);
        QCOMPARE(status(web), u"active"_s);
    }

    // Reinstall from the pod's detail: asks first, then shows the new root password once; the
    // guest is built again with the same VMID and address and that password. A container's
    // password cannot be reset (the button says so by being off).
    void reinstallFromTheDetail()
    {
        mp::CloudPodsPage page(m_f->session.get(), m_feed.get());
        const QString id = createPod(m_alice, u"Mini"_s, u"web1"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), u"active"_s, 20000);
        const auto before = CloudPods::find(m_f->service, id).value();
        mp::CloudPodDetailDialog *dialog = page.openPod(id);
        QSignalSpy loaded(dialog, &mp::CloudPodDetailDialog::loaded);
        QVERIFY(loaded.wait(10000));
        QVERIFY(!dialog->resetPasswordButton()->isEnabled());
        QVERIFY(dialog->reinstallButton()->isEnabled());
        QSignalSpy finished(dialog, &mp::CloudPodDetailDialog::actionFinished);
        QTest::mouseClick(dialog->reinstallButton(), Qt::LeftButton);
        QVERIFY(dialog->confirmDialog());
        dialog->confirmDialog()->button(QMessageBox::Cancel)->click();
        QTest::qWait(200);
        QVERIFY(finished.isEmpty());
        QVERIFY(!CloudPods::find(m_f->service, id).value().reinstallRequested);
        const int creates = m_pve->createRequests();
        QTest::mouseClick(dialog->reinstallButton(), Qt::LeftButton);
        QVERIFY(dialog->confirmDialog());
        dialog->confirmDialog()->button(QMessageBox::Yes)->click();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.takeFirst().first().toString(), QString());
        QVERIFY(dialog->passwordDialog());
        const QString text = dialog->passwordDialog()->text();
        QTRY_COMPARE_WITH_TIMEOUT(m_pve->createRequests(), creates + 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), u"active"_s, 20000);
        const auto after = CloudPods::find(m_f->service, id).value();
        QCOMPARE(after.vmid, before.vmid);
        QCOMPARE(after.ipAddress, before.ipAddress);
        const QString password = m_pve->guest(after.vmid)->password;
        QCOMPARE(password.size(), 20);
        QVERIFY(text.contains(password));
        dialog->passwordDialog()->button(QMessageBox::Ok)->click();
        QTRY_VERIFY(!dialog->passwordDialog());
    }

    void retryFromTheDetail()
    {
        m_pve->failNext(ProxmoxEmulator::Step::Create, *ProxmoxEmulator::faultFromName(u"http-500"_s), 1);
        const QString id = createPod(m_bob, u"Mini"_s, u"flaky"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status(id), u"error"_s, 20000);
        m_pve->clearFaults();

        mp::CloudPodDetailDialog dialog(m_f->session.get(), id);
        QSignalSpy loaded(&dialog, &mp::CloudPodDetailDialog::loaded);
        QVERIFY(loaded.wait(10000));
        QVERIFY(!dialog.detail()->pod.lastError.isEmpty());
        QVERIFY(dialog.retryButton()->isEnabled());
        QSignalSpy finished(&dialog, &mp::CloudPodDetailDialog::actionFinished);
        QTest::mouseClick(dialog.retryButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toString(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(status(id), u"active"_s, 20000);
        QCOMPARE(m_pve->guestsTagged(CloudPod::podTag(id)).size(), qsizetype(1));

        // A second retry of an active pod is refused by the services, and the dialog says so.
        finished.clear();
        dialog.requestAction(mp::commands::PodAction::Retry, [](const mp::Error *) {});
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.first().first().toString().contains(u"only a pod in error"_s));
    }

    void sectionTabsAndScreenshot()
    {
        mp::ProvisioningPage page(m_f->session.get(), m_feed.get());
        QTabWidget *tabs = page.tabs();
        QCOMPARE(tabs->count(), 4);
        QCOMPARE(tabs->tabText(0), u"CloudPods"_s);
        QCOMPARE(tabs->tabText(1), u"Templates"_s);
        QCOMPARE(tabs->tabText(2), u"Nodes"_s);
        QCOMPARE(tabs->tabText(3), u"Findings"_s);
        QCOMPARE(tabs->widget(3), page.page(mp::ProvisioningPage::Tab::Findings));
        const QString a = createPod(m_alice, u"Mini"_s, u"web1"_s);
        const QString b = createPod(m_bob, u"Business"_s, u"shop-bob"_s);
        const QString c = createPod(m_alice, u"Pro"_s, u"db1"_s);
        for (const QString &id : {a, b, c})
            QTRY_COMPARE_WITH_TIMEOUT(status(id), u"active"_s, 20000);
        m_pve->failNext(ProxmoxEmulator::Step::Start, *ProxmoxEmulator::faultFromName(u"task-error"_s), 1);
        const QString broken = createPod(m_bob, u"Enterprise"_s, u"analytics"_s);
        QTRY_COMPARE_WITH_TIMEOUT(status(broken), u"error"_s, 20000);
        const QString pending = createPod(m_alice, u"Mini"_s, u"staging"_s);
        Q_UNUSED(pending);

        // The node filter offers the nodes there are.
        auto *nodeFilter = page.cloudPods()->findChild<QComboBox *>(u"podNode"_s);
        QTRY_COMPARE_WITH_TIMEOUT(nodeFilter->count(), 2, 10000);
        QCOMPARE(nodeFilter->itemText(1), u"pve1"_s);

        mp::CloudPodTableModel *pods = page.cloudPods()->pods();
        QTRY_COMPARE_WITH_TIMEOUT(pods->rowCount(), 5, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            pods->index(1, mp::CloudPodTableModel::Status).data().toString() == u"Error"_s, 10000);

        // Reconciliation finds db1's guest gone and a stray guest: the Findings tab lists both.
        m_pve->removeGuest(CloudPods::find(m_f->service, c).value().vmid);
        ProxmoxEmulator::Guest stray;
        stray.vmid = 900;
        stray.name = u"old-web3"_s;
        stray.tags = {u"mpanel"_s, CloudPod::podTag(QUuid::createUuid().toString(QUuid::WithoutBraces))};
        m_pve->addGuest(stray);
        reconcile();
        QTRY_COMPARE_WITH_TIMEOUT(page.findings()->findings()->rowCount(), 2, 10000);
        QVERIFY(!page.findings()->showsEmptyState());

        const QByteArray path = qgetenv("MPANEL_SCREENSHOT");
        if (path.isEmpty())
            return;
        page.resize(1100, 560);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QTest::qWait(300);
        QVERIFY(page.grab().save(QString::fromLocal8Bit(path)));
        QString nodesPath = QString::fromLocal8Bit(path);
        nodesPath.replace(u".png"_s, u"-nodes.png"_s);
        page.showTab(mp::ProvisioningPage::Tab::Nodes);
        QTest::qWait(300);
        QVERIFY(page.grab().save(nodesPath));
        QString findingsPath = QString::fromLocal8Bit(path);
        findingsPath.replace(u".png"_s, u"-findings.png"_s);
        page.showTab(mp::ProvisioningPage::Tab::Findings);
        QTest::qWait(300);
        QVERIFY(page.grab().save(findingsPath));
    }

    void jobsPageDropsIn()
    {
        mp::ProvisioningPage page(m_f->session.get(), m_feed.get());
        QTabWidget *tabs = page.tabs();
        // Another module's page drops into its place with one line, whenever it arrives.
        auto *jobs = new QLabel(u"jobs"_s);
        page.setPage(mp::ProvisioningPage::Tab::Jobs, jobs, u"Jobs"_s);
        QCOMPARE(tabs->count(), 5);
        QCOMPARE(tabs->indexOf(jobs), 1);
        QCOMPARE(tabs->tabText(2), u"Templates"_s);
        // Replacing it keeps the order.
        QPointer<QLabel> old = jobs;
        auto *again = new QLabel(u"jobs 2"_s);
        page.setPage(mp::ProvisioningPage::Tab::Jobs, again, u"Jobs"_s);
        QCOMPARE(tabs->count(), 5);
        QCOMPARE(tabs->indexOf(again), 1);
        QCOMPARE(tabs->tabText(4), u"Findings"_s);
        QTRY_VERIFY(old.isNull());

        // As a host of other sections (ConsoleSection::host): Jobs takes its own place, a section
        // with none goes after the rest, and a later page of the same section replaces it.
        auto *hostedJobs = new QLabel(u"jobs 3"_s);
        page.hostSection(u"jobs"_s, hostedJobs, u"Jobs"_s);
        QCOMPARE(tabs->indexOf(hostedJobs), 1);
        auto *backups = new QLabel(u"backups"_s);
        page.hostSection(u"backups"_s, backups, u"Backups"_s);
        QCOMPARE(tabs->count(), 6);
        QCOMPARE(tabs->indexOf(backups), 5);
        QPointer<QLabel> oldBackups = backups;
        auto *backups2 = new QLabel(u"backups 2"_s);
        page.hostSection(u"backups"_s, backups2, u"Backups"_s);
        QCOMPARE(tabs->count(), 6);
        QCOMPARE(tabs->indexOf(backups2), 5);
        QTRY_VERIFY(oldBackups.isNull());
        page.showHostedSection(u"backups"_s);
        QCOMPARE(tabs->currentWidget(), backups2);
        page.showHostedSection(u"jobs"_s);
        QCOMPARE(tabs->currentWidget(), hostedJobs);
    }
};

QTEST_MAIN(TestConsoleProvisioning)
#include "tst_console_provisioning.moc"
