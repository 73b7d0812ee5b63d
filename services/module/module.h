#pragma once

#include <QString>
#include <QStringList>

namespace mp {

class ModuleContext;

// One module of the services library (catalog, billing, CloudPods, and each one to come: DNS,
// domains, mail...), after Qt Creator's plugins: it names the modules it builds on and, in
// declare(), registers everything it offers with the context. That is the only place a module
// is wired in: the lower layers (core, db, http, api, jobs, billing) never name a module, and
// the service lists its modules once (service/service_modules.cpp).
class Module {
public:
    virtual ~Module() = default;

    // Stable and lower case: "cloudpods". Other modules name it in dependencies().
    virtual QString name() const = 0;
    // Modules that must be declared before this one (whose product types, hooks or routes it
    // builds on). The registry refuses a module whose dependency is missing.
    virtual QStringList dependencies() const { return {}; }
    // Registers routes, OpenAPI part, job kinds, schedules, product types with their
    // provisioners, invoice hooks and provider status with `module`. Called once.
    virtual void declare(ModuleContext &module) const = 0;
};

} // namespace mp
