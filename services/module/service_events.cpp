#include "module/service_events.h"

#include <QList>
#include <QReadWriteLock>

namespace mp::provisioning {

namespace {

template<class Hook> struct Hooks {
    QReadWriteLock lock;
    QList<std::pair<QString, Hook>> list;

    void add(const QString &name, Hook hook)
    {
        QWriteLocker locker(&lock);
        for (const auto &entry : std::as_const(list)) {
            if (entry.first == name)
                return;
        }
        list.append({name, std::move(hook)});
    }

    QList<std::pair<QString, Hook>> copy()
    {
        QReadLocker locker(&lock);
        return list;
    }
};

// Never destroyed: worker threads may outlive statics.
Hooks<ServiceOnlineHook> &onlineHooks()
{
    static auto *h = new Hooks<ServiceOnlineHook>;
    return *h;
}

Hooks<ServiceGoneHook> &goneHooks()
{
    static auto *h = new Hooks<ServiceGoneHook>;
    return *h;
}

} // namespace

void ServiceEvents::onOnline(const QString &name, ServiceOnlineHook hook)
{
    onlineHooks().add(name, std::move(hook));
}

void ServiceEvents::onGone(const QString &name, ServiceGoneHook hook)
{
    goneHooks().add(name, std::move(hook));
}

Status ServiceEvents::online(TenantTransaction &tx, const ServiceOnline &service, const QDateTime &now)
{
    for (const auto &[name, hook] : onlineHooks().copy()) {
        if (auto s = hook(tx, service, now); !s)
            return s;
    }
    return {};
}

Status ServiceEvents::gone(TenantTransaction &tx, const ServiceGone &service, const QDateTime &now)
{
    for (const auto &[name, hook] : goneHooks().copy()) {
        if (auto s = hook(tx, service, now); !s)
            return s;
    }
    return {};
}

} // namespace mp::provisioning
