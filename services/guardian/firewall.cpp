#include "guardian/firewall.h"

#include "core/errors.h"
#include "db/sql.h"
#include "guardian/guardian_settings.h"
#include "guardian/guardian_sources.h"
#include "guardian/ip_address.h"
#include "jobs/job_context.h"
#include "jobs/job_sql_values.h"
#include "jobs/jobs.h"

#include <QProcess>

namespace mp::guardian {

namespace {

constexpr int kNftTimeoutMs = 30000;

QString setPrefix(const QString &tenantId)
{
    return u't' + QString(tenantId).remove(u'-').left(12);
}

} // namespace

QString nftScript(const QString &tenantId, const QList<BlockElement> &blocks)
{
    const QString t = setPrefix(tenantId);
    const QString table = QStringLiteral("inet mpanel_guardian");
    QString s;
    s += QStringLiteral("table %1 {\n").arg(table);
    s += QStringLiteral("\tset %1_v4 { type ipv4_addr; flags interval, timeout; }\n").arg(t);
    s += QStringLiteral("\tset %1_v6 { type ipv6_addr; flags interval, timeout; }\n").arg(t);
    s += QStringLiteral("\tchain %1_input { type filter hook input priority -10; policy accept; }\n").arg(t);
    s += QStringLiteral("}\n");
    s += QStringLiteral("flush chain %1 %2_input\n").arg(table, t);
    s += QStringLiteral("add rule %1 %2_input ip saddr @%2_v4 drop\n").arg(table, t);
    s += QStringLiteral("add rule %1 %2_input ip6 saddr @%2_v6 drop\n").arg(table, t);
    s += QStringLiteral("flush set %1 %2_v4\n").arg(table, t);
    s += QStringLiteral("flush set %1 %2_v6\n").arg(table, t);
    for (const BlockElement &b : blocks) {
        const bool v6 = isIpv6(b.address.toStdString());
        s += QStringLiteral("add element %1 %2_%3 { %4 timeout %5s }\n")
                 .arg(table, t, v6 ? QStringLiteral("v6") : QStringLiteral("v4"), b.address)
                 .arg(qMax<qint64>(1, b.remainingS));
    }
    return s;
}

Status queueFirewallSyncs(const QSqlDatabase &db, const QString &tenantId, const QDateTime &now)
{
    auto hosts = LogSources::hosts(db);
    if (!hosts)
        return hosts.error();
    for (const QString &host : std::as_const(*hosts)) {
        JobSpec spec;
        spec.tenantId = tenantId;
        spec.kind = kinds::syncFirewall;
        spec.payload = {{QStringLiteral("host"), host}};
        spec.runAt = now;
        spec.maxAttempts = 5;
        spec.uniqueKey = kinds::syncFirewall + u':' + host;
        spec.rerunIfRunning = true; // a block made while the job runs gets a run of its own
        auto job = Jobs::enqueue(db, spec);
        if (!job)
            return job.error();
    }
    return {};
}

Status syncFirewallJob(JobContext &ctx)
{
    const QString host = ctx.payload().value(QStringLiteral("host")).toString();
    if (host.isEmpty())
        return JobContext::permanent(QStringLiteral("payload has no host"));
    auto db = ctx.db();
    if (!db)
        return db.error();
    auto settings = GuardianSettingsStore::load(*db);
    if (!settings)
        return settings.error();
    const QDateTime now = ctx.now();
    auto q = sql::exec(
        *db,
        QStringLiteral("SELECT address, ceil(extract(epoch FROM expires_at - ?::timestamptz))::bigint "
                       "FROM guardian_blocks WHERE lifted_at IS NULL AND expires_at > ?::timestamptz "
                       "ORDER BY address"),
        {jobsql::timestamp(now), jobsql::timestamp(now)});
    if (!q)
        return q.error();
    QList<BlockElement> blocks;
    while (q->next())
        blocks.append(BlockElement{q->value(0).toString(), q->value(1).toLongLong()});
    const QString script = nftScript(ctx.tenantId(), blocks);
    bool applied = false;
    QString output;
    if (settings->firewallMode == QLatin1String("nft")) {
        QProcess nft;
        nft.start(QStringLiteral("nft"), {QStringLiteral("-f"), QStringLiteral("-")});
        nft.write(script.toUtf8());
        nft.closeWriteChannel();
        if (!nft.waitForFinished(kNftTimeoutMs))
            nft.kill();
        output = QString::fromUtf8(nft.readAllStandardError() + nft.readAllStandardOutput()).left(2000);
        applied = nft.exitStatus() == QProcess::NormalExit && nft.exitCode() == 0;
        if (!applied && output.isEmpty())
            output = nft.errorString();
    }
    auto run = sql::exec(
        *db,
        QStringLiteral("INSERT INTO guardian_firewall_runs (tenant_id, host, mode, script, elements, "
                       "applied, output, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?::timestamptz)"),
        {ctx.tenantId(), host, settings->firewallMode, script, blocks.size(), applied,
         output.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(output),
         jobsql::timestamp(now)});
    if (!run)
        return run.error();
    ctx.log(QStringLiteral("%1 %2 block(s) on %3")
                .arg(applied ? QStringLiteral("applied") : QStringLiteral("recorded"))
                .arg(blocks.size())
                .arg(host));
    if (settings->firewallMode == QLatin1String("nft") && !applied)
        return makeError(errors::Internal, QStringLiteral("nft failed on %1: %2").arg(host, output));
    return {};
}

} // namespace mp::guardian
