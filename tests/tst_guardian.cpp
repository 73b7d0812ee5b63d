// Guardian end to end on a throwaway cluster: log sources written by the test, scans through
// the API and the scan job (as the engine runs it: a JobContext over a tenant transaction),
// findings naming the customer and the mailbox, incremental scans that read nothing twice,
// windows, remediation tasks approved once under a race, dismissed, applied by the auto
// policy, escalating bans, the allowlist, expiry, the nftables script recorded for each host,
// and tenant isolation.
#include "core/clock.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "guardian/firewall.h"
#include "guardian/guardian_events.h"
#include "guardian/remediation.h"
#include "guardian/scan_runner.h"
#include "jobs/job_context.h"
#include "module/domain_events.h"
#include "support/service_fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTimeZone>

#include <thread>

using namespace mp;
using namespace mp::test;

namespace {

const QDateTime kStart(QDate(2026, 12, 7), QTime(12, 0), QTimeZone::utc());
QStringList notices; // customer ids guardian.security_notice was announced for

Status rememberNotice(TenantTransaction &, const events::DomainEvent &e, const QDateTime &)
{
    notices.append(e.customerId);
    return {};
}

QString sshFailures(const QString &address, int n, const QString &time = QStringLiteral("Dec  7 11:50:%1"))
{
    QString out;
    for (int i = 0; i < n; ++i)
        out += time.arg(i, 2, 10, QLatin1Char('0')) +
               QStringLiteral(" web1 sshd[%1]: Failed password for root from %2 port %3 ssh2\n")
                   .arg(100 + i)
                   .arg(address)
                   .arg(40000 + i);
    return out;
}

} // namespace

class TestGuardian : public QObject {
    Q_OBJECT
    ManualClock m_clock{kStart};
    std::unique_ptr<ScopedClock> m_scopedClock;
    ServiceFixture m_api;
    QTemporaryDir m_dir;
    QString m_tenant, m_admin, m_reader, m_billing, m_other, m_customer;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    void append(const QString &name, const QString &text)
    {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Append));
        f.write(text.toUtf8());
    }

    // A job's handler at the clock's time, committed as the engine commits it.
    void runJob(const QString &kind, const QJsonObject &payload, Status (*handler)(JobContext &))
    {
        auto tx = TenantTransaction::begin(m_api.db(), m_tenant);
        QVERIFY(tx.ok());
        JobContext ctx(1, m_tenant, kind, payload, 1, 3, {},
                       [&]() -> Result<QSqlDatabase> { return tx->db(); });
        const Status s = handler(ctx);
        QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
        QVERIFY(tx->commit().ok());
    }

    // POST /api/guardian/scans, then its job; returns the finished scan.
    QJsonObject scan(const QJsonObject &body = {})
    {
        const auto r = m_api.call("POST", QStringLiteral("/api/guardian/scans"), m_admin, body);
        if (r.status != 202)
            qWarning("scan: %d %s", r.status, r.body.constData());
        const QString id = r.json().value(QStringLiteral("id")).toString();
        runJob(guardian::kinds::scan, {{QStringLiteral("scan_id"), id}}, &guardian::scanJob);
        return m_api.call("GET", QStringLiteral("/api/guardian/scans/") + id, m_admin).json();
    }

    QJsonArray list(const QString &pathAndQuery, const QString &token = {})
    {
        const auto r = m_api.call("GET", pathAndQuery, token.isEmpty() ? m_admin : token);
        if (r.status != 200)
            qWarning("%s: %d %s", qPrintable(pathAndQuery), r.status, r.body.constData());
        return r.json().value(QStringLiteral("items")).toArray();
    }

    QJsonObject findingOf(const QString &kind, const QString &subject)
    {
        for (const QJsonValue &v : list(QStringLiteral("/api/guardian/findings?open=true")))
            if (v[QStringLiteral("kind")] == kind && v[QStringLiteral("subject")] == subject)
                return v.toObject();
        return {};
    }

    QJsonObject taskOf(const QString &findingId, const QString &action)
    {
        for (const QJsonValue &v : list(QStringLiteral("/api/guardian/remediations")))
            if (v[QStringLiteral("finding_id")] == findingId && v[QStringLiteral("action")] == action)
                return v.toObject();
        return {};
    }

    void addSource(const QString &host, const QString &file, const QString &format,
                   const QString &resource = {})
    {
        QJsonObject body{{QStringLiteral("host"), host},
                         {QStringLiteral("path"), path(file)},
                         {QStringLiteral("format"), format}};
        if (!resource.isEmpty())
            body.insert(QStringLiteral("resource"), resource);
        const auto r = m_api.call("POST", QStringLiteral("/api/guardian/sources"), m_admin, body);
        QCOMPARE(r.status, 201);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_scopedClock = std::make_unique<ScopedClock>(m_clock);
        events::DomainEvents::listen(QStringLiteral("tst_guardian"), guardian::SecurityNoticeEvent,
                                     &rememberNotice);
        m_api.start(QStringLiteral("guardian"));
        m_tenant = m_api.tenant(QStringLiteral("Guardian Hosting"));
        m_admin = m_api.staffToken(m_tenant);
        m_reader = m_api.staffToken(m_tenant, StaffRole::ReadOnly);
        m_billing = m_api.staffToken(m_tenant, StaffRole::Billing);
        m_other = m_api.staffToken(m_api.tenant(QStringLiteral("Other Hosting")));
        m_customer = m_api.signUp(m_tenant, QStringLiteral("Bob"), QStringLiteral("bob@owner.test")).second;
        // Bob's mailbox on the tenant's mail host.
        m_api.exec(
            QStringLiteral("INSERT INTO mail_hosts (tenant_id, name, mx_host, reader_login, mail_root, "
                           "is_default, created_at, updated_at) VALUES (?, 'mx1', 'mx1.example.com', "
                           "'guardian_reader', '/var/mail', true, now(), now())"),
            {m_tenant});
        m_api.exec(
            QStringLiteral("INSERT INTO mail_domains (tenant_id, host_id, name, customer_id, created_at, "
                           "updated_at) SELECT ?, id, 'example.com', ?, now(), now() FROM mail_hosts"),
            {m_tenant, m_customer});
        m_api.exec(QStringLiteral(
                       "INSERT INTO mail_mailboxes (tenant_id, domain_id, local_part, password_hash, "
                       "quota_mb, created_at, updated_at) SELECT ?, id, 'bob', '{ARGON2ID}x', 100, now(), "
                       "now() FROM mail_domains"),
                   {m_tenant});
        const auto r = m_api.call("PUT", QStringLiteral("/api/guardian/settings"), m_admin,
                                  {{QStringLiteral("brute_force_threshold"), 4},
                                   {QStringLiteral("probe_threshold"), 3},
                                   {QStringLiteral("spam_threshold"), 5}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("brute_force_threshold")).toInt(), 4);
        QCOMPARE(r.json().value(QStringLiteral("window_s")).toInt(), 600); // untouched
    }

    void badInputIsRefusedNamingTheField()
    {
        auto r = m_api.call("POST", QStringLiteral("/api/guardian/sources"), m_admin,
                            {{QStringLiteral("host"), QStringLiteral("web1")},
                             {QStringLiteral("path"), QStringLiteral("/var/log/auth.log")},
                             {QStringLiteral("format"), QStringLiteral("syslog-ng")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("format"));
        r = m_api.call("POST", QStringLiteral("/api/guardian/allowlist"), m_admin,
                       {{QStringLiteral("cidr"), QStringLiteral("10.0.0.1/33")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("cidr"));
        r = m_api.call("POST", QStringLiteral("/api/guardian/scans"), m_admin,
                       {{QStringLiteral("from"), QStringLiteral("2026-12-07T10:00:00Z")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("to"));
        r = m_api.call("POST", QStringLiteral("/api/guardian/scans"), m_admin,
                       {{QStringLiteral("source_ids"), QJsonArray{QStringLiteral("not-a-uuid")}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("source_ids[0]"));
        r = m_api.call("PUT", QStringLiteral("/api/guardian/settings"), m_admin,
                       {{QStringLiteral("window_s"), 1}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("window_s"));
        r = m_api.call("GET", QStringLiteral("/api/guardian/findings?severity=urgent"), m_admin);
        QCOMPARE(r.status, 400);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM guardian_sources")), 0);
    }

    void rolesWithoutTheActionChangeNothing()
    {
        for (const QString &token : {m_reader, m_billing}) {
            const auto r = m_api.call("POST", QStringLiteral("/api/guardian/scans"), token, {});
            QCOMPARE(r.status, 403);
        }
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM guardian_scans")), 0);
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/guardian/scans"), m_reader).status, 200);
    }

    void aScanFindsAttacksAndNamesTheCustomer()
    {
        append(QStringLiteral("auth.log"), sshFailures(QStringLiteral("203.0.113.5"), 12));
        QString mail;
        for (int i = 0; i < 6; ++i)
            mail += QStringLiteral(
                        "Dec  7 11:5%1:00 mx1 postfix/submission/smtpd[9%1]: 4F1B2C3D%1: "
                        "client=unknown[198.51.100.30], sasl_method=PLAIN, sasl_username=bob@example.com\n")
                        .arg(i);
        append(QStringLiteral("mail.log"), mail);
        append(QStringLiteral("access.log"),
               QStringLiteral(
                   "203.0.113.50 - - [07/Dec/2026:11:59:01 +0000] \"GET /.env HTTP/1.1\" 404 1 \"-\" \"-\"\n"
                   "203.0.113.50 - - [07/Dec/2026:11:59:02 +0000] \"GET /.git/config HTTP/1.1\" 404 1 \"-\" "
                   "\"-\"\n"
                   "203.0.113.50 - - [07/Dec/2026:11:59:03 +0000] \"GET /wp-login.php HTTP/1.1\" 404 1 \"-\" "
                   "\"-\"\n"
                   "198.51.100.7 - - [07/Dec/2026:11:59:04 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\"\n"));
        addSource(QStringLiteral("web1"), QStringLiteral("auth.log"), QStringLiteral("sshd"));
        addSource(QStringLiteral("mx1"), QStringLiteral("mail.log"), QStringLiteral("postfix"));
        addSource(QStringLiteral("web1"), QStringLiteral("access.log"), QStringLiteral("nginx-access"),
                  QStringLiteral("example.com"));

        const QJsonObject s = scan();
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(s.value(QStringLiteral("lines_read")).toInt(), 22);
        QCOMPARE(s.value(QStringLiteral("events")).toInt(), 21);
        QCOMPARE(s.value(QStringLiteral("findings")).toInt(), 3);

        const QJsonObject brute = findingOf(QStringLiteral("brute_force"), QStringLiteral("203.0.113.5"));
        QCOMPARE(brute.value(QStringLiteral("severity")).toString(), QStringLiteral("high"));
        QCOMPARE(brute.value(QStringLiteral("count")).toInt(), 12);
        QCOMPARE(brute.value(QStringLiteral("host")).toString(), QStringLiteral("web1"));
        QCOMPARE(brute.value(QStringLiteral("resource_type")).toString(), QStringLiteral("host"));
        QCOMPARE(brute.value(QStringLiteral("first_seen")).toString(),
                 QStringLiteral("2026-12-07T11:50:00.000Z"));
        const QJsonArray evidence = brute.value(QStringLiteral("evidence")).toArray();
        QCOMPARE(evidence.size(), 10);
        QCOMPARE(evidence.at(0)[QStringLiteral("line")].toInt(), 1);
        QVERIFY(evidence.at(0)[QStringLiteral("text")].toString().contains(QLatin1String("Failed password")));

        const QJsonObject spam = findingOf(QStringLiteral("spam_burst"), QStringLiteral("bob@example.com"));
        QCOMPARE(spam.value(QStringLiteral("resource_type")).toString(), QStringLiteral("mailbox"));
        QCOMPARE(spam.value(QStringLiteral("resource")).toString(), QStringLiteral("bob@example.com"));
        QCOMPARE(spam.value(QStringLiteral("customer_id")).toString(), m_customer);

        const QJsonObject probe = findingOf(QStringLiteral("probing"), QStringLiteral("203.0.113.50"));
        QCOMPARE(probe.value(QStringLiteral("severity")).toString(), QStringLiteral("medium"));
        QCOMPARE(probe.value(QStringLiteral("resource_type")).toString(), QStringLiteral("domain"));
        QCOMPARE(probe.value(QStringLiteral("customer_id")).toString(), m_customer);

        // Filters.
        QCOMPARE(list(QStringLiteral("/api/guardian/findings?severity=high")).size(), 2);
        QCOMPARE(list(QStringLiteral("/api/guardian/findings?resource=bob@example.com")).size(), 1);
        QCOMPARE(list(QStringLiteral("/api/guardian/findings?kind=probing")).size(), 1);

        // High findings raised tasks; the medium one none.
        const QString bruteId = brute.value(QStringLiteral("id")).toString();
        QCOMPARE(taskOf(bruteId, QStringLiteral("block_address"))[QStringLiteral("status")].toString(),
                 QStringLiteral("pending"));
        const QString spamId = spam.value(QStringLiteral("id")).toString();
        QCOMPARE(taskOf(spamId, QStringLiteral("lock_mailbox"))[QStringLiteral("target")].toString(),
                 QStringLiteral("bob@example.com"));
        QCOMPARE(taskOf(spamId, QStringLiteral("notify_customer"))[QStringLiteral("target")].toString(),
                 m_customer);
        QVERIFY(
            taskOf(probe.value(QStringLiteral("id")).toString(), QStringLiteral("block_address")).isEmpty());
    }

    void incrementalScansReadNothingTwice()
    {
        QJsonObject s = scan();
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(s.value(QStringLiteral("lines_read")).toInt(), 0);
        QCOMPARE(
            findingOf(QStringLiteral("brute_force"), QStringLiteral("203.0.113.5"))[QStringLiteral("count")]
                .toInt(),
            12);
        append(QStringLiteral("auth.log"), sshFailures(QStringLiteral("203.0.113.5"), 4));
        s = scan();
        QCOMPARE(s.value(QStringLiteral("lines_read")).toInt(), 4);
        // The open finding grew; no second task.
        const QJsonObject brute = findingOf(QStringLiteral("brute_force"), QStringLiteral("203.0.113.5"));
        QCOMPARE(brute[QStringLiteral("count")].toInt(), 16);
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT count(*) FROM guardian_remediations WHERE finding_id = ?::uuid"),
                     {brute[QStringLiteral("id")].toString()}),
                 1);
    }

    void aWindowScanReadsWholeFilesAndKeepsItsWindow()
    {
        const QJsonObject s = scan({{QStringLiteral("host"), QStringLiteral("web1")},
                                    {QStringLiteral("from"), QStringLiteral("2026-12-07T11:59:00Z")},
                                    {QStringLiteral("to"), QStringLiteral("2026-12-07T12:00:00Z")}});
        QCOMPARE(s.value(QStringLiteral("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(s.value(QStringLiteral("lines_read")).toInt(), 16 + 4); // auth.log and access.log, whole
        QCOMPARE(s.value(QStringLiteral("events")).toInt(), 3); // the probes; the SSH lines are at 11:50
        // A window over a file that is gone fails with the reason.
        QFile::rename(path(QStringLiteral("mail.log")), path(QStringLiteral("mail.log.moved")));
        const QJsonObject failed = scan({{QStringLiteral("host"), QStringLiteral("mx1")},
                                         {QStringLiteral("from"), QStringLiteral("2026-12-07T11:00:00Z")},
                                         {QStringLiteral("to"), QStringLiteral("2026-12-07T12:00:00Z")}});
        QCOMPARE(failed.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
        QVERIFY(failed.value(QStringLiteral("reason")).toString().contains(QLatin1String("mail.log")));
        QFile::rename(path(QStringLiteral("mail.log.moved")), path(QStringLiteral("mail.log")));
    }

    void approvalRunsOnceUnderARaceAndBlocksOnEveryHost()
    {
        const QString finding =
            findingOf(QStringLiteral("brute_force"), QStringLiteral("203.0.113.5"))[QStringLiteral("id")]
                .toString();
        const QString task =
            taskOf(finding, QStringLiteral("block_address"))[QStringLiteral("id")].toString();
        QVERIFY(!task.isEmpty());
        QAtomicInt applied = 0, refused = 0;
        const auto approve = [&](int n) {
            auto db = sql::open(m_api.settings(), QStringLiteral("race%1").arg(n));
            if (!db)
                return;
            {
                auto tx = TenantTransaction::begin(*db, m_tenant);
                if (!tx)
                    return;
                auto r = guardian::Remediations::approve(*tx, task, QStringLiteral("racer"), m_clock.now());
                if (r && tx->commit().ok())
                    applied.fetchAndAddOrdered(1);
                else if (!r && r.error().code == QLatin1String("remediation_decided"))
                    refused.fetchAndAddOrdered(1);
            }
            db->close();
        };
        std::thread a(approve, 1), b(approve, 2);
        a.join();
        b.join();
        QCOMPARE(applied.loadRelaxed(), 1);
        QCOMPARE(refused.loadRelaxed(), 1);
        QCOMPARE(
            m_api.call("POST", QStringLiteral("/api/guardian/remediations/%1/approve").arg(task), m_admin)
                .status,
            409);
        const QJsonArray blocks = list(QStringLiteral("/api/guardian/blocks"));
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks.at(0)[QStringLiteral("address")].toString(), QStringLiteral("203.0.113.5"));
        QCOMPARE(blocks.at(0)[QStringLiteral("ban_s")].toInt(), 600);
        // One firewall job per host of the tenant.
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(DISTINCT payload->>'host') FROM jobs WHERE kind = "
                                             "'guardian.sync_firewall' AND status = 'queued'")),
                 2);
        runJob(guardian::kinds::syncFirewall, {{QStringLiteral("host"), QStringLiteral("web1")}},
               &guardian::syncFirewallJob);
        const QString t = u't' + QString(m_tenant).remove(u'-').left(12);
        const QString expected =
            QStringLiteral("table inet mpanel_guardian {\n"
                           "\tset %1_v4 { type ipv4_addr; flags interval, timeout; }\n"
                           "\tset %1_v6 { type ipv6_addr; flags interval, timeout; }\n"
                           "\tchain %1_input { type filter hook input priority -10; policy accept; }\n"
                           "}\n"
                           "flush chain inet mpanel_guardian %1_input\n"
                           "add rule inet mpanel_guardian %1_input ip saddr @%1_v4 drop\n"
                           "add rule inet mpanel_guardian %1_input ip6 saddr @%1_v6 drop\n"
                           "flush set inet mpanel_guardian %1_v4\n"
                           "flush set inet mpanel_guardian %1_v6\n"
                           "add element inet mpanel_guardian %1_v4 { 203.0.113.5 timeout 600s }\n")
                .arg(t);
        QCOMPARE(m_api.text(
                     QStringLiteral("SELECT script FROM guardian_firewall_runs WHERE host = 'web1' ORDER BY "
                                    "id DESC LIMIT 1")),
                 expected);
        QCOMPARE(
            m_api.text(QStringLiteral("SELECT mode FROM guardian_firewall_runs ORDER BY id DESC LIMIT 1")),
            QStringLiteral("record"));
    }

    void mailboxLockAndCustomerNotice()
    {
        const QString spam =
            findingOf(QStringLiteral("spam_burst"), QStringLiteral("bob@example.com"))[QStringLiteral("id")]
                .toString();
        const QString lock = taskOf(spam, QStringLiteral("lock_mailbox"))[QStringLiteral("id")].toString();
        auto r =
            m_api.call("POST", QStringLiteral("/api/guardian/remediations/%1/approve").arg(lock), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(
            m_api.text(QStringLiteral("SELECT enabled::text FROM mail_mailboxes WHERE local_part = 'bob'")),
            QStringLiteral("false"));
        const QString notify =
            taskOf(spam, QStringLiteral("notify_customer"))[QStringLiteral("id")].toString();
        QCOMPARE(
            m_api.call("POST", QStringLiteral("/api/guardian/remediations/%1/approve").arg(notify), m_admin)
                .status,
            200);
        QCOMPARE(notices, QStringList{m_customer});
    }

    void dismissedTasksStayDismissed()
    {
        append(QStringLiteral("auth.log"), sshFailures(QStringLiteral("203.0.113.77"), 12));
        scan();
        const QString finding =
            findingOf(QStringLiteral("brute_force"), QStringLiteral("203.0.113.77"))[QStringLiteral("id")]
                .toString();
        const QString task =
            taskOf(finding, QStringLiteral("block_address"))[QStringLiteral("id")].toString();
        QCOMPARE(
            m_api.call("POST", QStringLiteral("/api/guardian/remediations/%1/approve").arg(task), m_reader)
                .status,
            403);
        auto r = m_api.call("POST", QStringLiteral("/api/guardian/remediations/%1/dismiss").arg(task),
                            m_admin, {{QStringLiteral("note"), QStringLiteral("our pen test")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("dismissed"));
        QCOMPARE(
            m_api.call("POST", QStringLiteral("/api/guardian/remediations/%1/approve").arg(task), m_admin)
                .status,
            409);
        QCOMPARE(m_api.scalar(
                     QStringLiteral("SELECT count(*) FROM guardian_blocks WHERE address = '203.0.113.77'")),
                 0);
    }

    void repeatOffendersGetLongerBans()
    {
        const QString first =
            findingOf(QStringLiteral("brute_force"), QStringLiteral("203.0.113.5"))[QStringLiteral("id")]
                .toString();
        auto r = m_api.call("POST", QStringLiteral("/api/guardian/findings/%1/resolve").arg(first), m_admin);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("resolved"));
        QCOMPARE(m_api.call("POST", QStringLiteral("/api/guardian/findings/%1/resolve").arg(first), m_admin)
                     .status,
                 409);
        m_clock.advance(3600 * 1000);
        append(QStringLiteral("auth.log"),
               sshFailures(QStringLiteral("203.0.113.5"), 12, QStringLiteral("Dec  7 12:50:%1")));
        scan();
        const QString second =
            findingOf(QStringLiteral("brute_force"), QStringLiteral("203.0.113.5"))[QStringLiteral("id")]
                .toString();
        QVERIFY(second != first);
        const QString task = taskOf(second, QStringLiteral("block_address"))[QStringLiteral("id")].toString();
        QCOMPARE(
            m_api.call("POST", QStringLiteral("/api/guardian/remediations/%1/approve").arg(task), m_admin)
                .status,
            200);
        QCOMPARE(m_api.scalar(QStringLiteral(
                     "SELECT ban_s FROM guardian_blocks WHERE address = '203.0.113.5' ORDER BY "
                     "offence DESC LIMIT 1")),
                 2400); // 600 s, then four times that
    }

    void blocksExpire()
    {
        QCOMPARE(list(QStringLiteral("/api/guardian/blocks")).size(), 1);
        m_clock.advance(2401 * 1000);
        m_api.exec(QStringLiteral("DELETE FROM jobs WHERE kind = 'guardian.sync_firewall'"));
        runJob(guardian::kinds::schedule, {}, &guardian::scheduleJob);
        QCOMPARE(list(QStringLiteral("/api/guardian/blocks")).size(), 0);
        QCOMPARE(m_api.scalar(QStringLiteral("SELECT count(*) FROM guardian_blocks WHERE lifted_at IS NULL")),
                 0);
        // The hosts' firewalls are refreshed, and the schedule scanned (nothing new).
        QCOMPARE(
            m_api.scalar(QStringLiteral("SELECT count(*) FROM jobs WHERE kind = 'guardian.sync_firewall'")),
            2);
        QCOMPARE(m_api.text(QStringLiteral("SELECT status FROM guardian_scans WHERE origin = 'scheduled'")),
                 QStringLiteral("completed"));
    }

    void allowlistedAddressesAreNeverBlocked()
    {
        auto r = m_api.call("POST", QStringLiteral("/api/guardian/allowlist"), m_admin,
                            {{QStringLiteral("cidr"), QStringLiteral("198.51.100.9/24")},
                             {QStringLiteral("note"), QStringLiteral("office")}});
        QCOMPARE(r.status, 201);
        QCOMPARE(r.json().value(QStringLiteral("cidr")).toString(), QStringLiteral("198.51.100.0/24"));
        QCOMPARE(m_api
                     .call("POST", QStringLiteral("/api/guardian/allowlist"), m_admin,
                           {{QStringLiteral("cidr"), QStringLiteral("198.51.100.0/24")}})
                     .status,
                 409);
        append(QStringLiteral("auth.log"),
               sshFailures(QStringLiteral("198.51.100.9"), 12, QStringLiteral("Dec  7 13:50:%1")));
        scan();
        const QJsonObject f = findingOf(QStringLiteral("brute_force"), QStringLiteral("198.51.100.9"));
        QVERIFY(f[QStringLiteral("allowlisted")].toBool());
        QVERIFY(taskOf(f[QStringLiteral("id")].toString(), QStringLiteral("block_address")).isEmpty());
    }

    void theAutoPolicyAppliesAtOnce()
    {
        QCOMPARE(m_api
                     .call("PUT", QStringLiteral("/api/guardian/settings"), m_admin,
                           {{QStringLiteral("auto_remediate"), true}})
                     .status,
                 200);
        append(QStringLiteral("auth.log"),
               sshFailures(QStringLiteral("2001:db8:7:7::1"), 12, QStringLiteral("Dec  7 14:50:%1")));
        scan();
        const QJsonObject f = findingOf(QStringLiteral("brute_force"), QStringLiteral("2001:db8:7:7::/64"));
        const QJsonObject task = taskOf(f[QStringLiteral("id")].toString(), QStringLiteral("block_address"));
        QCOMPARE(task[QStringLiteral("status")].toString(), QStringLiteral("applied"));
        QVERIFY(task[QStringLiteral("automatic")].toBool());
        QCOMPARE(task[QStringLiteral("decided_by")].toString(), QStringLiteral("policy"));
        const QJsonArray blocks = list(QStringLiteral("/api/guardian/blocks"));
        QCOMPARE(blocks.size(), 1);
        QCOMPARE(blocks.at(0)[QStringLiteral("address")].toString(), QStringLiteral("2001:db8:7:7::/64"));
    }

    void anotherTenantSeesNothing()
    {
        QCOMPARE(list(QStringLiteral("/api/guardian/findings"), m_other).size(), 0);
        QCOMPARE(list(QStringLiteral("/api/guardian/remediations"), m_other).size(), 0);
        QCOMPARE(list(QStringLiteral("/api/guardian/sources"), m_other).size(), 0);
        QCOMPARE(list(QStringLiteral("/api/guardian/blocks"), m_other).size(), 0);
        const QString id =
            list(QStringLiteral("/api/guardian/findings")).at(0)[QStringLiteral("id")].toString();
        QCOMPARE(m_api.call("GET", QStringLiteral("/api/guardian/findings/") + id, m_other).status, 404);
        QCOMPARE(
            m_api.call("POST", QStringLiteral("/api/guardian/findings/%1/resolve").arg(id), m_other).status,
            404);
        // Another tenant's source cannot be scanned by id.
        const QString source =
            list(QStringLiteral("/api/guardian/sources")).at(0)[QStringLiteral("id")].toString();
        const auto r = m_api.call("POST", QStringLiteral("/api/guardian/scans"), m_other,
                                  {{QStringLiteral("source_ids"), QJsonArray{source}}});
        QCOMPARE(r.status, 422);
        QCOMPARE(errorField(r), QStringLiteral("source_ids"));
    }
};

QTEST_GUILESS_MAIN(TestGuardian)
#include "tst_guardian.moc"
