#pragma once

#include "core/result.h"
#include "monitoring/node_metrics.h"

#include <QDateTime>
#include <QSqlDatabase>

namespace mp::monitoring {

// Scrapes every due node of the transaction's tenant and writes its samples and status; a node
// that stops answering opens a node_down alert, and its checks raise none while it is down.
// Returns how many nodes it scraped.
Result<int> pollNodes(const QSqlDatabase &db, const QString &tenantId, const QDateTime &now);

// One scrape's samples of one node in one statement (the arrays unnest into a row per metric);
// the ingest benchmark (bench/monitoring) times this path.
Status writeNodeSamples(const QSqlDatabase &db, const QString &tenantId, const QString &nodeId,
                        const NodeReading &reading, const QDateTime &now);

} // namespace mp::monitoring
