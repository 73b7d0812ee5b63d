#include "guardian/guardian_sources.h"

#include "db/sql.h"
#include "guardian/guardian_errors.h"
#include "guardian/guardian_json.h"
#include "jobs/job_sql_values.h"

namespace mp::guardian {

namespace {

const QString kColumns = QStringLiteral(
    "id, host, path, format, resource, enabled, cursor_offset, cursor_lines, last_read_at, created_at");

QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
}

} // namespace

Result<QJsonArray> LogSources::list(const QSqlDatabase &db)
{
    auto q =
        sql::exec(db, QStringLiteral("SELECT %1 FROM guardian_sources ORDER BY host, path").arg(kColumns));
    if (!q)
        return q.error();
    return rowsJson(*q);
}

Result<QJsonObject> LogSources::add(const QSqlDatabase &db, const QString &tenantId,
                                    const api::BodyValues &body, const QDateTime &now)
{
    auto q =
        sql::exec(db,
                  QStringLiteral("INSERT INTO guardian_sources (tenant_id, host, path, format, resource, "
                                 "created_at) VALUES (?, ?, ?, ?, ?, ?::timestamptz) RETURNING %1")
                      .arg(kColumns),
                  {tenantId, body.string(QStringLiteral("host"), {}), body.string(QStringLiteral("path"), {}),
                   body.string(QStringLiteral("format"), {}),
                   textOrNull(body.string(QStringLiteral("resource"), {})), jobsql::timestamp(now)});
    if (!q) {
        if (sql::hasSqlState(q.error(), sql::UniqueViolation))
            return makeError(errors::GuardianSourceTaken, QStringLiteral("this host already has this log"),
                             QStringLiteral("path"));
        if (sql::hasSqlState(q.error(), sql::CheckViolation))
            return makeError(errors::InvalidLogSource,
                             QStringLiteral("host is a host name and path an absolute path"),
                             QStringLiteral("path"));
        return q.error();
    }
    q->next();
    return rowJson(*q);
}

Result<QList<LogSource>> LogSources::lockForScan(const QSqlDatabase &db, const QStringList &ids)
{
    auto q =
        ids.isEmpty()
            ? sql::exec(db,
                        QStringLiteral("SELECT id, host, path, format, coalesce(resource, ''), cursor_inode, "
                                       "cursor_head, cursor_offset, cursor_lines FROM guardian_sources "
                                       "WHERE enabled ORDER BY id FOR UPDATE"))
            : sql::exec(db,
                        QStringLiteral("SELECT id, host, path, format, coalesce(resource, ''), cursor_inode, "
                                       "cursor_head, cursor_offset, cursor_lines FROM guardian_sources "
                                       "WHERE id = ANY(?::uuid[]) ORDER BY id FOR UPDATE"),
                        {u'{' + ids.join(u',') + u'}'});
    if (!q)
        return q.error();
    QList<LogSource> sources;
    while (q->next()) {
        LogSource s;
        s.id = q->value(0).toString();
        s.host = q->value(1).toString();
        s.path = q->value(2).toString();
        s.format = q->value(3).toString();
        s.resource = q->value(4).toString();
        s.cursor.inode = static_cast<quint64>(q->value(5).toLongLong());
        s.cursor.head = q->value(6).toByteArray();
        s.cursor.offset = q->value(7).toLongLong();
        s.cursor.lines = q->value(8).toLongLong();
        sources.append(s);
    }
    return sources;
}

Status LogSources::saveCursor(const QSqlDatabase &db, const LogSource &source, const QDateTime &now)
{
    auto q = sql::exec(db,
                       QStringLiteral("UPDATE guardian_sources SET cursor_inode = ?, cursor_head = ?, "
                                      "cursor_offset = ?, cursor_lines = ?, last_read_at = ?::timestamptz "
                                      "WHERE id = ?"),
                       {static_cast<qint64>(source.cursor.inode), source.cursor.head, source.cursor.offset,
                        source.cursor.lines, jobsql::timestamp(now), source.id});
    if (!q)
        return q.error();
    return {};
}

Result<QStringList> LogSources::hosts(const QSqlDatabase &db)
{
    auto q = sql::exec(
        db, QStringLiteral("SELECT DISTINCT host FROM guardian_sources WHERE enabled ORDER BY host"));
    if (!q)
        return q.error();
    QStringList hosts;
    while (q->next())
        hosts.append(q->value(0).toString());
    return hosts;
}

} // namespace mp::guardian
