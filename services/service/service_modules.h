#pragma once

namespace mp {

// Declares every module of the services library in ModuleRegistry::global(), once per process
// (later calls do nothing). The console, the companion service, the tools and the tests call it
// before they use the registries the modules fill: routes, job kinds, product types, hooks.
void installServiceModules();

} // namespace mp
