#include "service/service_cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("mpanel"));
    QCoreApplication::setOrganizationName(QStringLiteral("mpanel"));
    return mp::runServiceCli(QCoreApplication::arguments());
}
