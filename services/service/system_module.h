#pragma once

#include "module/module.h"

namespace mp {

// The service's own routes: /healthz and /readyz, /api/openapi.json, and the job engine's
// /api/jobs (its built-in job kinds register with the engine itself).
Module systemModule();

} // namespace mp
