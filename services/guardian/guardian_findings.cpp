#include "guardian/guardian_findings.h"

#include "core/errors.h"
#include "db/sql.h"
#include "guardian/guardian_errors.h"
#include "guardian/guardian_json.h"
#include "guardian/guardian_sources.h"
#include "guardian/log_event.h"
#include "jobs/job_sql_values.h"

#include <QJsonDocument>

namespace mp::guardian {

namespace {

const QString kColumns = QStringLiteral(
    "id, kind, severity, subject, address, account, customer_id, resource_type, resource, host, count, "
    "first_seen, last_seen, evidence::text AS evidence_json, status, allowlisted, scan_id, resolved_at, "
    "resolved_by, resolution_note, created_at, updated_at");

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

// The first row of `sql` as (customer_id, resource), or nothing.
Result<std::optional<std::pair<QString, QString>>> lookUp(const QSqlDatabase &db, const QString &sql,
                                                          const QString &value)
{
    auto q = sql::exec(db, sql, QVariantList(sql.count(u'?'), value));
    if (!q)
        return q.error();
    if (!q->next())
        return std::optional<std::pair<QString, QString>>();
    return std::optional(std::pair{q->value(0).toString(), q->value(1).toString()});
}

} // namespace

Result<FindingContext> Findings::contextFor(const QSqlDatabase &db, const FindingDraft &draft,
                                            const LogSource &source)
{
    const QString account = draft.account.toLower();
    if (account.contains(u'@')) {
        auto mailbox = lookUp(
            db,
            QStringLiteral("SELECT coalesce(md.customer_id::text, ''), mb.local_part || '@' || md.name "
                           "FROM mail_mailboxes mb JOIN mail_domains md ON md.id = mb.domain_id "
                           "WHERE md.name = split_part(?, '@', 2) AND mb.local_part = "
                           "split_part(?, '@', 1)"),
            account);
        if (!mailbox)
            return mailbox.error();
        if (*mailbox)
            return FindingContext{(*mailbox)->first, QStringLiteral("mailbox"), (*mailbox)->second};
    }
    const QString resource = source.resource.toLower();
    if (!resource.isEmpty()) {
        auto domain =
            lookUp(db,
                   QStringLiteral("SELECT customer_id::text, name FROM domains WHERE name = ? "
                                  "UNION ALL SELECT coalesce(customer_id::text, ''), name FROM mail_domains "
                                  "WHERE name = ? LIMIT 1"),
                   resource);
        if (!domain)
            return domain.error();
        if (*domain)
            return FindingContext{(*domain)->first, QStringLiteral("domain"), (*domain)->second};
        auto pod = lookUp(
            db,
            QStringLiteral("SELECT customer_id::text, hostname FROM cloud_pods WHERE lower(hostname) = "
                           "? AND status <> 'terminated' LIMIT 1"),
            resource);
        if (!pod)
            return pod.error();
        if (*pod)
            return FindingContext{(*pod)->first, QStringLiteral("pod"), (*pod)->second};
        return FindingContext{{}, QStringLiteral("host"), source.resource};
    }
    return FindingContext{{}, QStringLiteral("host"), source.host};
}

Result<RecordedFinding> Findings::record(const QSqlDatabase &db, const QString &tenantId,
                                         const QString &scanId, const FindingDraft &d,
                                         const FindingContext &c, const QString &host, bool allowlisted,
                                         const QDateTime &now)
{
    QJsonArray evidence;
    for (const EvidenceLine &e : d.evidence)
        evidence.append(QJsonObject{{QStringLiteral("source"), e.source},
                                    {QStringLiteral("line"), e.line},
                                    {QStringLiteral("text"), e.text}});
    // A later scan adds to the open finding of the same kind and subject: more events, the
    // higher severity, the wider time span, evidence up to 20 lines.
    auto q = sql::exec(
        db,
        QStringLiteral(
            "INSERT INTO guardian_findings AS f (tenant_id, kind, severity, subject, address, account, "
            "customer_id, "
            "  resource_type, resource, host, count, first_seen, last_seen, evidence, scan_id, allowlisted, "
            "  created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?::uuid, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?::jsonb, "
            "?::uuid, ?, "
            "  ?::timestamptz, ?::timestamptz) "
            "ON CONFLICT (tenant_id, kind, subject) WHERE status = 'open' DO UPDATE SET "
            "  count = f.count + EXCLUDED.count, "
            "  severity = (ARRAY['low', 'medium', 'high'])[greatest(array_position(ARRAY['low', 'medium', "
            "'high'], "
            "    f.severity), array_position(ARRAY['low', 'medium', 'high'], EXCLUDED.severity))], "
            "  first_seen = least(f.first_seen, EXCLUDED.first_seen), "
            "  last_seen = greatest(f.last_seen, EXCLUDED.last_seen), "
            "  evidence = (SELECT coalesce(jsonb_agg(e), '[]') FROM (SELECT e FROM "
            "    jsonb_array_elements(f.evidence || EXCLUDED.evidence) e LIMIT 20) x), "
            "  customer_id = coalesce(f.customer_id, EXCLUDED.customer_id), "
            "  scan_id = EXCLUDED.scan_id, allowlisted = EXCLUDED.allowlisted, updated_at = "
            "EXCLUDED.updated_at "
            "RETURNING id, severity"),
        {tenantId, d.kind, d.severity, d.subject, textOrNull(d.address), textOrNull(d.account),
         textOrNull(c.customerId), c.resourceType, textOrNull(c.resource), textOrNull(host), d.count,
         isoTime(d.firstSeen), isoTime(d.lastSeen),
         QString::fromUtf8(QJsonDocument(evidence).toJson(QJsonDocument::Compact)), textOrNull(scanId),
         allowlisted, jobsql::timestamp(now), jobsql::timestamp(now)});
    if (!q)
        return q.error();
    q->next();
    return RecordedFinding{q->value(0).toString(),
                           d.kind,
                           q->value(1).toString(),
                           d.subject,
                           d.address,
                           d.account,
                           c,
                           allowlisted};
}

Result<QJsonArray> Findings::list(const QSqlDatabase &db, const FindingFilter &filter, int limit)
{
    QStringList where{QStringLiteral("true")};
    QVariantList binds;
    if (!filter.severity.isEmpty()) {
        where.append(QStringLiteral("severity = ?"));
        binds.append(filter.severity);
    }
    if (!filter.kind.isEmpty()) {
        where.append(QStringLiteral("kind = ?"));
        binds.append(filter.kind);
    }
    if (!filter.resource.isEmpty()) {
        where.append(QStringLiteral("resource = ?"));
        binds.append(filter.resource);
    }
    if (filter.open)
        where.append(*filter.open ? QStringLiteral("status = 'open'")
                                  : QStringLiteral("status = 'resolved'"));
    binds.append(limit);
    auto q = sql::exec(
        db,
        QStringLiteral("SELECT %1 FROM guardian_findings WHERE %2 ORDER BY "
                       "array_position(ARRAY['high', 'medium', 'low'], severity), last_seen DESC, id "
                       "LIMIT ?")
            .arg(kColumns, where.join(QStringLiteral(" AND "))),
        binds);
    if (!q)
        return q.error();
    return rowsJson(*q);
}

Result<QJsonObject> Findings::find(const QSqlDatabase &db, const QString &id)
{
    auto q =
        sql::exec(db, QStringLiteral("SELECT %1 FROM guardian_findings WHERE id = ?").arg(kColumns), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return makeError(errors::NotFound, QStringLiteral("no such finding"), QStringLiteral("id"));
    return rowJson(*q);
}

Result<QJsonObject> Findings::resolve(const QSqlDatabase &db, const QString &id, const QString &actor,
                                      const QString &note, const QDateTime &now)
{
    auto q = sql::exec(
        db,
        QStringLiteral("UPDATE guardian_findings SET status = 'resolved', resolved_at = ?::timestamptz, "
                       "resolved_by = ?, resolution_note = ?, updated_at = ?::timestamptz "
                       "WHERE id = ? AND status = 'open' RETURNING id"),
        {jobsql::timestamp(now), actor, textOrNull(note), jobsql::timestamp(now), id});
    if (!q)
        return q.error();
    if (!q->next()) {
        auto existing = find(db, id);
        if (!existing)
            return existing.error();
        return makeError(errors::FindingResolved, QStringLiteral("the finding is resolved already"));
    }
    auto dismissed =
        sql::exec(db,
                  QStringLiteral("UPDATE guardian_remediations SET status = 'dismissed', decided_by = ?, "
                                 "decided_at = ?::timestamptz, result = 'finding resolved' "
                                 "WHERE finding_id = ? AND status = 'pending'"),
                  {actor, jobsql::timestamp(now), id});
    if (!dismissed)
        return dismissed.error();
    return find(db, id);
}

} // namespace mp::guardian
