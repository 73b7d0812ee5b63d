#include "module/domain_events.h"

#include <QList>
#include <QReadWriteLock>

namespace mp::events {

namespace {

struct Entry {
    QString module;
    QString event;
    Listener listener;
};

struct Registry {
    QReadWriteLock lock;
    QList<Entry> entries;
};

Registry &registry()
{
    static auto *r = new Registry; // never destroyed: worker threads may outlive statics
    return *r;
}

} // namespace

void DomainEvents::listen(const QString &module, const QString &event, Listener listener)
{
    Registry &r = registry();
    QWriteLocker lock(&r.lock);
    for (const Entry &e : std::as_const(r.entries)) {
        if (e.module == module && e.event == event)
            return;
    }
    r.entries.append({module, event, std::move(listener)});
}

Status DomainEvents::announce(TenantTransaction &tx, const DomainEvent &event, const QDateTime &now)
{
    QList<Listener> matching;
    {
        Registry &r = registry();
        QReadLocker lock(&r.lock);
        for (const Entry &e : std::as_const(r.entries)) {
            if (e.event == event.name)
                matching.append(e.listener);
        }
    }
    for (const Listener &listener : std::as_const(matching)) {
        if (auto st = listener(tx, event, now); !st)
            return st;
    }
    return {};
}

QStringList DomainEvents::listeners(const QString &event)
{
    Registry &r = registry();
    QReadLocker lock(&r.lock);
    QStringList out;
    for (const Entry &e : std::as_const(r.entries)) {
        if (e.event == event)
            out.append(e.module);
    }
    return out;
}

} // namespace mp::events
