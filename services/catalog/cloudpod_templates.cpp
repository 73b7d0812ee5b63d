#include "catalog/cloudpod_templates.h"

#include "api/responses.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"

#include <QRegularExpression>
#include <QUuid>

namespace mp::catalog {

namespace {

const QString kSelect =
    QStringLiteral("SELECT id, name, cpu_cores, ram_mb, disk_gb, network_bridge, coalesce(network_vlan, 0), "
                   "       coalesce(network_rate_mbps, 0), guest_kind, coalesce(ostemplate, ''), "
                   "coalesce(vm_template_id, 0), "
                   "       placement_kind, placement_target, created_at, updated_at "
                   "FROM cloudpod_templates ");

CloudPodTemplate templateFrom(const QSqlQuery &q)
{
    CloudPodTemplate t;
    t.id = q.value(0).toString();
    t.name = q.value(1).toString();
    t.cpuCores = q.value(2).toInt();
    t.ramMb = q.value(3).toInt();
    t.diskGb = q.value(4).toInt();
    t.networkBridge = q.value(5).toString();
    t.networkVlan = q.value(6).toInt();
    t.networkRateMbps = q.value(7).toInt();
    t.guestKind = q.value(8).toString();
    t.ostemplate = q.value(9).toString();
    t.vmTemplateId = q.value(10).toInt();
    t.placementKind = q.value(11).toString();
    t.placementTarget = q.value(12).toString();
    t.createdAt = q.value(13).toDateTime();
    t.updatedAt = q.value(14).toDateTime();
    return t;
}

Error notFound(const QString &id)
{
    return makeError(errors::NotFound, QStringLiteral("no CloudPod template %1").arg(id),
                     QStringLiteral("id"));
}

Error outOfRange(const QString &field, const QString &what)
{
    return makeError(errors::InvalidValue, QStringLiteral("%1 must be %2").arg(field, what), field);
}

Error writeError(const Error &e)
{
    if (sql::hasSqlState(e, sql::UniqueViolation))
        return makeError(errors::NameTaken, QStringLiteral("another template has this name"),
                         QStringLiteral("name"));
    return e;
}

QVariantList columnValues(const CloudPodTemplate &t)
{
    auto orNull = [](int v) { return v == 0 ? QVariant(QMetaType(QMetaType::Int)) : QVariant(v); };
    auto textOrNull = [](const QString &s) {
        return s.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(s);
    };
    return {t.name,
            t.cpuCores,
            t.ramMb,
            t.diskGb,
            t.networkBridge,
            orNull(t.networkVlan),
            orNull(t.networkRateMbps),
            t.guestKind,
            textOrNull(t.ostemplate),
            orNull(t.vmTemplateId),
            t.placementKind,
            t.placementTarget};
}

} // namespace

const api::RequestBody &CloudPodTemplates::body()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("CloudPodTemplateInput"))
            .add(BodyField::string(QStringLiteral("name")).maxLength(100))
            // Bounds declared once: the decoder refuses what the document says is out of range
            // (validate() repeats them for the console, where 0 stands for "none").
            .add(BodyField::integer(QStringLiteral("cpu_cores"))
                     .minimum(1)
                     .maximum(512)
                     .outOfRange(errors::InvalidValue))
            .add(BodyField::integer(QStringLiteral("ram_mb"))
                     .minimum(128)
                     .maximum(4194304)
                     .outOfRange(errors::InvalidValue))
            .add(BodyField::integer(QStringLiteral("disk_gb"))
                     .minimum(1)
                     .maximum(65536)
                     .outOfRange(errors::InvalidValue))
            .add(BodyField::string(QStringLiteral("network_bridge")).example(QStringLiteral("vmbr0")))
            .add(BodyField::integer(QStringLiteral("network_vlan"))
                     .minimum(1)
                     .maximum(4094)
                     .outOfRange(errors::InvalidValue)
                     .nullable())
            .add(BodyField::integer(QStringLiteral("network_rate_mbps"))
                     .minimum(1)
                     .maximum(100000)
                     .outOfRange(errors::InvalidValue)
                     .nullable())
            .add(BodyField::string(QStringLiteral("guest_kind"))
                     .oneOf({QStringLiteral("lxc"), QStringLiteral("qemu")}, errors::InvalidValue))
            .add(BodyField::string(QStringLiteral("ostemplate"))
                     .nullable()
                     .describe(QStringLiteral("LXC: the ostemplate volume")))
            .add(BodyField::integer(QStringLiteral("vm_template_id"))
                     .nullable()
                     .describe(QStringLiteral("QEMU: the template VMID to clone")))
            .add(BodyField::string(QStringLiteral("placement_kind"))
                     .oneOf({QStringLiteral("node"), QStringLiteral("pool")}, errors::InvalidValue))
            .add(BodyField::string(QStringLiteral("placement_target")));
    return body;
}

void CloudPodTemplates::apply(CloudPodTemplate &t, const api::BodyValues &values)
{
    for (auto [key, target] : {std::pair{QStringLiteral("name"), &t.name},
                               std::pair{QStringLiteral("network_bridge"), &t.networkBridge},
                               std::pair{QStringLiteral("guest_kind"), &t.guestKind},
                               std::pair{QStringLiteral("ostemplate"), &t.ostemplate},
                               std::pair{QStringLiteral("placement_kind"), &t.placementKind},
                               std::pair{QStringLiteral("placement_target"), &t.placementTarget}}) {
        if (const auto v = values.string(key))
            *target = v->trimmed();
        else if (values.has(key))
            target->clear();
    }
    for (auto [key, target] :
         {std::pair{QStringLiteral("cpu_cores"), &t.cpuCores}, std::pair{QStringLiteral("ram_mb"), &t.ramMb},
          std::pair{QStringLiteral("disk_gb"), &t.diskGb},
          std::pair{QStringLiteral("network_vlan"), &t.networkVlan},
          std::pair{QStringLiteral("network_rate_mbps"), &t.networkRateMbps},
          std::pair{QStringLiteral("vm_template_id"), &t.vmTemplateId}}) {
        if (const auto v = values.integer(key)) {
            // Anything past int range is out of every allowed range; clamp so validate() names it.
            *target = int(std::clamp<qint64>(*v, -1, 2000000000));
        } else if (values.has(key)) {
            *target = 0;
        }
    }
}

Status CloudPodTemplates::validate(const CloudPodTemplate &t)
{
    static const QRegularExpression bridge(QStringLiteral("^[A-Za-z0-9_.-]{1,15}$"));
    static const QRegularExpression target(QStringLiteral("^[A-Za-z0-9_.-]{1,63}$"));
    if (t.name.isEmpty() || t.name.size() > 100)
        return outOfRange(QStringLiteral("name"), QStringLiteral("1 to 100 characters"));
    if (t.cpuCores < 1 || t.cpuCores > 512)
        return outOfRange(QStringLiteral("cpu_cores"), QStringLiteral("from 1 to 512"));
    if (t.ramMb < 128 || t.ramMb > 4194304)
        return outOfRange(QStringLiteral("ram_mb"), QStringLiteral("from 128 to 4194304"));
    if (t.diskGb < 1 || t.diskGb > 65536)
        return outOfRange(QStringLiteral("disk_gb"), QStringLiteral("from 1 to 65536"));
    if (!bridge.match(t.networkBridge).hasMatch())
        return outOfRange(QStringLiteral("network_bridge"),
                          QStringLiteral("a Linux bridge name such as vmbr0"));
    if (t.networkVlan < 0 || t.networkVlan > 4094)
        return outOfRange(QStringLiteral("network_vlan"),
                          QStringLiteral("a VLAN tag from 1 to 4094, or null"));
    if (t.networkRateMbps < 0 || t.networkRateMbps > 100000)
        return outOfRange(QStringLiteral("network_rate_mbps"), QStringLiteral("from 1 to 100000, or null"));
    if (t.guestKind == QLatin1String("lxc")) {
        if (t.ostemplate.isEmpty() || t.ostemplate.size() > 255)
            return outOfRange(
                QStringLiteral("ostemplate"),
                QStringLiteral(
                    "set for LXC templates, e.g. local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst"));
        if (t.vmTemplateId != 0)
            return outOfRange(QStringLiteral("vm_template_id"), QStringLiteral("null for LXC templates"));
    } else if (t.guestKind == QLatin1String("qemu")) {
        if (t.vmTemplateId < 100 || t.vmTemplateId > 999999999)
            return outOfRange(QStringLiteral("vm_template_id"),
                              QStringLiteral("the VMID (100 or more) to clone"));
        if (!t.ostemplate.isEmpty())
            return outOfRange(QStringLiteral("ostemplate"), QStringLiteral("null for QEMU templates"));
    } else {
        return outOfRange(QStringLiteral("guest_kind"), QStringLiteral("\"lxc\" or \"qemu\""));
    }
    if (t.placementKind != QLatin1String("node") && t.placementKind != QLatin1String("pool"))
        return outOfRange(QStringLiteral("placement_kind"), QStringLiteral("\"node\" or \"pool\""));
    if (!target.match(t.placementTarget).hasMatch())
        return outOfRange(QStringLiteral("placement_target"), QStringLiteral("a Proxmox node or pool name"));
    return {};
}

QJsonObject CloudPodTemplates::toJson(const CloudPodTemplate &t)
{
    auto orNull = [](int v) { return v == 0 ? QJsonValue() : QJsonValue(v); };
    return QJsonObject{
        {QStringLiteral("id"), t.id},
        {QStringLiteral("name"), t.name},
        {QStringLiteral("cpu_cores"), t.cpuCores},
        {QStringLiteral("ram_mb"), t.ramMb},
        {QStringLiteral("disk_gb"), t.diskGb},
        {QStringLiteral("network_bridge"), t.networkBridge},
        {QStringLiteral("network_vlan"), orNull(t.networkVlan)},
        {QStringLiteral("network_rate_mbps"), orNull(t.networkRateMbps)},
        {QStringLiteral("guest_kind"), t.guestKind},
        {QStringLiteral("ostemplate"), t.ostemplate.isEmpty() ? QJsonValue() : QJsonValue(t.ostemplate)},
        {QStringLiteral("vm_template_id"), orNull(t.vmTemplateId)},
        {QStringLiteral("placement_kind"), t.placementKind},
        {QStringLiteral("placement_target"), t.placementTarget},
        {QStringLiteral("created_at"), api::timestamp(t.createdAt)},
        {QStringLiteral("updated_at"), api::timestamp(t.updatedAt)}};
}

Result<QList<CloudPodTemplate>> CloudPodTemplates::list(TenantTransaction &tx)
{
    // A tenant has a handful of templates: no paging. Smallest first, as a price list reads.
    auto q = sql::exec(tx.db(), kSelect + QStringLiteral("ORDER BY cpu_cores, ram_mb, lower(name), id"));
    if (!q)
        return q.error();
    QList<CloudPodTemplate> out;
    while (q->next())
        out.append(templateFrom(*q));
    return out;
}

Result<CloudPodTemplate> CloudPodTemplates::find(TenantTransaction &tx, const QString &id)
{
    if (!isUuid(id))
        return notFound(id);
    auto q = sql::exec(tx.db(), kSelect + QStringLiteral("WHERE id = ?::uuid"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return notFound(id);
    return templateFrom(*q);
}

Result<CloudPodTemplate> CloudPodTemplates::create(TenantTransaction &tx, const api::BodyValues &values)
{
    CloudPodTemplate t;
    apply(t, values);
    if (auto s = validate(t); !s)
        return s.error();
    const QDateTime now = Clock::current().now();
    QVariantList binds{tx.tenantId()};
    binds << columnValues(t) << now << now;
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("INSERT INTO cloudpod_templates (tenant_id, name, cpu_cores, ram_mb, disk_gb, "
                       "  network_bridge, network_vlan, network_rate_mbps, guest_kind, ostemplate, "
                       "  vm_template_id, placement_kind, placement_target, created_at, updated_at) "
                       "VALUES (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        binds);
    if (!q)
        return writeError(q.error());
    q->next();
    return find(tx, q->value(0).toString());
}

Result<CloudPodTemplate> CloudPodTemplates::update(TenantTransaction &tx, const QString &id,
                                                   const api::BodyValues &values)
{
    auto existing = find(tx, id);
    if (!existing)
        return existing.error();
    CloudPodTemplate t = *existing;
    apply(t, values);
    if (auto s = validate(t); !s)
        return s.error();
    QVariantList binds = columnValues(t);
    binds << Clock::current().now() << id;
    auto q = sql::exec(
        tx.db(),
        QStringLiteral("UPDATE cloudpod_templates SET name = ?, cpu_cores = ?, ram_mb = ?, disk_gb = ?, "
                       "  network_bridge = ?, network_vlan = ?, network_rate_mbps = ?, guest_kind = ?, "
                       "  ostemplate = ?, vm_template_id = ?, placement_kind = ?, placement_target = ?, "
                       "  updated_at = ? "
                       "WHERE id = ?::uuid"),
        binds);
    if (!q)
        return writeError(q.error());
    return find(tx, id);
}

} // namespace mp::catalog
