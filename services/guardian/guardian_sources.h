#pragma once

#include "api/body_values.h"
#include "core/result.h"
#include "guardian/incremental_reader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>

namespace mp::guardian {

// A log file on one of the tenant's hosts, in one format, with where its reading stopped.
struct LogSource {
    QString id;
    QString host;
    QString path;
    QString format;
    QString resource; // what the log is about when its lines do not say (a domain, a pod)
    LogCursor cursor;
};

class LogSources {
public:
    static Result<QJsonArray> list(const QSqlDatabase &db);
    static Result<QJsonObject> add(const QSqlDatabase &db, const QString &tenantId,
                                   const api::BodyValues &body, const QDateTime &now);
    // The sources with these ids (all enabled ones when `ids` is empty), locked for the scan:
    // two scans never read one source at once.
    static Result<QList<LogSource>> lockForScan(const QSqlDatabase &db, const QStringList &ids);
    static Status saveCursor(const QSqlDatabase &db, const LogSource &source, const QDateTime &now);
    // The hosts whose firewalls carry the tenant's blocks.
    static Result<QStringList> hosts(const QSqlDatabase &db);
};

} // namespace mp::guardian
