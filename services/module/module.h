#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace mp {

class ModuleContext;

// One module of the services library (catalog, billing, CloudPods, and each one to come: DNS,
// domains, mail...), after Qt Creator's plugins: it names the modules it builds on and its
// declare function registers everything it offers with the context. That is the only place a
// module is wired in: the lower layers (core, db, http, api, jobs, billing) never name a module,
// and the service lists its modules once (service/service_modules.cpp).
class Module {
public:
    using Declare = std::function<void(ModuleContext &module)>;

    // `name` is stable and lower case ("cloudpods"); other modules name it in their
    // `dependencies`, which must be declared before this one (the registry refuses otherwise).
    // `declare` registers routes, OpenAPI part, job kinds, schedules, product types with their
    // provisioners, billing hooks and provider status; it is called once.
    Module(QString name, QStringList dependencies, Declare declare)
        : m_name(std::move(name)), m_dependencies(std::move(dependencies)), m_declare(std::move(declare))
    {
    }

    const QString &name() const { return m_name; }
    const QStringList &dependencies() const { return m_dependencies; }
    void declare(ModuleContext &module) const { m_declare(module); }

private:
    QString m_name;
    QStringList m_dependencies;
    Declare m_declare;
};

} // namespace mp
