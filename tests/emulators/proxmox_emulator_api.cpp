// The Proxmox endpoints the emulator serves, with the checks and the error texts of the real
// handlers (proxmox.md sections 3 and 4).
#include "emulators/proxmox_emulator.h"

#include "proxmox/proxmox_guest.h"
#include "proxmox/proxmox_params.h"

#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryFile>
#include <QUrl>

namespace mp::test {

namespace {

constexpr qint64 MiB = 1024 * 1024;
constexpr qint64 GiB = 1024 * MiB;

QString guestWord(const QString &type)
{
    return type == QLatin1String("lxc") ? QStringLiteral("CT") : QStringLiteral("VM");
}

QString configDir(const QString &type)
{
    return type == QLatin1String("lxc") ? QStringLiteral("lxc") : QStringLiteral("qemu-server");
}

} // namespace

void ProxmoxEmulator::addRoutes()
{
    const auto route = [this](const char *method, const QByteArray &path, Handler handler, Step step,
                              QList<Param> params = {}) {
        m_routes.append(Route{QString::fromLatin1(method),
                              QString::fromLatin1(path).split(u'/', Qt::SkipEmptyParts), handler, step,
                              std::move(params)});
    };
    const auto b = [](const char *name) { return Param{QString::fromLatin1(name), Type::Bool}; };
    const auto i = [](const char *name, bool required = false) {
        return Param{QString::fromLatin1(name), Type::Int, required};
    };
    const auto s = [](const char *name, bool required = false) {
        return Param{QString::fromLatin1(name), Type::String, required};
    };

    route("GET", "/version", &ProxmoxEmulator::version, Step::Any);
    route("GET", "/cluster/nextid", &ProxmoxEmulator::nextId, Step::NextId, {i("vmid")});
    route("GET", "/cluster/resources", &ProxmoxEmulator::clusterResources, Step::Resources, {s("type")});
    route("GET", "/nodes/{node}/status", &ProxmoxEmulator::nodeStatus, Step::Any);
    route("GET", "/nodes/{node}/storage/{storage}/content", &ProxmoxEmulator::storageContent, Step::Any,
          {s("content"), i("vmid")});
    route("GET", "/nodes/{node}/lxc", &ProxmoxEmulator::listGuests, Step::Any);
    route("GET", "/nodes/{node}/qemu", &ProxmoxEmulator::listGuests, Step::Any, {b("full")});
    route("POST", "/nodes/{node}/lxc", &ProxmoxEmulator::createLxc, Step::Create,
          {i("vmid", true),
           s("ostemplate", true),
           s("hostname"),
           i("cores"),
           i("memory"),
           i("swap"),
           s("rootfs"),
           s("net0"),
           s("net1"),
           s("nameserver"),
           s("searchdomain"),
           s("password"),
           s("ssh-public-keys"),
           b("start"),
           b("unprivileged"),
           s("tags"),
           s("pool"),
           s("description"),
           s("features"),
           b("onboot"),
           s("storage"),
           s("arch"),
           s("ostype"),
           b("force"),
           s("timezone"),
           b("protection"),
           b("template"),
           s("startup"),
           i("cpuunits"),
           s("cpulimit"),
           b("console"),
           s("cmode"),
           i("tty")});
    route("POST", "/nodes/{node}/qemu/{vmid}/clone", &ProxmoxEmulator::cloneGuest, Step::Clone,
          {i("newid", true), s("name"), b("full"), s("target"), s("storage"), s("format"), s("pool"),
           s("description"), s("snapname"), i("bwlimit")});
    route("POST", "/nodes/{node}/lxc/{vmid}/clone", &ProxmoxEmulator::cloneGuest, Step::Clone,
          {i("newid", true), s("hostname"), b("full"), s("target"), s("storage"), s("pool"), s("description"),
           s("snapname"), s("bwlimit")});
    route("POST", "/nodes/{node}/qemu/{vmid}/config", &ProxmoxEmulator::setQemuConfig, Step::Config,
          {s("ciuser"),      s("cipassword"),   s("citype"),  s("sshkeys"),  s("ipconfig0"),
           s("nameserver"),  s("searchdomain"), i("cores"),   s("memory"),   s("name"),
           s("net0"),        s("tags"),         s("agent"),   s("delete"),   s("digest"),
           s("description"), b("onboot"),       i("sockets"), b("skiplock"), i("background_delay")});
    for (const char *type : {"lxc", "qemu"}) {
        const QByteArray base = QByteArray("/nodes/{node}/") + type + "/{vmid}";
        const bool lxc = qstrcmp(type, "lxc") == 0;
        route("GET", base + "/status/current", &ProxmoxEmulator::guestStatus, Step::Any);
        route("POST", base + "/status/start", &ProxmoxEmulator::startGuest, Step::Start,
              lxc ? QList<Param>{b("skiplock"), b("debug")}
                  : QList<Param>{b("skiplock"), i("timeout"), s("machine")});
        route("POST", base + "/status/stop", &ProxmoxEmulator::stopGuest, Step::Stop,
              lxc ? QList<Param>{b("skiplock"), b("overrule-shutdown")}
                  : QList<Param>{b("skiplock"), b("overrule-shutdown"), b("keepActive"), i("timeout")});
        route("POST", base + "/status/shutdown", &ProxmoxEmulator::stopGuest, Step::Shutdown,
              lxc ? QList<Param>{i("timeout"), b("forceStop")}
                  : QList<Param>{i("timeout"), b("forceStop"), b("keepActive"), b("skiplock")});
        route("DELETE", base, &ProxmoxEmulator::destroyGuest, Step::Destroy,
              lxc ? QList<Param>{b("purge"), b("destroy-unreferenced-disks"), b("force")}
                  : QList<Param>{b("purge"), b("destroy-unreferenced-disks"), b("skiplock")});
    }
    route("GET", "/nodes/{node}/lxc/{vmid}/interfaces", &ProxmoxEmulator::lxcInterfaces, Step::Any);
    route("GET", "/nodes/{node}/qemu/{vmid}/agent/network-get-interfaces",
          &ProxmoxEmulator::qemuAgentInterfaces, Step::Any);
    route("POST", "/nodes/{node}/qemu/{vmid}/agent/set-user-password",
          &ProxmoxEmulator::qemuAgentSetUserPassword, Step::Config,
          {s("username", true), s("password", true), b("crypted")});
    route("GET", "/nodes/{node}/tasks/{upid}/status", &ProxmoxEmulator::taskStatus, Step::TaskStatus);
    route("GET", "/nodes/{node}/tasks/{upid}/log", &ProxmoxEmulator::taskLog, Step::TaskStatus,
          {i("start"), i("limit"), b("download")});
}

std::optional<ProxmoxEmulator::Reply> ProxmoxEmulator::checkNode(const QString &node) const
{
    const auto it = m_nodes.constFind(node);
    if (it == m_nodes.constEnd())
        return error(500, QStringLiteral("hostname lookup '%1' failed - failed to get address info for: %1: "
                                         "Name or service not known")
                              .arg(node));
    if (!it->online) // pveproxy cannot reach the node it proxies to
        return error(595, QStringLiteral("Connection refused"));
    return std::nullopt;
}

ProxmoxEmulator::Guest *ProxmoxEmulator::findGuest(const Call &call, const QString &type, Reply *err)
{
    const QString node = call.pathParams.value(QStringLiteral("node"));
    if (auto bad = checkNode(node)) {
        *err = *bad;
        return nullptr;
    }
    const qint64 vmid = call.pathParams.value(QStringLiteral("vmid")).toLongLong();
    const auto it = m_guests.find(vmid);
    if (it == m_guests.end() || it->type != type || it->node != node) {
        *err = error(500, QStringLiteral("Configuration file 'nodes/%1/%2/%3.conf' does not exist")
                              .arg(node, configDir(type))
                              .arg(vmid));
        return nullptr;
    }
    return &*it;
}

const ProxmoxEmulator::Storage *ProxmoxEmulator::findStorage(const QString &node,
                                                             const QString &storage) const
{
    for (const Storage &s : m_storages) {
        if (s.node == node && s.storage == storage)
            return &s;
    }
    return nullptr;
}

qint64 ProxmoxEmulator::storageUsedGiB(const QString &node, const QString &storage) const
{
    qint64 used = 0;
    for (const Guest &g : m_guests) {
        if (g.node == node && g.storage == storage)
            used += g.diskGiB;
    }
    return used;
}

void ProxmoxEmulator::installGuestKeys(const QString &keys) const
{
    if (m_guestKeysFile.isEmpty() || keys.isEmpty())
        return;
    QFile file(m_guestKeysFile);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(keys.toUtf8() + '\n');
}

void ProxmoxEmulator::assignAddress(Guest &guest)
{
    QString ip = proxmox::staticIpv4FromNetSpec(guest.net0);
    if (ip.isEmpty())
        ip = proxmox::staticIpv4FromNetSpec(guest.ipconfig0);
    if (ip.isEmpty() && guest.ipv4.isEmpty()) // dhcp: the next lease
        ip = QStringLiteral("10.10.0.%1").arg(m_nextHostOctet++);
    if (!ip.isEmpty())
        guest.ipv4 = ip;
}

ProxmoxEmulator::Reply ProxmoxEmulator::version(const Call &)
{
    return ok(QJsonObject{{QStringLiteral("version"), QStringLiteral("9.1.1")},
                          {QStringLiteral("release"), QStringLiteral("9.1")},
                          {QStringLiteral("repoid"), QStringLiteral("42c1d0e1")},
                          {QStringLiteral("console"), QStringLiteral("xtermjs")}});
}

ProxmoxEmulator::Reply ProxmoxEmulator::nextId(const Call &call)
{
    // A string on the wire (proxmox.md section 3).
    if (call.params.contains(QStringLiteral("vmid"))) {
        const qint64 vmid = call.params.value(QStringLiteral("vmid")).toLongLong();
        if (m_guests.contains(vmid))
            return paramError({{QStringLiteral("vmid"), QStringLiteral("VM %1 already exists").arg(vmid)}});
        return ok(QString::number(vmid));
    }
    qint64 vmid = 100;
    while (m_guests.contains(vmid))
        ++vmid;
    return ok(QString::number(vmid));
}

ProxmoxEmulator::Reply ProxmoxEmulator::clusterResources(const Call &call)
{
    const QString type = call.params.value(QStringLiteral("type"));
    static const QStringList types{QStringLiteral("vm"), QStringLiteral("storage"), QStringLiteral("node"),
                                   QStringLiteral("sdn")};
    if (!type.isEmpty() && !types.contains(type))
        return paramError(
            {{QStringLiteral("type"),
              QStringLiteral("value '%1' does not have a value in the enumeration 'vm, storage, "
                             "node, sdn'")
                  .arg(type)}});
    QJsonArray items;
    if (type.isEmpty() || type == QLatin1String("node")) {
        for (const Node &n : std::as_const(m_nodes)) {
            qint64 runningMem = 0;
            for (const Guest &g : std::as_const(m_guests)) {
                if (g.node == n.name && g.status == QLatin1String("running"))
                    runningMem += g.memoryMiB;
            }
            QJsonObject o{
                {QStringLiteral("id"), QStringLiteral("node/") + n.name},
                {QStringLiteral("type"), QStringLiteral("node")},
                {QStringLiteral("node"), n.name},
                {QStringLiteral("status"), n.online ? QStringLiteral("online") : QStringLiteral("offline")},
                {QStringLiteral("level"), QString()}};
            if (n.online) {
                o.insert(QStringLiteral("cpu"), 0.03);
                o.insert(QStringLiteral("maxcpu"), n.cpus);
                o.insert(QStringLiteral("mem"), (1024 + runningMem) * MiB);
                o.insert(QStringLiteral("maxmem"), n.memoryMiB * MiB);
                o.insert(QStringLiteral("disk"), 4 * GiB);
                o.insert(QStringLiteral("maxdisk"), n.rootfsGiB * GiB);
                o.insert(QStringLiteral("uptime"), 86400);
            }
            items.append(o);
        }
    }
    if (type.isEmpty() || type == QLatin1String("storage")) {
        for (const Storage &s : std::as_const(m_storages)) {
            items.append(
                QJsonObject{{QStringLiteral("id"), QStringLiteral("storage/%1/%2").arg(s.node, s.storage)},
                            {QStringLiteral("type"), QStringLiteral("storage")},
                            {QStringLiteral("node"), s.node},
                            {QStringLiteral("storage"), s.storage},
                            {QStringLiteral("status"), QStringLiteral("available")},
                            {QStringLiteral("content"), s.content.join(u',')},
                            {QStringLiteral("plugintype"), s.pluginType},
                            {QStringLiteral("shared"), 0},
                            {QStringLiteral("disk"), storageUsedGiB(s.node, s.storage) * GiB},
                            {QStringLiteral("maxdisk"), s.capacityGiB * GiB}});
        }
    }
    if (type.isEmpty() || type == QLatin1String("vm")) {
        for (const Guest &g : std::as_const(m_guests)) {
            const bool running = g.status == QLatin1String("running");
            QJsonObject o{{QStringLiteral("id"), QStringLiteral("%1/%2").arg(g.type).arg(g.vmid)},
                          {QStringLiteral("type"), g.type},
                          {QStringLiteral("vmid"), g.vmid},
                          {QStringLiteral("node"), g.node},
                          {QStringLiteral("name"), g.name},
                          {QStringLiteral("status"), g.status},
                          {QStringLiteral("template"), g.isTemplate ? 1 : 0},
                          {QStringLiteral("maxcpu"), g.cores},
                          {QStringLiteral("maxmem"), g.memoryMiB * MiB},
                          {QStringLiteral("maxdisk"), g.diskGiB * GiB},
                          {QStringLiteral("mem"), running ? g.memoryMiB * MiB / 8 : 0},
                          {QStringLiteral("cpu"), running ? 0.01 : 0},
                          {QStringLiteral("disk"), 0},
                          {QStringLiteral("uptime"), running ? 60 : 0}};
            if (!g.tags.isEmpty())
                o.insert(QStringLiteral("tags"), g.tags.join(u';'));
            if (!g.lock.isEmpty())
                o.insert(QStringLiteral("lock"), g.lock);
            items.append(o);
        }
    }
    return ok(items);
}

ProxmoxEmulator::Reply ProxmoxEmulator::nodeStatus(const Call &call)
{
    const QString name = call.pathParams.value(QStringLiteral("node"));
    if (auto bad = checkNode(name))
        return *bad;
    const Node &n = m_nodes[name];
    const Usage u = usage(name);
    const qint64 used = (1024 + u.memoryMiB) * MiB;
    return ok(QJsonObject{
        {QStringLiteral("uptime"), 86400},
        {QStringLiteral("cpu"), 0.03},
        {QStringLiteral("idle"), 0},
        {QStringLiteral("wait"), 0.001},
        {QStringLiteral("loadavg"),
         QJsonArray{QStringLiteral("0.10"), QStringLiteral("0.20"), QStringLiteral("0.30")}},
        {QStringLiteral("cpuinfo"),
         QJsonObject{{QStringLiteral("cpus"), n.cpus},
                     {QStringLiteral("cores"), n.cpus / 2},
                     {QStringLiteral("sockets"), 1},
                     {QStringLiteral("model"), QStringLiteral("Emulated CPU @ 3.00GHz")}}},
        {QStringLiteral("memory"), QJsonObject{{QStringLiteral("total"), n.memoryMiB * MiB},
                                               {QStringLiteral("used"), used},
                                               {QStringLiteral("free"), n.memoryMiB * MiB - used},
                                               {QStringLiteral("available"), n.memoryMiB * MiB - used}}},
        {QStringLiteral("rootfs"), QJsonObject{{QStringLiteral("total"), n.rootfsGiB * GiB},
                                               {QStringLiteral("used"), 4 * GiB},
                                               {QStringLiteral("free"), (n.rootfsGiB - 4) * GiB},
                                               {QStringLiteral("avail"), (n.rootfsGiB - 4) * GiB}}},
        {QStringLiteral("pveversion"), QStringLiteral("pve-manager/9.1.1/42c1d0e1")},
        {QStringLiteral("kversion"), QStringLiteral("Linux 6.17.2-1-pve #1 SMP PREEMPT_DYNAMIC")}});
}

ProxmoxEmulator::Reply ProxmoxEmulator::storageContent(const Call &call)
{
    const QString node = call.pathParams.value(QStringLiteral("node"));
    const QString storage = call.pathParams.value(QStringLiteral("storage"));
    if (auto bad = checkNode(node))
        return *bad;
    if (!findStorage(node, storage))
        return error(500, QStringLiteral("storage '%1' does not exist").arg(storage));
    const QString content = call.params.value(QStringLiteral("content"));
    QJsonArray items;
    const QList<QJsonObject> volumes = m_volumes.value(node + u'/' + storage);
    for (const QJsonObject &v : volumes) {
        if (content.isEmpty() || v.value(QLatin1String("content")).toString() == content)
            items.append(v);
    }
    return ok(items);
}

ProxmoxEmulator::Reply ProxmoxEmulator::listGuests(const Call &call)
{
    const QString node = call.pathParams.value(QStringLiteral("node"));
    if (auto bad = checkNode(node))
        return *bad;
    const QString type = call.path.section(u'/', -1);
    QJsonArray items;
    for (const Guest &g : std::as_const(m_guests)) {
        if (g.node != node || g.type != type)
            continue;
        QJsonObject o{{QStringLiteral("vmid"), g.vmid},
                      {QStringLiteral("name"), g.name},
                      {QStringLiteral("status"), g.status},
                      {QStringLiteral("cpus"), g.cores},
                      {QStringLiteral("maxmem"), g.memoryMiB * MiB},
                      {QStringLiteral("maxdisk"), g.diskGiB * GiB}};
        if (!g.tags.isEmpty())
            o.insert(QStringLiteral("tags"), g.tags.join(u';'));
        items.append(o);
    }
    return ok(items);
}

ProxmoxEmulator::Reply ProxmoxEmulator::createLxc(const Call &call)
{
    const QString node = call.pathParams.value(QStringLiteral("node"));
    if (auto bad = checkNode(node))
        return *bad;
    const qint64 vmid = call.params.value(QStringLiteral("vmid")).toLongLong();
    // check_vmid_unused is cluster-wide and synchronous (proxmox.md section 4).
    if (const auto existing = m_guests.constFind(vmid); existing != m_guests.constEnd())
        return error(500, QStringLiteral("%1 %2 already exists on node '%3'")
                              .arg(guestWord(existing->type))
                              .arg(vmid)
                              .arg(existing->node));

    const QString ostemplate = call.params.value(QStringLiteral("ostemplate"));
    const QString templateStorage = ostemplate.section(u':', 0, 0);
    bool templateFound = false;
    const QList<QJsonObject> volumes = m_volumes.value(node + u'/' + templateStorage);
    for (const QJsonObject &v : volumes)
        templateFound = templateFound || v.value(QLatin1String("volid")).toString() == ostemplate;
    if (!templateFound)
        return error(500, QStringLiteral("volume '%1' does not exist").arg(ostemplate));

    Guest g;
    g.vmid = vmid;
    g.type = QStringLiteral("lxc");
    g.node = node;
    g.name = call.params.value(QStringLiteral("hostname"), QStringLiteral("CT%1").arg(vmid));
    g.cores = call.params.value(QStringLiteral("cores"), QStringLiteral("1")).toInt();
    g.memoryMiB = call.params.value(QStringLiteral("memory"), QStringLiteral("512")).toInt();
    g.swapMiB = call.params.value(QStringLiteral("swap"), QStringLiteral("512")).toInt();
    // rootfs=STORAGE:SIZE_GiB[,options]; the default storage is `local`.
    const QString rootfs =
        call.params.value(QStringLiteral("rootfs"), QStringLiteral("local:4")).section(u',', 0, 0);
    g.storage = rootfs.section(u':', 0, 0);
    g.diskGiB = rootfs.section(u':', 1, 1).toInt();
    const Storage *storage = findStorage(node, g.storage);
    if (!storage || !storage->content.contains(QStringLiteral("rootdir")))
        return error(500,
                     QStringLiteral("storage '%1' does not support container directories").arg(g.storage));
    if (g.diskGiB < 1)
        return paramError(
            {{QStringLiteral("rootfs"), QStringLiteral("invalid format - size must be 1 GiB or more")}});
    g.net0 = call.params.value(QStringLiteral("net0"));
    const QStringList tags = proxmox::splitTags(call.params.value(QStringLiteral("tags")));
    for (const QString &tag : tags) {
        if (!proxmox::isValidTag(tag))
            return paramError(
                {{QStringLiteral("tags"), QStringLiteral("invalid format - invalid tag '%1'").arg(tag)}});
    }
    g.tags = tags;
    g.ostemplate = ostemplate;
    g.password = call.params.value(QStringLiteral("password"));
    if (!g.password.isEmpty() && g.password.size() < 5)
        return paramError(
            {{QStringLiteral("password"), QStringLiteral("value must be at least 5 characters long")}});
    g.sshKeys = call.params.value(QStringLiteral("ssh-public-keys"));
    // Checked before the worker forks (pve-container create_vm).
    if (!g.sshKeys.isEmpty() && !validSshPublicKeys(g.sshKeys))
        return error(500, QStringLiteral("SSH public key validation error"));
    installGuestKeys(g.sshKeys);
    g.unprivileged =
        call.params.value(QStringLiteral("unprivileged"), QStringLiteral("1")) == QLatin1String("1");
    g.hwaddr = QStringLiteral("BC:24:11:%1:%2:%3")
                   .arg((vmid >> 16) & 0xff, 2, 16, QLatin1Char('0'))
                   .arg((vmid >> 8) & 0xff, 2, 16, QLatin1Char('0'))
                   .arg(vmid & 0xff, 2, 16, QLatin1Char('0'))
                   .toUpper();
    // The config is written and locked before the worker forks (create_and_lock_config).
    g.lock = QStringLiteral("create");
    const bool startAfter = call.params.value(QStringLiteral("start")) == QLatin1String("1");
    const qint64 capacity = storage->capacityGiB;
    m_guests.insert(vmid, g);

    const QString upid = startTask(
        node, QStringLiteral("vzcreate"), QString::number(vmid), call,
        [this, vmid, node, capacity, startAfter]() -> QString {
            auto it = m_guests.find(vmid);
            if (it == m_guests.end())
                return QStringLiteral("unable to create CT %1 - config vanished").arg(vmid);
            if (storageUsedGiB(node, it->storage) > capacity)
                return QStringLiteral(
                           "unable to create CT %1 - lvcreate 'pve/vm-%1-disk-0' error:   Volume group "
                           "\"pve\" has insufficient free space")
                    .arg(vmid);
            it->lock.clear();
            if (startAfter) {
                it->status = QStringLiteral("running");
                assignAddress(*it);
            }
            return {};
        },
        [this, vmid] { m_guests.remove(vmid); });
    return ok(upid);
}

ProxmoxEmulator::Reply ProxmoxEmulator::cloneGuest(const Call &call)
{
    const QString type = call.path.section(u'/', 3, 3);
    Reply err;
    Guest *source = findGuest(call, type, &err);
    if (!source)
        return err;
    const QString node = source->node;
    const qint64 sourceVmid = source->vmid;
    const qint64 newid = call.params.value(QStringLiteral("newid")).toLongLong();
    // A config on this node is found before the fork (proxmox.md section 4).
    if (m_guests.contains(newid))
        return error(500, QStringLiteral("unable to create %1 %2: config file already exists")
                              .arg(guestWord(type))
                              .arg(newid));
    const bool linked = source->isTemplate && call.params.value(QStringLiteral("full")) != QLatin1String("1");
    if (linked && call.params.contains(QStringLiteral("storage")))
        return error(500, QStringLiteral("parameter 'storage' not allowed for linked clones"));
    QString target = call.params.value(QStringLiteral("target"), node);
    if (auto bad = checkNode(target))
        return *bad;

    Guest g = *source;
    g.vmid = newid;
    g.node = target;
    g.isTemplate = false;
    g.status = QStringLiteral("stopped");
    g.ipv4.clear();
    g.name =
        call.params.value(type == QLatin1String("lxc") ? QStringLiteral("hostname") : QStringLiteral("name"),
                          QStringLiteral("Copy-of-VM-%1").arg(source->name));
    if (call.params.contains(QStringLiteral("storage")))
        g.storage = call.params.value(QStringLiteral("storage"));
    g.lock = QStringLiteral("clone");
    m_guests.insert(newid, g);
    const QString upid = startTask(
        node, type == QLatin1String("lxc") ? QStringLiteral("vzclone") : QStringLiteral("qmclone"),
        QString::number(sourceVmid), call,
        [this, newid]() -> QString {
            auto it = m_guests.find(newid);
            if (it == m_guests.end())
                return QStringLiteral("clone failed: config vanished");
            it->lock.clear();
            return {};
        },
        [this, newid] { m_guests.remove(newid); });
    return ok(upid);
}

ProxmoxEmulator::Reply ProxmoxEmulator::setQemuConfig(const Call &call)
{
    Reply err;
    Guest *g = findGuest(call, QStringLiteral("qemu"), &err);
    if (!g)
        return err;
    if (!g->lock.isEmpty())
        return error(500, QStringLiteral("VM is locked (%1)").arg(g->lock));
    const qint64 vmid = g->vmid;
    QMap<QString, QString> params = call.params;
    if (params.contains(QStringLiteral("sshkeys"))) {
        // Format "urlencoded": the value is percent-encoded on top of the form encoding; qemu-server
        // decodes it and validates the keys before the task starts.
        const QString encoded = params.value(QStringLiteral("sshkeys"));
        static const QRegularExpression urlencoded(QStringLiteral("^[A-Za-z0-9%._~-]*$"));
        if (!urlencoded.match(encoded).hasMatch())
            return paramError(
                {{QStringLiteral("sshkeys"),
                  QStringLiteral("invalid format - value does not look like a valid url-encoded "
                                 "string")}});
        const QString keys = QUrl::fromPercentEncoding(encoded.toLatin1());
        if (!validSshPublicKeys(keys))
            return error(500, QStringLiteral("SSH public key validation error"));
        params.insert(QStringLiteral("sshkeys"), keys);
    }
    if (params.contains(QStringLiteral("agent"))) {
        const QString agent = params.value(QStringLiteral("agent")).section(u',', 0, 0);
        if (agent != QLatin1String("1") && agent != QLatin1String("0") &&
            agent != QLatin1String("enabled=1") && agent != QLatin1String("enabled=0"))
            return paramError(
                {{QStringLiteral("agent"),
                  QStringLiteral("invalid format - type check ('boolean') failed - got '%1'").arg(agent)}});
    }
    const QString upid = startTask(
        g->node, QStringLiteral("qmconfig"), QString::number(vmid), call, [this, vmid, params]() -> QString {
            auto it = m_guests.find(vmid);
            if (it == m_guests.end())
                return QStringLiteral("VM %1 vanished").arg(vmid);
            if (params.contains(QStringLiteral("cores")))
                it->cores = params.value(QStringLiteral("cores")).toInt();
            if (params.contains(QStringLiteral("memory")))
                it->memoryMiB = params.value(QStringLiteral("memory")).toInt();
            if (params.contains(QStringLiteral("name")))
                it->name = params.value(QStringLiteral("name"));
            if (params.contains(QStringLiteral("tags")))
                it->tags = proxmox::splitTags(params.value(QStringLiteral("tags")));
            if (params.contains(QStringLiteral("ipconfig0")))
                it->ipconfig0 = params.value(QStringLiteral("ipconfig0"));
            if (params.contains(QStringLiteral("net0")))
                it->net0 = params.value(QStringLiteral("net0"));
            if (params.contains(QStringLiteral("sshkeys"))) {
                it->sshKeys = params.value(QStringLiteral("sshkeys"));
                installGuestKeys(it->sshKeys);
            }
            if (params.contains(QStringLiteral("cipassword")))
                it->password = params.value(QStringLiteral("cipassword"));
            if (params.contains(QStringLiteral("ciuser")))
                it->ciuser = params.value(QStringLiteral("ciuser"));
            if (params.contains(QStringLiteral("agent")))
                it->agent = params.value(QStringLiteral("agent")).endsWith(u'1');
            return {};
        });
    return ok(upid);
}

ProxmoxEmulator::Reply ProxmoxEmulator::guestStatus(const Call &call)
{
    const QString type = call.path.section(u'/', 3, 3);
    Reply err;
    const Guest *g = findGuest(call, type, &err);
    if (!g)
        return err;
    const bool running = g->status == QLatin1String("running");
    QJsonObject o{{QStringLiteral("vmid"), g->vmid},
                  {QStringLiteral("name"), g->name},
                  {QStringLiteral("status"), g->status},
                  {QStringLiteral("uptime"), running ? 60 : 0},
                  {QStringLiteral("cpus"), g->cores},
                  {QStringLiteral("cpu"), running ? 0.01 : 0},
                  {QStringLiteral("maxmem"), g->memoryMiB * MiB},
                  {QStringLiteral("mem"), running ? g->memoryMiB * MiB / 8 : 0},
                  {QStringLiteral("maxswap"), g->swapMiB * MiB},
                  {QStringLiteral("maxdisk"), g->diskGiB * GiB},
                  {QStringLiteral("disk"), 0},
                  {QStringLiteral("netin"), 0},
                  {QStringLiteral("netout"), 0},
                  {QStringLiteral("diskread"), 0},
                  {QStringLiteral("diskwrite"), 0},
                  {QStringLiteral("ha"), QJsonObject{{QStringLiteral("managed"), 0}}}};
    if (g->isTemplate)
        o.insert(QStringLiteral("template"), 1);
    if (!g->tags.isEmpty())
        o.insert(QStringLiteral("tags"), g->tags.join(u';'));
    if (!g->lock.isEmpty())
        o.insert(QStringLiteral("lock"), g->lock);
    if (type == QLatin1String("qemu"))
        o.insert(QStringLiteral("qmpstatus"), g->status);
    return ok(o);
}

ProxmoxEmulator::Reply ProxmoxEmulator::startGuest(const Call &call)
{
    const QString type = call.path.section(u'/', 3, 3);
    Reply err;
    Guest *g = findGuest(call, type, &err);
    if (!g)
        return err;
    const QString word = guestWord(type);
    if (!g->lock.isEmpty())
        return error(500, QStringLiteral("%1 is locked (%2)").arg(word, g->lock));
    if (g->isTemplate)
        return error(500,
                     QStringLiteral("you can't start a %1 if it's a template")
                         .arg(type == QLatin1String("lxc") ? QStringLiteral("CT") : QStringLiteral("vm")));
    if (g->status == QLatin1String("running"))
        return error(500, QStringLiteral("%1 %2 already running").arg(word).arg(g->vmid));
    const qint64 vmid = g->vmid;
    const QString upid = startTask(
        g->node, type == QLatin1String("lxc") ? QStringLiteral("vzstart") : QStringLiteral("qmstart"),
        QString::number(vmid), call, [this, vmid]() -> QString {
            auto it = m_guests.find(vmid);
            if (it == m_guests.end())
                return QStringLiteral("guest %1 vanished").arg(vmid);
            it->status = QStringLiteral("running");
            assignAddress(*it);
            return {};
        });
    return ok(upid);
}

ProxmoxEmulator::Reply ProxmoxEmulator::stopGuest(const Call &call)
{
    const QString type = call.path.section(u'/', 3, 3);
    const bool shutdown = call.path.endsWith(QLatin1String("/shutdown"));
    Reply err;
    Guest *g = findGuest(call, type, &err);
    if (!g)
        return err;
    if (g->status != QLatin1String("running"))
        return error(500, QStringLiteral("%1 %2 not running").arg(guestWord(type)).arg(g->vmid));
    const qint64 vmid = g->vmid;
    const QString taskType = (type == QLatin1String("lxc") ? QStringLiteral("vz") : QStringLiteral("qm")) +
                             (shutdown ? QStringLiteral("shutdown") : QStringLiteral("stop"));
    const QString upid = startTask(g->node, taskType, QString::number(vmid), call, [this, vmid]() -> QString {
        auto it = m_guests.find(vmid);
        if (it != m_guests.end())
            it->status = QStringLiteral("stopped");
        return {};
    });
    return ok(upid);
}

ProxmoxEmulator::Reply ProxmoxEmulator::destroyGuest(const Call &call)
{
    const QString type = call.path.section(u'/', 3, 3);
    Reply err;
    Guest *g = findGuest(call, type, &err);
    if (!g)
        return err;
    const QString word = guestWord(type);
    if (!g->lock.isEmpty())
        return error(500, QStringLiteral("%1 is locked (%2)").arg(word, g->lock));
    const bool force = call.params.value(QStringLiteral("force")) == QLatin1String("1");
    if (g->status == QLatin1String("running") && !(type == QLatin1String("lxc") && force))
        return error(500, type == QLatin1String("lxc")
                              ? QStringLiteral("unable to destroy CT %1 - container is running").arg(g->vmid)
                              : QStringLiteral("VM %1 is running - destroy failed").arg(g->vmid));
    const qint64 vmid = g->vmid;
    g->lock = QStringLiteral("destroyed");
    const QString upid = startTask(
        g->node, type == QLatin1String("lxc") ? QStringLiteral("vzdestroy") : QStringLiteral("qmdestroy"),
        QString::number(vmid), call,
        [this, vmid]() -> QString {
            m_guests.remove(vmid);
            return {};
        },
        [this, vmid] {
            auto it = m_guests.find(vmid);
            if (it != m_guests.end())
                it->lock.clear();
        });
    return ok(upid);
}

static QJsonObject interfaceJson(const QString &name, const QString &mac, const QString &ipv4, int prefix,
                                 const QString &ipv4Type, const QString &ipv6)
{
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("hwaddr"), mac},
        {QStringLiteral("hardware-address"), mac},
        {QStringLiteral("inet"), QStringLiteral("%1/%2").arg(ipv4).arg(prefix)},
        {QStringLiteral("inet6"), ipv6},
        {QStringLiteral("ip-addresses"),
         QJsonArray{QJsonObject{{QStringLiteral("ip-address"), ipv4},
                                {QStringLiteral("ip-address-type"), ipv4Type},
                                {QStringLiteral("prefix"), prefix}},
                    QJsonObject{{QStringLiteral("ip-address"), ipv6.section(u'/', 0, 0)},
                                {QStringLiteral("ip-address-type"), ipv4Type == QLatin1String("inet")
                                                                        ? QStringLiteral("inet6")
                                                                        : QStringLiteral("ipv6")},
                                {QStringLiteral("prefix"), ipv6.section(u'/', 1, 1).toInt()}}}}};
}

ProxmoxEmulator::Reply ProxmoxEmulator::lxcInterfaces(const Call &call)
{
    Reply err;
    const Guest *g = findGuest(call, QStringLiteral("lxc"), &err);
    if (!g)
        return err;
    // Read from inside the container's network namespace: null while it is stopped.
    if (g->status != QLatin1String("running"))
        return ok(QJsonValue::Null);
    return ok(QJsonArray{interfaceJson(QStringLiteral("lo"), QStringLiteral("00:00:00:00:00:00"),
                                       QStringLiteral("127.0.0.1"), 8, QStringLiteral("inet"),
                                       QStringLiteral("::1/128")),
                         interfaceJson(QStringLiteral("eth0"), g->hwaddr.toLower(), g->ipv4, 24,
                                       QStringLiteral("inet"), QStringLiteral("fe80::be24:11ff:fe00:1/64"))});
}

ProxmoxEmulator::Reply ProxmoxEmulator::qemuAgentInterfaces(const Call &call)
{
    Reply err;
    const Guest *g = findGuest(call, QStringLiteral("qemu"), &err);
    if (!g)
        return err;
    if (g->status != QLatin1String("running"))
        return error(500, QStringLiteral("VM %1 is not running").arg(g->vmid));
    return ok(QJsonObject{
        {QStringLiteral("result"),
         QJsonArray{interfaceJson(QStringLiteral("lo"), QStringLiteral("00:00:00:00:00:00"),
                                  QStringLiteral("127.0.0.1"), 8, QStringLiteral("ipv4"),
                                  QStringLiteral("::1/128")),
                    interfaceJson(QStringLiteral("eth0"), g->hwaddr.toLower(), g->ipv4, 24,
                                  QStringLiteral("ipv4"), QStringLiteral("fe80::be24:11ff:fe00:2/64"))}}});
}

// Synchronous, no task: qemu-server's agent call answers the guest agent's own result
// ({"result": {}} for guest-set-user-password).
ProxmoxEmulator::Reply ProxmoxEmulator::qemuAgentSetUserPassword(const Call &call)
{
    Reply err;
    Guest *g = findGuest(call, QStringLiteral("qemu"), &err);
    if (!g)
        return err;
    const QString password = call.params.value(QStringLiteral("password"));
    if (password.size() < 5)
        return paramError(
            {{QStringLiteral("password"), QStringLiteral("value must be at least 5 characters long")}});
    if (password.size() > 1024)
        return paramError(
            {{QStringLiteral("password"), QStringLiteral("value may only be 1024 characters long")}});
    if (g->status != QLatin1String("running"))
        return error(500, QStringLiteral("VM %1 is not running").arg(g->vmid));
    if (!g->agent)
        return error(500, QStringLiteral("No QEMU guest agent configured"));
    g->userPasswords.insert(call.params.value(QStringLiteral("username")), password);
    ++g->passwordResets;
    return ok(QJsonObject{{QStringLiteral("result"), QJsonObject()}});
}

bool ProxmoxEmulator::validSshPublicKeys(const QString &keys)
{
    const QStringList lines = keys.split(u'\n');
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        QTemporaryFile file;
        if (!file.open())
            return false;
        file.write(line.toUtf8() + '\n');
        file.flush();
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"),
                     {QStringLiteral("-l"), QStringLiteral("-f"), file.fileName()});
        if (!keygen.waitForFinished(5000) || keygen.exitStatus() != QProcess::NormalExit ||
            keygen.exitCode() != 0)
            return false;
    }
    return true;
}

ProxmoxEmulator::Reply ProxmoxEmulator::taskStatus(const Call &call)
{
    const QString upid = call.pathParams.value(QStringLiteral("upid"));
    if (!upid.startsWith(QLatin1String("UPID:")) || upid.count(u':') < 8)
        return paramError(
            {{QStringLiteral("upid"), QStringLiteral("unable to parse worker upid '%1'").arg(upid)}});
    const auto it = m_tasks.constFind(upid);
    if (it == m_tasks.constEnd() || it->node != call.pathParams.value(QStringLiteral("node")))
        return error(500, QStringLiteral("no such task"));
    const QStringList parts = upid.split(u':');
    // With a token, the user field user@realm!tokenid is split in two (proxmox.md section 3).
    QJsonObject o{{QStringLiteral("upid"), it->upid},
                  {QStringLiteral("node"), it->node},
                  {QStringLiteral("pid"), qint64(parts.at(2).toUInt(nullptr, 16))},
                  {QStringLiteral("pstart"), qint64(parts.at(3).toUInt(nullptr, 16))},
                  {QStringLiteral("starttime"), qint64(parts.at(4).toUInt(nullptr, 16))},
                  {QStringLiteral("type"), it->type},
                  {QStringLiteral("id"), it->id},
                  {QStringLiteral("user"), it->user.section(u'!', 0, 0)},
                  {QStringLiteral("status"), it->status}};
    if (it->user.contains(u'!'))
        o.insert(QStringLiteral("tokenid"), it->user.section(u'!', 1));
    if (it->status == QLatin1String("stopped"))
        o.insert(QStringLiteral("exitstatus"), it->exitStatus);
    return ok(o);
}

ProxmoxEmulator::Reply ProxmoxEmulator::taskLog(const Call &call)
{
    const auto it = m_tasks.constFind(call.pathParams.value(QStringLiteral("upid")));
    if (it == m_tasks.constEnd())
        return error(500, QStringLiteral("no such task"));
    QJsonArray lines;
    for (qsizetype n = 0; n < it->log.size(); ++n)
        lines.append(QJsonObject{{QStringLiteral("n"), n + 1}, {QStringLiteral("t"), it->log.at(n)}});
    return ok(lines);
}

} // namespace mp::test
