#include "core/json_log.h"

#include "core/clock.h"

#include <QJsonDocument>
#include <QMutex>

#include <cstdio>

namespace mp {

namespace {
QMutex s_mutex;
std::function<void(const QByteArray &)> s_sink;
} // namespace

void JsonLog::write(const QString &event, QJsonObject fields)
{
    fields.insert(QStringLiteral("ts"), Clock::current().now().toString(Qt::ISODateWithMs));
    fields.insert(QStringLiteral("event"), event);
    const QByteArray line = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    QMutexLocker lock(&s_mutex);
    if (s_sink) {
        s_sink(line);
        return;
    }
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void JsonLog::setSink(std::function<void(const QByteArray &)> sink)
{
    QMutexLocker lock(&s_mutex);
    s_sink = std::move(sink);
}

} // namespace mp
