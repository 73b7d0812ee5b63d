#include "guardian/scan_runner.h"

#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "guardian/firewall.h"
#include "guardian/guardian_findings.h"
#include "guardian/guardian_json.h"
#include "guardian/guardian_settings.h"
#include "guardian/guardian_sources.h"
#include "guardian/log_parser.h"
#include "guardian/remediation.h"
#include "jobs/job_context.h"
#include "jobs/job_sql_values.h"
#include "jobs/jobs.h"

#include <QFile>

namespace mp::guardian {

namespace {

const QString kColumns = QStringLiteral(
    "id, status, origin, host, array_to_json(source_ids)::text AS source_ids_json, window_from, window_to, "
    "lines_read, bytes_read, events, findings, reason, requested_by, created_at, started_at, finished_at");

// Reads of one source per scan at most: a scan that falls far behind catches up over several.
constexpr int kMaxReadsPerSource = 4;

struct ScanStats {
    qint64 lines = 0, bytes = 0;
};

// One source's new lines (or, with a window, the whole file) into the analyzer.
Status readSource(LogSource &source, int index, bool windowed, qint64 from, qint64 to, const YearHint &hint,
                  Analyzer &analyzer, ScanStats &stats)
{
    const auto format = formatFromName(source.format.toStdString());
    if (!format)
        return makeError(errors::Internal, QStringLiteral("unknown format %1").arg(source.format));
    LogParser parser(*format, hint);
    std::vector<LogEvent> events;
    const auto consume = [&](const LogPiece &piece) {
        events.clear();
        stats.lines += parser.parseBuffer(
            std::string_view(piece.data.constData(), static_cast<std::size_t>(piece.data.size())),
            piece.firstLine, events);
        stats.bytes += piece.data.size();
        for (const LogEvent &e : events)
            if (!windowed || e.time == LogEvent::kNoTime || (e.time >= from && e.time < to))
                analyzer.add(e, index, piece.path);
    };
    if (windowed) {
        QFile f(source.path);
        if (!f.open(QIODevice::ReadOnly))
            return makeError(errors::Internal,
                             QStringLiteral("cannot read %1: %2").arg(source.path, f.errorString()));
        consume(LogPiece{source.path, f.readAll(), 1});
        return {};
    }
    for (int i = 0; i < kMaxReadsPerSource; ++i) {
        auto read = IncrementalReader::readNew(source.path, source.cursor);
        if (!read)
            return read.error();
        for (const LogPiece &piece : std::as_const(read->pieces))
            consume(piece);
        if (read->pieces.isEmpty())
            break;
    }
    return {};
}

Status finish(const QSqlDatabase &db, const QString &scanId, const QString &status, const QString &reason,
              const ScanStats &stats, qint64 events, int findings, const QDateTime &now)
{
    auto q = sql::exec(
        db,
        QStringLiteral("UPDATE guardian_scans SET status = ?, reason = ?, lines_read = ?, "
                       "bytes_read = ?, events = ?, findings = ?, finished_at = ?::timestamptz "
                       "WHERE id = ?"),
        {status, reason.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(reason.left(2000)),
         stats.lines, stats.bytes, events, findings, jobsql::timestamp(now), scanId});
    if (!q)
        return q.error();
    return {};
}

// The work of a scan, inside a savepoint the caller rolls back when it fails.
Status scanSources(TenantTransaction &tx, const QString &scanId, const QStringList &ids, const QString &host,
                   const QDateTime &from, const QDateTime &to, const QDateTime &now, ScanStats &stats,
                   qint64 &eventCount, int &findingCount)
{
    const QSqlDatabase &db = tx.db();
    auto settings = GuardianSettingsStore::load(db);
    if (!settings)
        return settings.error();
    auto allowlist = Allowlist::load(db);
    if (!allowlist)
        return allowlist.error();
    auto sources = LogSources::lockForScan(db, ids);
    if (!sources)
        return sources.error();
    if (!host.isEmpty())
        sources->removeIf([&](const LogSource &s) { return s.host != host; });
    const bool windowed = from.isValid();
    const QDate today = now.date();
    Analyzer analyzer(settings->thresholds, now.toSecsSinceEpoch());
    for (int i = 0; i < sources->size(); ++i) {
        LogSource &source = (*sources)[i];
        if (auto s = readSource(source, i, windowed, from.toSecsSinceEpoch(), to.toSecsSinceEpoch(),
                                YearHint{today.year(), today.month()}, analyzer, stats);
            !s)
            return s;
        if (!windowed)
            if (auto s = LogSources::saveCursor(db, source, now); !s)
                return s;
    }
    eventCount = analyzer.events();
    const QList<FindingDraft> drafts = analyzer.findings();
    for (const FindingDraft &d : drafts) {
        const LogSource &source = sources->at(d.source);
        auto context = Findings::contextFor(db, d, source);
        if (!context)
            return context.error();
        const bool allowlisted = !d.address.isEmpty() && allowlist->covers(d.address);
        auto recorded =
            Findings::record(db, tx.tenantId(), scanId, d, *context, source.host, allowlisted, now);
        if (!recorded)
            return recorded.error();
        if (auto raised = Remediations::raise(tx, *recorded, *settings, now); !raised)
            return raised.error();
    }
    findingCount = static_cast<int>(drafts.size());
    return {};
}

Result<QString> insertScan(const QSqlDatabase &db, const QString &tenantId, const ScanRequest &r,
                           const QDateTime &now)
{
    auto q = sql::exec(
        db,
        QStringLiteral("INSERT INTO guardian_scans (tenant_id, origin, host, source_ids, window_from, "
                       "window_to, requested_by, created_at) VALUES (?, ?, ?, ?::uuid[], "
                       "?::timestamptz, ?::timestamptz, ?, ?::timestamptz) RETURNING id"),
        {tenantId, r.origin, r.host.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(r.host),
         u'{' + r.sourceIds.join(u',') + u'}',
         r.from.isValid() ? QVariant(jobsql::timestamp(r.from)) : QVariant(QMetaType(QMetaType::QString)),
         r.to.isValid() ? QVariant(jobsql::timestamp(r.to)) : QVariant(QMetaType(QMetaType::QString)),
         r.requestedBy.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(r.requestedBy),
         jobsql::timestamp(now)});
    if (!q)
        return q.error();
    q->next();
    return q->value(0).toString();
}

} // namespace

Result<QJsonObject> Scans::queue(const QSqlDatabase &db, const QString &tenantId, const ScanRequest &r,
                                 const QDateTime &now)
{
    auto inserted = insertScan(db, tenantId, r, now);
    if (!inserted)
        return inserted.error();
    const QString id = *inserted;
    JobSpec spec;
    spec.tenantId = tenantId;
    spec.kind = kinds::scan;
    spec.payload = {{QStringLiteral("scan_id"), id}};
    spec.runAt = now;
    spec.maxAttempts = 3;
    spec.relatedType = QStringLiteral("guardian_scan");
    spec.relatedId = id;
    auto job = Jobs::enqueue(db, spec);
    if (!job)
        return job.error();
    auto scan = find(db, id);
    if (scan)
        scan->insert(QStringLiteral("job_id"), job->id);
    return scan;
}

Result<QJsonArray> Scans::list(const QSqlDatabase &db, int limit)
{
    auto q = sql::exec(
        db,
        QStringLiteral("SELECT %1 FROM guardian_scans ORDER BY created_at DESC, id LIMIT ?").arg(kColumns),
        {limit});
    if (!q)
        return q.error();
    return rowsJson(*q);
}

Result<QJsonObject> Scans::find(const QSqlDatabase &db, const QString &id)
{
    auto q = sql::exec(db, QStringLiteral("SELECT %1 FROM guardian_scans WHERE id = ?").arg(kColumns), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::NotFound, QStringLiteral("no such scan"), QStringLiteral("id"));
    return rowJson(*q);
}

Status Scans::run(TenantTransaction &tx, const QString &scanId, const QDateTime &now)
{
    const QSqlDatabase &db = tx.db();
    auto taken =
        sql::exec(db,
                  QStringLiteral("UPDATE guardian_scans SET status = 'running', started_at = ?::timestamptz "
                                 "WHERE id = ? AND status = 'queued' RETURNING array_to_string(source_ids, "
                                 "','), coalesce(host, ''), window_from, window_to"),
                  {jobsql::timestamp(now), scanId});
    if (!taken)
        return taken.error();
    if (!taken->next())
        return {}; // run already
    const QString ids = taken->value(0).toString();
    const QString host = taken->value(1).toString();
    const QDateTime from = taken->value(2).toDateTime(), to = taken->value(3).toDateTime();
    ScanStats stats;
    qint64 events = 0;
    int findings = 0;
    if (auto s = sql::exec(db, QStringLiteral("SAVEPOINT guardian_scan")); !s)
        return s.error();
    const Status work = scanSources(tx, scanId, ids.isEmpty() ? QStringList() : ids.split(u','), host, from,
                                    to, now, stats, events, findings);
    if (!work) {
        if (auto s = sql::exec(db, QStringLiteral("ROLLBACK TO SAVEPOINT guardian_scan")); !s)
            return s.error();
        return finish(db, scanId, QStringLiteral("failed"), work.error().message, ScanStats{}, 0, 0, now);
    }
    if (auto s = sql::exec(db, QStringLiteral("RELEASE SAVEPOINT guardian_scan")); !s)
        return s.error();
    return finish(db, scanId, QStringLiteral("completed"), {}, stats, events, findings, now);
}

Status scanJob(JobContext &ctx)
{
    const QString id = ctx.payload().value(QStringLiteral("scan_id")).toString();
    if (id.isEmpty())
        return JobContext::permanent(QStringLiteral("payload has no scan_id"));
    auto db = ctx.db();
    if (!db)
        return db.error();
    TenantTransaction tx = TenantTransaction::adopt(*db, ctx.tenantId());
    return Scans::run(tx, id, ctx.now());
}

Status scheduleJob(JobContext &ctx)
{
    auto db = ctx.db();
    if (!db)
        return db.error();
    const QDateTime now = ctx.now();
    auto lifted = Remediations::liftExpired(*db, now);
    if (!lifted)
        return lifted.error();
    if (*lifted > 0)
        if (auto s = queueFirewallSyncs(*db, ctx.tenantId(), now); !s)
            return s;
    auto any = sql::exec(*db, QStringLiteral("SELECT 1 FROM guardian_sources WHERE enabled LIMIT 1"));
    if (!any)
        return any.error();
    if (!any->next())
        return {};
    ScanRequest request;
    request.origin = QStringLiteral("scheduled");
    auto scan = insertScan(*db, ctx.tenantId(), request, now); // run here, so no job of its own
    if (!scan)
        return scan.error();
    TenantTransaction tx = TenantTransaction::adopt(*db, ctx.tenantId());
    return Scans::run(tx, *scan, now);
}

} // namespace mp::guardian
