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

namespace {

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("critical");
    case QtFatalMsg:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("unknown");
}

void qtMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QJsonObject fields{{QStringLiteral("level"), levelName(type)}, {QStringLiteral("message"), message}};
    if (context.category && qstrcmp(context.category, "default") != 0)
        fields.insert(QStringLiteral("category"), QString::fromLatin1(context.category));
    JsonLog::write(QStringLiteral("qt_message"), fields);
}

} // namespace

QtMessageHandler JsonLog::captureQtMessages()
{
    return qInstallMessageHandler(qtMessage);
}

void JsonLog::setSink(std::function<void(const QByteArray &)> sink)
{
    QMutexLocker lock(&s_mutex);
    s_sink = std::move(sink);
}

} // namespace mp
