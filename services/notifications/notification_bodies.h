#pragma once

#include "api/request_body.h"

namespace mp::notifications {

// PUT /api/notifications/settings.
const api::RequestBody &mailSettingsBody();

} // namespace mp::notifications
