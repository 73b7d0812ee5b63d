#include "providers/provider_overview.h"

#include "module/module_registry.h"

#include <QJsonArray>

namespace mp::providers {

QString ProviderGroup::mode() const
{
    if (single)
        return statuses.isEmpty() ? QStringLiteral("off") : statuses.first().mode;
    QString mode;
    for (const ProviderStatus &s : statuses) {
        if (!s.enabled)
            continue;
        if (mode.isEmpty())
            mode = s.mode;
        else if (mode != s.mode)
            return QStringLiteral("mixed");
    }
    return mode.isEmpty() ? QStringLiteral("none") : mode;
}

QJsonValue ProviderGroup::toJson() const
{
    if (single)
        return statuses.isEmpty() ? QJsonValue() : QJsonValue(statuses.first().toJson());
    QJsonArray list;
    for (const ProviderStatus &s : statuses)
        list.append(s.toJson());
    return QJsonObject{{QStringLiteral("mode"), mode()}, {listKey, list}};
}

const ProviderGroup *ProviderOverview::find(const QString &key) const
{
    for (const ProviderGroup &g : groups) {
        if (g.key == key)
            return &g;
    }
    return nullptr;
}

ProviderStatus ProviderOverview::single(const QString &key) const
{
    const ProviderGroup *group = find(key);
    if (group && !group->statuses.isEmpty())
        return group->statuses.first();
    ProviderStatus off;
    off.provider = key;
    off.name = key;
    off.mode = QStringLiteral("off");
    off.enabled = false;
    off.detail = QStringLiteral("no module provides %1").arg(key);
    return off;
}

QJsonObject ProviderOverview::toJson() const
{
    QJsonObject o;
    for (const ProviderGroup &g : groups)
        o.insert(g.key, g.toJson());
    return o;
}

Result<ProviderOverview> Providers::overview(TenantTransaction &tx, const Config &config)
{
    ProviderOverview overview;
    for (const ProviderSource &source : ModuleRegistry::global().providers()) {
        auto statuses = source.read(tx, config);
        if (!statuses)
            return statuses.error();
        overview.groups.append(
            {source.key, source.label, source.single, source.listKey, source.itemNoun, *statuses});
    }
    return overview;
}

} // namespace mp::providers
