#include "core/json_log.h"
#include "service/service_cli.h"

#include <QGuiApplication>

int main(int argc, char *argv[])
{
    // Invoice PDFs (QTextDocument into QPdfWriter) need QtGui's font database, so the service
    // runs a QGuiApplication on the offscreen platform: no display, no Widgets.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Before anything can warn: Qt's own messages become JSON lines like the service's.
    mp::JsonLog::captureQtMessages();
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mpanel"));
    QCoreApplication::setOrganizationName(QStringLiteral("mpanel"));
    return mp::runServiceCli(QCoreApplication::arguments());
}
