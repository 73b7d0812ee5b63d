#include "module/module_registry.h"

#include "core/errors.h"

namespace mp {

ModuleRegistry &ModuleRegistry::global()
{
    static auto *registry = new ModuleRegistry; // never destroyed: threads may outlive statics
    return *registry;
}

Status ModuleRegistry::add(Module module)
{
    const QString name = module.name();
    {
        QMutexLocker lock(&m_mutex);
        for (const Module &m : std::as_const(m_modules)) {
            if (m.name() == name)
                return makeError(errors::Conflict, QStringLiteral("module %1 is already declared").arg(name));
        }
        for (const QString &dependency : module.dependencies()) {
            const bool found = std::any_of(m_modules.begin(), m_modules.end(),
                                           [&](const Module &m) { return m.name() == dependency; });
            if (!found)
                return makeError(errors::InvalidValue,
                                 QStringLiteral("module %1 needs module %2, which is not declared before it")
                                     .arg(name, dependency));
        }
    }
    // Declared outside the lock: declare() calls back into addRoutes() and friends.
    ModuleContext context(*this, name);
    module.declare(context);
    QMutexLocker lock(&m_mutex);
    m_modules.append(std::move(module));
    return {};
}

bool ModuleRegistry::contains(const QString &name) const
{
    QMutexLocker lock(&m_mutex);
    return std::any_of(m_modules.begin(), m_modules.end(), [&](const Module &m) { return m.name() == name; });
}

QStringList ModuleRegistry::names() const
{
    QMutexLocker lock(&m_mutex);
    QStringList names;
    for (const Module &m : m_modules)
        names.append(m.name());
    return names;
}

void ModuleRegistry::installRoutes(Router &router, ApiContext &context) const
{
    QList<std::pair<QString, RouteInstaller>> routes;
    {
        QMutexLocker lock(&m_mutex);
        routes = m_routes;
    }
    for (const auto &entry : std::as_const(routes))
        entry.second(router, context);
}

QList<ProviderSource> ModuleRegistry::providers() const
{
    QMutexLocker lock(&m_mutex);
    return m_providers;
}

QString ModuleRegistry::ownerOf(const QString &what) const
{
    QMutexLocker lock(&m_mutex);
    return m_owners.value(what);
}

void ModuleRegistry::addRoutes(const QString &module, RouteInstaller installer)
{
    QMutexLocker lock(&m_mutex);
    m_routes.append({module, std::move(installer)});
}

void ModuleRegistry::addProvider(const QString &module, ProviderSource source)
{
    QMutexLocker lock(&m_mutex);
    for (const ProviderSource &s : std::as_const(m_providers)) {
        if (s.key == source.key)
            return;
    }
    m_owners.insert(QStringLiteral("provider:") + source.key, module);
    m_providers.append(std::move(source));
}

void ModuleRegistry::noteOwner(const QString &module, const QString &what)
{
    QMutexLocker lock(&m_mutex);
    m_owners.insert(what, module);
}

} // namespace mp
