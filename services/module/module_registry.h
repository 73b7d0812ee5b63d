#pragma once

#include "core/result.h"
#include "module/module.h"
#include "module/module_context.h"

#include <QList>
#include <QMutex>
#include <QStringList>

namespace mp {

// The modules of this process, declared once each in the order they are added (a module's
// dependencies must be added before it). Process-wide like the registries it fills (job kinds,
// product types, billing hooks); routes are kept as installers, since a process may build more
// than one Router (tests do).
class ModuleRegistry {
public:
    static ModuleRegistry &global();

    // Declares `module` now. Refused, and nothing of it registered, when a module of that name is
    // already declared or one of its dependencies is not.
    Status add(Module module);
    bool contains(const QString &name) const;
    QStringList names() const;

    // Puts every declared module's routes into `router`.
    void installRoutes(Router &router, ApiContext &context) const;
    QList<ProviderSource> providers() const;
    // Which module registered a job kind or product type (for docs and tests).
    QString ownerOf(const QString &what) const;

private:
    friend class ModuleContext;
    void addRoutes(const QString &module, RouteInstaller installer);
    void addProvider(const QString &module, ProviderSource source);
    void noteOwner(const QString &module, const QString &what);

    mutable QMutex m_mutex;
    QList<Module> m_modules;
    QList<std::pair<QString, RouteInstaller>> m_routes;
    QList<ProviderSource> m_providers;
    QHash<QString, QString> m_owners;
};

} // namespace mp
