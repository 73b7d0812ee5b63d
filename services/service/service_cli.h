#pragma once

#include <QStringList>

namespace mp {

// `mpanel-service` commands: migrate, serve, tenant create, staff add, token create, db stop.
// Runs inside an existing QCoreApplication; returns the process exit code.
int runServiceCli(const QStringList &arguments);

} // namespace mp
