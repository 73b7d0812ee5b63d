#pragma once

#include <QJsonObject>
#include <QString>
#include <QtGlobal>

#include <functional>

namespace mp {

// One JSON object per line on stderr: what log shippers and `jq` read without a parser of ours.
// Writes are serialised so lines from worker threads never interleave.
class JsonLog {
public:
    static void write(const QString &event, QJsonObject fields);
    // For tests: capture lines instead of writing to stderr (nullptr restores stderr).
    static void setSink(std::function<void(const QByteArray &line)> sink);
    // Routes every qDebug/qWarning/qCritical (Qt's own included, such as the SQL driver's) into
    // this log as a "qt_message" line, so stderr stays one JSON object per line.
    // Returns the handler it replaced.
    static QtMessageHandler captureQtMessages();
};

} // namespace mp
