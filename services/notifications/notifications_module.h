#pragma once

#include "module/module.h"

namespace mp::notifications {

// Notification e-mail to customers (not the hosting-mail product): the outbox sender over SMTP,
// the templates, the tenant's relay settings, and the listeners that queue mail where billing,
// payments, subscriptions and CloudPods announce what happened.
Module notificationsModule();

} // namespace mp::notifications
