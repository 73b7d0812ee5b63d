#pragma once

#include "module/module.h"

namespace mp {

// The service's own routes: /healthz and /readyz, /api/openapi.json, and the job engine's
// /api/jobs (its built-in job kinds register with the engine itself).
class SystemModule final : public Module {
public:
    QString name() const override { return QStringLiteral("system"); }
    void declare(ModuleContext &module) const override;
};

} // namespace mp
