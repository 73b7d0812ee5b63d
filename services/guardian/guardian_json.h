#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>

namespace mp::guardian {

// A result row as JSON, by its column names: timestamps as ISO 8601 UTC, NULL as null, and a
// column named "<name>_json" (JSON text) parsed and named "<name>". Guardian's lists are plain
// rows, so one conversion serves them all.
QJsonObject rowJson(const QSqlQuery &q);
QJsonArray rowsJson(QSqlQuery &q);

} // namespace mp::guardian
