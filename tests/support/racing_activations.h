#pragma once

#include "module/service_request.h"

#include <QSqlDatabase>
#include <QString>

namespace mp::test {

// Runs provisioning::onActivated for `request` from `racers` threads at once, each in its own
// tenant transaction on its own connection (a clone of `base`), as raced webhooks would, and
// waits for all of them. Returns how many failed to open, activate or commit.
int raceActivations(const QSqlDatabase &base, const QString &tenantId,
                    const provisioning::ServiceRequest &request, int racers);

} // namespace mp::test
