// The Proxmox VE client against the in-process HTTPS emulator: token auth, the envelope and
// error shapes, task polling, the create -> start -> address path, VMID conflicts, TLS
// pinning, tags, and that a create is never sent twice.
#include "emulators/proxmox_emulator.h"
#include "proxmox/proxmox_blocking.h"
#include "proxmox/proxmox_client.h"
#include "proxmox/proxmox_guest.h"
#include "proxmox/proxmox_node_status.h"
#include "proxmox/proxmox_resources.h"
#include "proxmox/proxmox_tls.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <optional>

using namespace mp;
using namespace mp::proxmox;
using mp::test::ProxmoxEmulator;

namespace {

struct Outcome {
    std::optional<ProxmoxResult> result;
    ProxmoxError details;
    bool ok() const { return result && result->ok(); }
    QJsonValue data() const { return result && result->ok() ? result->value() : QJsonValue(); }
    Error error() const { return result && !result->ok() ? result->error() : Error{}; }
};

// Waits for a call on the test's event loop (the emulator answers on the same thread).
Outcome await(ProxmoxCall *call, int timeoutMs = 15000)
{
    Outcome outcome;
    call->setAutoDelete(false);
    QSignalSpy spy(call, &ProxmoxCall::finished);
    if (!call->isFinished())
        spy.wait(timeoutMs);
    if (call->isFinished()) {
        outcome.result = call->result();
        outcome.details = call->proxmoxError();
    }
    delete call;
    return outcome;
}

int countRequests(const ProxmoxEmulator &emulator, const QString &method, const QString &pathSuffix)
{
    int n = 0;
    for (const auto &r : emulator.requests()) {
        if (r.method == method && r.path.endsWith(pathSuffix))
            ++n;
    }
    return n;
}

} // namespace

class TestProxmoxClient : public QObject {
    Q_OBJECT

private:
    ProxmoxEmulator *m_emulator = nullptr;

    ProxmoxSettings settings() const
    {
        ProxmoxSettings s;
        s.clusterName = QStringLiteral("test");
        s.apiBase = m_emulator->apiBase();
        s.tokenId = m_emulator->tokenId();
        s.tokenSecret = m_emulator->tokenSecret();
        s.caCertificates = {ProxmoxEmulator::caCertificate()};
        s.timeoutMs = 2000;
        s.retryDelayMs = 20;
        s.taskPollIntervalMs = 30;
        s.taskTimeoutMs = 3000;
        return s;
    }

    LxcCreateSpec podSpec(qint64 vmid, const QString &podTag) const
    {
        LxcCreateSpec spec;
        spec.node = QStringLiteral("pve1");
        spec.vmid = vmid;
        spec.ostemplate = QStringLiteral("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst");
        spec.hostname = QStringLiteral("pod-%1.example.net").arg(vmid);
        spec.cores = 2;
        spec.memoryMiB = 2048;
        spec.swapMiB = 512;
        spec.rootfsStorage = QStringLiteral("local-lvm");
        spec.rootfsGiB = 20;
        spec.tags = {QStringLiteral("mpanel"), podTag};
        return spec;
    }

    qint64 freeVmid(ProxmoxClient &client)
    {
        const Outcome next = await(client.nextVmid());
        auto vmid = parseNextVmid(next.data());
        return vmid ? vmid.value() : 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_emulator = new ProxmoxEmulator(this);
        m_emulator->setAuthFailureDelayMs(300);
        m_emulator->setTaskDurationMs(120);
        ProxmoxEmulator::Guest tmpl;
        tmpl.vmid = 9000;
        tmpl.type = QStringLiteral("qemu");
        tmpl.name = QStringLiteral("debian-12-cloud");
        tmpl.isTemplate = true;
        tmpl.cores = 1;
        tmpl.memoryMiB = 1024;
        tmpl.diskGiB = 10;
        m_emulator->addGuest(tmpl);
        QVERIFY(m_emulator->start().ok());
    }

    void init() { m_emulator->clearFaults(); }

    // --- settings and pure parsing ---------------------------------------------------------

    void settingsAreValidated()
    {
        ProxmoxSettings s = settings();
        QVERIFY(s.validate().ok());
        QCOMPARE(s.authorizationHeader(),
                 QByteArray("PVEAPIToken=mpanel@pve!prov=") + m_emulator->tokenSecret().toUtf8());

        ProxmoxSettings plain = s;
        plain.apiBase = QUrl(QStringLiteral("http://127.0.0.1:8006/api2/json"));
        QCOMPARE(plain.validate().error().field, QStringLiteral("api_base"));
        ProxmoxSettings noJson = s;
        noJson.apiBase = QUrl(QStringLiteral("https://pve1:8006/api2/extjs"));
        QVERIFY(!noJson.validate().ok());
        ProxmoxSettings badToken = s;
        badToken.tokenId = QStringLiteral("mpanel@pve");
        QCOMPARE(badToken.validate().error().field, QStringLiteral("token_id"));
        ProxmoxSettings noSecret = s;
        noSecret.tokenSecret = QStringLiteral("s3cr3t-value;x");
        const Status refused = noSecret.validate();
        QVERIFY(!refused.ok());
        QVERIFY(!refused.error().message.contains(QStringLiteral("s3cr3t"))); // never echoes a secret

        auto fp = ProxmoxSettings::parseFingerprint(
            QStringLiteral("27:8b:0C:5A:85:A4:31:1A:CD:66:9D:52:E1:AA:38:6B:79:42:98:F2:80:DC:54:5F:9F:3C:25:"
                           "0D:AA:06:FC:4B"));
        QVERIFY(fp.ok());
        QCOMPARE(fp->size(), 32);
        QCOMPARE(ProxmoxSettings::formatFingerprint(fp.value()).left(8), QStringLiteral("27:8B:0C"));
        QVERIFY(!ProxmoxSettings::parseFingerprint(QStringLiteral("27:8B")).ok());
        QVERIFY(ProxmoxSettings::parseCaCertificates("not pem").error().field ==
                QStringLiteral("ca_certificate"));
    }

    void errorsAreReadable()
    {
        // A pre-5.2 parameter error: the `errors` object only (proxmox.md section 1).
        const ProxmoxError conflict =
            ProxmoxError::fromResponse(400, QStringLiteral("Parameter verification failed."),
                                       R"({"errors":{"vmid":"VM 104 already exists"},"data":null})",
                                       QStringLiteral("POST"), QStringLiteral("/nodes/pve1/lxc"));
        QCOMPARE(conflict.kind, ErrorKind::VmidExists);
        const Error e = conflict.toError();
        QCOMPARE(e.code, QStringLiteral("proxmox_vmid_exists"));
        QCOMPARE(e.field, QStringLiteral("vmid"));
        QVERIFY2(e.message.contains(QStringLiteral("Proxmox node 'pve1'")), qPrintable(e.message));
        QVERIFY(e.message.contains(QStringLiteral("POST /nodes/pve1/lxc")));
        QVERIFY(e.message.contains(QStringLiteral("vmid: VM 104 already exists")));
        QVERIFY(e.message.contains(QStringLiteral("HTTP 400")));

        // A handler's die: the text in the reason phrase only (older servers), or in `message`.
        const ProxmoxError legacy = ProxmoxError::fromResponse(
            500, QStringLiteral("CT 101 already exists on node 'pve2'"), R"({"data":null})",
            QStringLiteral("POST"), QStringLiteral("/nodes/pve1/lxc"));
        QCOMPARE(legacy.kind, ErrorKind::VmidExists);
        QVERIFY(legacy.toError().message.contains(QStringLiteral("CT 101 already exists on node 'pve2'")));
        const ProxmoxError modern = ProxmoxError::fromResponse(
            500, QStringLiteral("storage 'x' does not exist"),
            R"({"data":null,"message":"storage 'x' does not exist\n"})", QStringLiteral("GET"),
            QStringLiteral("/nodes/pve3/storage/x/content"));
        QCOMPARE(modern.kind, ErrorKind::Server);
        QCOMPARE(modern.proxmoxText(), QStringLiteral("storage 'x' does not exist"));
        QCOMPARE(modern.node, QStringLiteral("pve3"));

        QCOMPARE(ProxmoxError::fromResponse(401, QStringLiteral("No ticket"), {}, QStringLiteral("GET"),
                                            QStringLiteral("/version"))
                     .kind,
                 ErrorKind::Authentication);
        QCOMPARE(ProxmoxError::fromResponse(
                     403, QStringLiteral("Permission check failed (/vms/101, VM.Allocate)"),
                     R"({"data":null})", QStringLiteral("POST"), QStringLiteral("/nodes/pve1/lxc"))
                     .kind,
                 ErrorKind::Permission);
        QCOMPARE(ProxmoxError::fromResponse(501, QStringLiteral("Method 'GET /x' not implemented"),
                                            R"({"data":null})", QStringLiteral("GET"), QStringLiteral("/x"))
                     .kind,
                 ErrorKind::NotImplemented);
    }

    void upidsAndTaskStatus()
    {
        const QString text =
            QStringLiteral("UPID:pve1:0012ABCD:0456EF01:6553F1A0:vzcreate:101:mpanel@pve!prov:");
        auto upid = Upid::parse(text);
        QVERIFY(upid.ok());
        QCOMPARE(upid->node, QStringLiteral("pve1"));
        QCOMPARE(upid->pid, 0x0012ABCDu);
        QCOMPARE(upid->startTime, qint64(0x6553F1A0));
        QCOMPARE(upid->type, QStringLiteral("vzcreate"));
        QCOMPARE(upid->id, QStringLiteral("101"));
        QCOMPARE(upid->user, QStringLiteral("mpanel@pve!prov"));
        QCOMPARE(upid->toString(), text);
        QVERIFY(!Upid::parse(QStringLiteral("UPID:pve1:12:vzcreate")).ok());
        QVERIFY(!Upid::parse(text.chopped(1)).ok()); // the trailing colon is part of the format

        QVERIFY(TaskStatus::isSuccessExitStatus(QStringLiteral("OK")));
        QVERIFY(TaskStatus::isSuccessExitStatus(QStringLiteral("WARNINGS: 2")));
        QVERIFY(!TaskStatus::isSuccessExitStatus(QStringLiteral("unable to create CT 101 - no space")));
        QVERIFY(!TaskStatus::isSuccessExitStatus(QStringLiteral("unexpected status")));
    }

    void tagsAndSpecs()
    {
        QCOMPARE(joinTags({QStringLiteral("mpanel"), QStringLiteral("mpanel-pod-7")}).value(),
                 QStringLiteral("mpanel;mpanel-pod-7"));
        QCOMPARE(joinTags({QStringLiteral("bad tag!")}).error().field, QStringLiteral("tags"));
        QCOMPARE(splitTags(QStringLiteral("a;b,c d")).size(), 4);

        LxcCreateSpec spec = podSpec(123, QStringLiteral("mpanel-pod-1"));
        spec.net0.ipv4Cidr = QStringLiteral("10.20.0.5/24");
        spec.net0.gateway = QStringLiteral("10.20.0.1");
        auto params = spec.toParams();
        QVERIFY(params.ok());
        QCOMPARE(params->value(QStringLiteral("rootfs")), QStringLiteral("local-lvm:20"));
        QCOMPARE(params->value(QStringLiteral("net0")),
                 QStringLiteral("name=eth0,bridge=vmbr0,gw=10.20.0.1,ip=10.20.0.5/24,type=veth"));
        QCOMPARE(params->value(QStringLiteral("unprivileged")), QStringLiteral("1")); // booleans are 0/1
        QCOMPARE(params->value(QStringLiteral("start")), QStringLiteral("0"));
        QCOMPARE(params->value(QStringLiteral("tags")), QStringLiteral("mpanel;mpanel-pod-1"));
        QCOMPARE(staticIpv4FromNetSpec(params->value(QStringLiteral("net0"))), QStringLiteral("10.20.0.5"));

        spec.net0.ipv4Cidr = QStringLiteral("10.20.0.5");
        QCOMPARE(spec.toParams().error().field, QStringLiteral("net0"));
        spec = podSpec(99, QStringLiteral("x"));
        QCOMPARE(spec.toParams().error().field, QStringLiteral("vmid"));
        spec = podSpec(123, QStringLiteral("x"));
        spec.memoryMiB = 8;
        QCOMPARE(spec.toParams().error().field, QStringLiteral("memory"));

        QemuCloneSpec linked;
        linked.node = QStringLiteral("pve1");
        linked.templateVmid = 9000;
        linked.newid = 300;
        linked.storage = QStringLiteral("local-lvm"); // only for full clones
        QCOMPARE(linked.toParams().error().field, QStringLiteral("storage"));
        linked.full = true;
        QCOMPARE(linked.toParams()->value(QStringLiteral("full")), QStringLiteral("1"));
    }

    // --- the wire ---------------------------------------------------------------------------

    void tokenHeaderIsSent()
    {
        ProxmoxClient client(settings());
        m_emulator->clearRequests();
        const Outcome out = await(client.version());
        QVERIFY2(out.ok(), qPrintable(out.error().message));
        QCOMPARE(out.data().toObject().value(QLatin1String("release")).toString(), QStringLiteral("9.1"));
        QCOMPARE(m_emulator->requests().size(), 1);
        const auto &request = m_emulator->requests().constFirst();
        QCOMPARE(request.path, QStringLiteral("/api2/json/version"));
        QCOMPARE(request.header("Authorization"),
                 "PVEAPIToken=mpanel@pve!prov=" + m_emulator->tokenSecret().toUtf8());
        QVERIFY(request.header("CSRFPreventionToken").isEmpty()); // not needed with tokens
    }

    void wrongTokenIsRefusedReadably()
    {
        ProxmoxSettings s = settings();
        s.tokenSecret = QStringLiteral("00000000-wrong-secret");
        ProxmoxClient client(s);
        m_emulator->clearRequests();
        QElapsedTimer timer;
        timer.start();
        const Outcome out = await(client.guests());
        QVERIFY(!out.ok());
        QVERIFY(timer.elapsed() >= 250); // Proxmox delays 401s; the client waits them out
        QCOMPARE(out.error().code, QStringLiteral("proxmox_authentication"));
        QVERIFY2(out.error().message.contains(QStringLiteral("API token was refused")),
                 qPrintable(out.error().message));
        QVERIFY(!out.error().message.contains(QStringLiteral("wrong-secret")));
        QCOMPARE(m_emulator->requests().size(), 1); // a 401 is not retried
    }

    void proxmoxErrorsComeBackReadable()
    {
        ProxmoxClient client(settings());
        // A handler's die: 500 with the text in reason phrase and message.
        Outcome out = await(client.startGuest(GuestType::Lxc, QStringLiteral("pve1"), 4242));
        QCOMPARE(out.error().code, QStringLiteral("proxmox_server_error"));
        QCOMPARE(out.details.httpStatus, 500);
        QCOMPARE(out.error().message,
                 QStringLiteral(
                     "Proxmox node 'pve1': POST /nodes/pve1/lxc/4242/status/start failed: Configuration "
                     "file 'nodes/pve1/lxc/4242.conf' does not exist (HTTP 500)"));

        // Pre-5.2 servers: the same words from the reason phrase alone.
        m_emulator->setLegacyErrors(true);
        out = await(client.startGuest(GuestType::Lxc, QStringLiteral("pve1"), 4242));
        m_emulator->setLegacyErrors(false);
        QVERIFY(out.details.message.isEmpty());
        QVERIFY(out.error().message.contains(
            QStringLiteral("Configuration file 'nodes/pve1/lxc/4242.conf' does not exist")));

        // Parameter errors: unknown parameters and booleans other than 0/1 (proxmox.md section 1).
        Params bogus;
        bogus.add(QStringLiteral("ostemplate"),
                  QStringLiteral("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst"));
        bogus.add(QStringLiteral("vmid"), 555);
        bogus.add(QStringLiteral("start"), QStringLiteral("true"));
        bogus.add(QStringLiteral("colour"), QStringLiteral("blue"));
        out = await(client.post(QStringLiteral("/nodes/pve1/lxc"), bogus));
        QCOMPARE(out.error().code, QStringLiteral("proxmox_invalid_parameters"));
        QCOMPARE(out.details.paramErrors.value(QStringLiteral("start")),
                 QStringLiteral("type check ('boolean') failed - got 'true'"));
        QVERIFY(out.details.paramErrors.value(QStringLiteral("colour"))
                    .contains(QStringLiteral("not defined in schema")));
        QVERIFY(out.error().message.contains(QStringLiteral("Parameter verification failed.")));

        // An unknown path: 501.
        out = await(client.get(QStringLiteral("/nodes/pve1/frobnicate")));
        QCOMPARE(out.error().code, QStringLiteral("proxmox_not_implemented"));

        // Invalid input never reaches the network.
        m_emulator->clearRequests();
        out = await(client.guestStatus(GuestType::Lxc, QStringLiteral("pve1"), 42));
        QCOMPARE(out.error().code, QStringLiteral("proxmox_invalid_request"));
        QCOMPARE(m_emulator->requests().size(), 0);
    }

    void nodesStoragesAndTemplates()
    {
        m_emulator->addNode(ProxmoxEmulator::Node{QStringLiteral("pve2"), 8, 32768, 100, false});
        ProxmoxClient client(settings());
        Outcome out = await(client.nodes());
        auto nodes = parseClusterNodes(out.data());
        QVERIFY(nodes.ok());
        QCOMPARE(nodes->size(), 2);
        QCOMPARE(nodes->at(0).name, QStringLiteral("pve1"));
        QVERIFY(nodes->at(0).online());
        QCOMPARE(nodes->at(0).maxCpu, 16);
        QCOMPARE(nodes->at(0).maxMem, qint64(65536) * 1024 * 1024);
        QVERIFY(!nodes->at(1).online());

        out = await(client.nodeStatus(QStringLiteral("pve1")));
        auto status = NodeStatus::parse(out.data());
        QVERIFY(status.ok());
        QCOMPARE(status->cpus, 16);
        QCOMPARE(status->memTotal, qint64(65536) * 1024 * 1024);
        QCOMPARE(status->loadAvg.size(), 3);
        QVERIFY(status->pveVersion.startsWith(QStringLiteral("pve-manager/9")));

        // An offline node: pveproxy's 595, retried as a GET, then reported.
        m_emulator->clearRequests();
        out = await(client.nodeStatus(QStringLiteral("pve2")));
        QCOMPARE(out.details.httpStatus, 595);
        QVERIFY(out.error().message.contains(QStringLiteral("Proxmox node 'pve2'")));
        QCOMPARE(m_emulator->requests().size(), 1 + settings().maxGetRetries);

        out = await(client.storages());
        auto storages = parseClusterStorages(out.data());
        QVERIFY(storages.ok());
        QCOMPARE(storages->size(), 2);
        QVERIFY(storages->at(1).holds(QStringLiteral("rootdir")));
        QCOMPARE(storages->at(1).maxDisk, qint64(500) * 1024 * 1024 * 1024);

        out = await(client.storageContent(QStringLiteral("pve1"), QStringLiteral("local")));
        auto templates = parseStorageContent(out.data());
        QVERIFY(templates.ok());
        QCOMPARE(templates->size(), 2);
        QCOMPARE(templates->at(0).volid,
                 QStringLiteral("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst"));
        QVERIFY(m_emulator->requests().constLast().rawQuery.contains("content=vztmpl"));
    }

    void createStartAndReadAddress()
    {
        ProxmoxClient client(settings());
        const qint64 vmid = freeVmid(client);
        QVERIFY(vmid >= 100);
        QCOMPARE(m_emulator->requests().constLast().path, QStringLiteral("/api2/json/cluster/nextid"));

        LxcCreateSpec spec = podSpec(vmid, QStringLiteral("mpanel-pod-42"));
        spec.net0.ipv4Cidr = QStringLiteral("10.20.0.5/24");
        spec.net0.gateway = QStringLiteral("10.20.0.1");
        spec.password = QStringLiteral("pa+ss w&rd=1");
        spec.sshPublicKeys = QStringLiteral(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJELPROQYX6VIBEXljaoDxVb9qtCnsffJSl5IAE/+Gdg me@host");
        const ProxmoxEmulator::Usage before = m_emulator->usage(QStringLiteral("pve1"));

        auto *create = client.runTask(client.createLxc(spec));
        QString announced;
        connect(create, &ProxmoxTaskWatcher::taskStarted, this,
                [&announced](const QString &upid) { announced = upid; });
        QPointer<ProxmoxTaskWatcher> watcher = create;
        Outcome out = await(create);
        QVERIFY2(out.ok(), qPrintable(out.error().message));
        QVERIFY(announced.startsWith(QStringLiteral("UPID:pve1:")));
        QVERIFY(announced.contains(QStringLiteral(":vzcreate:%1:mpanel@pve!prov:").arg(vmid)));
        const QJsonObject task = out.data().toObject();
        QCOMPARE(task.value(QLatin1String("exitstatus")).toString(), QStringLiteral("OK"));
        QCOMPARE(task.value(QLatin1String("tokenid")).toString(), QStringLiteral("prov"));

        // The body on the wire: form-encoded, tags joined with ';', booleans 0/1, and the
        // UPID percent-encoded in the status URL.
        QByteArray createBody;
        for (const auto &r : m_emulator->requests()) {
            if (r.method == QLatin1String("POST") && r.path.endsWith(QLatin1String("/nodes/pve1/lxc")))
                createBody = r.body;
            if (r.path.endsWith(QLatin1String("/status")) && r.path.contains(QLatin1String("/tasks/")))
                QVERIFY2(r.rawPath.contains("UPID%3Apve1%3A"), r.rawPath.constData());
        }
        QVERIFY(createBody.contains("tags=mpanel%3Bmpanel-pod-42"));
        QVERIFY(createBody.contains("unprivileged=1"));
        QVERIFY(createBody.contains("start=0"));
        QVERIFY(createBody.contains("rootfs=local-lvm%3A20"));
        auto guest = m_emulator->guest(vmid);
        QVERIFY(guest.has_value());
        QCOMPARE(guest->password, QStringLiteral("pa+ss w&rd=1")); // '+' and '&' survive the encoding
        QCOMPARE(guest->sshKeys, spec.sshPublicKeys);
        QVERIFY(guest->lock.isEmpty());
        QCOMPARE(guest->tags, QStringList({QStringLiteral("mpanel"), QStringLiteral("mpanel-pod-42")}));
        const ProxmoxEmulator::Usage after = m_emulator->usage(QStringLiteral("pve1"));
        QCOMPARE(after.cores - before.cores, 2);
        QCOMPARE(after.memoryMiB - before.memoryMiB, qint64(2048));
        QCOMPARE(after.diskGiB - before.diskGiB, qint64(20));

        // Stopped: the interface list is null, which reads as "no address yet".
        out = await(client.lxcInterfaces(QStringLiteral("pve1"), vmid));
        QVERIFY(out.ok());
        QVERIFY(out.data().isNull());
        QVERIFY(firstIpv4(parseGuestInterfaces(out.data()).value()).isEmpty());

        out = await(client.runTask(client.startGuest(GuestType::Lxc, QStringLiteral("pve1"), vmid)));
        QVERIFY2(out.ok(), qPrintable(out.error().message));
        out = await(client.guestStatus(GuestType::Lxc, QStringLiteral("pve1"), vmid));
        auto status = GuestStatus::parse(out.data());
        QVERIFY(status.ok());
        QVERIFY(status->running());
        QCOMPARE(status->tags, guest->tags);

        out = await(client.lxcInterfaces(QStringLiteral("pve1"), vmid));
        auto interfaces = parseGuestInterfaces(out.data());
        QVERIFY(interfaces.ok());
        QCOMPARE(interfaces->size(), 2);
        QCOMPARE(firstIpv4(interfaces.value()), QStringLiteral("10.20.0.5"));

        // Starting it again is refused synchronously with Proxmox's words.
        out = await(client.startGuest(GuestType::Lxc, QStringLiteral("pve1"), vmid));
        QVERIFY(out.error().message.contains(QStringLiteral("CT %1 already running").arg(vmid)));
    }

    void dhcpAddressIsReadFromTheContainer()
    {
        ProxmoxClient client(settings());
        const qint64 vmid = freeVmid(client);
        LxcCreateSpec spec = podSpec(vmid, QStringLiteral("mpanel-pod-43"));
        spec.start = true; // Proxmox starts it once created
        Outcome out = await(client.runTask(client.createLxc(spec)));
        QVERIFY2(out.ok(), qPrintable(out.error().message));
        out = await(client.lxcInterfaces(QStringLiteral("pve1"), vmid));
        QVERIFY(firstIpv4(parseGuestInterfaces(out.data()).value()).startsWith(QStringLiteral("10.10.0.")));
    }

    void taskFailureIsReported()
    {
        ProxmoxClient client(settings());
        const qint64 vmid = freeVmid(client);
        m_emulator->failNext(ProxmoxEmulator::Step::Create, ProxmoxEmulator::Fault::TaskError, 1,
                             QStringLiteral("no space left on device"));
        const Outcome out =
            await(client.runTask(client.createLxc(podSpec(vmid, QStringLiteral("mpanel-pod-50")))));
        QCOMPARE(out.error().code, QStringLiteral("proxmox_task_failed"));
        QVERIFY2(out.error().message.contains(
                     QStringLiteral("unable to create CT %1 - no space left on device").arg(vmid)),
                 qPrintable(out.error().message));
        QVERIFY(out.error().message.contains(QStringLiteral("Proxmox node 'pve1'")));
        QVERIFY(!m_emulator->guest(vmid).has_value()); // Proxmox removes a failed create's config
    }

    void taskTimeoutIsReported()
    {
        ProxmoxSettings s = settings();
        s.taskTimeoutMs = 400;
        ProxmoxClient client(s);
        const qint64 vmid = freeVmid(client);
        m_emulator->failNext(ProxmoxEmulator::Step::Create, ProxmoxEmulator::Fault::TaskNeverEnds);
        QElapsedTimer timer;
        timer.start();
        const Outcome out =
            await(client.runTask(client.createLxc(podSpec(vmid, QStringLiteral("mpanel-pod-51")))));
        QCOMPARE(out.error().code, QStringLiteral("proxmox_task_timeout"));
        QVERIFY(timer.elapsed() >= 400);
        QVERIFY(out.error().message.contains(QStringLiteral("still running")));
        // The guest exists, locked by its create: what a retry must find and adopt.
        QCOMPARE(m_emulator->guest(vmid)->lock, QStringLiteral("create"));
    }

    void lostPollIsRepeated()
    {
        ProxmoxSettings s = settings();
        s.timeoutMs = 300;
        ProxmoxClient client(s);
        const qint64 vmid = freeVmid(client);
        m_emulator->failNext(ProxmoxEmulator::Step::TaskStatus, ProxmoxEmulator::Fault::NoAnswer);
        m_emulator->failNext(ProxmoxEmulator::Step::TaskStatus, ProxmoxEmulator::Fault::AnswerLost);
        const Outcome out =
            await(client.runTask(client.createLxc(podSpec(vmid, QStringLiteral("mpanel-pod-52")))));
        QVERIFY2(out.ok(), qPrintable(out.error().message));
    }

    void vmidConflict()
    {
        ProxmoxClient client(settings());
        const qint64 vmid = freeVmid(client);
        QVERIFY(await(client.runTask(client.createLxc(podSpec(vmid, QStringLiteral("mpanel-pod-60"))))).ok());

        // The cluster-wide check answers synchronously with Proxmox's exact words.
        const int guestsBefore = int(m_emulator->guests().size());
        Outcome out = await(client.createLxc(podSpec(vmid, QStringLiteral("mpanel-pod-61"))));
        QCOMPARE(out.error().code, QStringLiteral("proxmox_vmid_exists"));
        QVERIFY(out.details.isVmidConflict());
        QVERIFY2(
            out.error().message.contains(QStringLiteral("CT %1 already exists on node 'pve1'").arg(vmid)),
            qPrintable(out.error().message));
        QCOMPARE(int(m_emulator->guests().size()), guestsBefore);
        QCOMPARE(m_emulator->guest(vmid)->tags.last(), QStringLiteral("mpanel-pod-60")); // untouched

        // The template's VMID belongs to a VM: the word changes.
        out = await(client.createLxc(podSpec(9000, QStringLiteral("mpanel-pod-62"))));
        QVERIFY(out.error().message.contains(QStringLiteral("VM 9000 already exists on node 'pve1'")));

        // nextid?vmid=N asserts that N is free: 400 with errors.vmid.
        out = await(client.nextVmid(vmid));
        QCOMPARE(out.error().code, QStringLiteral("proxmox_vmid_exists"));
        QCOMPARE(out.error().field, QStringLiteral("vmid"));
        QCOMPARE(parseNextVmid(await(client.nextVmid(vmid + 1000)).data()).value(), vmid + 1000);
    }

    void createIsNeverRepeated()
    {
        ProxmoxSettings s = settings();
        s.timeoutMs = 400;
        ProxmoxClient client(s);

        // Carried out, answer lost: the client reports it and does not send it again.
        qint64 vmid = freeVmid(client);
        int creates = m_emulator->createRequests();
        m_emulator->failNext(ProxmoxEmulator::Step::Create, ProxmoxEmulator::Fault::AnswerLost);
        Outcome out = await(client.runTask(client.createLxc(podSpec(vmid, QStringLiteral("mpanel-pod-70")))));
        QCOMPARE(out.error().code, QStringLiteral("proxmox_network"));
        QVERIFY(out.error().message.contains(QStringLiteral("look before repeating it")));
        QCOMPARE(m_emulator->createRequests(), creates + 1);
        // ... and the guest is there to be found by its tag.
        out = await(client.guests());
        auto tagged = guestsTagged(parseGuestResources(out.data()).value(), QStringLiteral("mpanel-pod-70"));
        QCOMPARE(tagged.size(), 1);
        QCOMPARE(tagged.first().vmid, vmid);

        // Carried out, no answer at all: a timeout, still one request.
        vmid = freeVmid(client);
        creates = m_emulator->createRequests();
        m_emulator->failNext(ProxmoxEmulator::Step::Create, ProxmoxEmulator::Fault::AnswerNever);
        out = await(client.createLxc(podSpec(vmid, QStringLiteral("mpanel-pod-71"))));
        QCOMPARE(out.error().code, QStringLiteral("proxmox_timeout"));
        QCOMPARE(m_emulator->createRequests(), creates + 1);
        QVERIFY(m_emulator->guest(vmid).has_value());

        // A 500 is not retried either.
        vmid = freeVmid(client);
        creates = m_emulator->createRequests();
        const int posts =
            countRequests(*m_emulator, QStringLiteral("POST"), QStringLiteral("/nodes/pve1/lxc"));
        m_emulator->failNext(ProxmoxEmulator::Step::Create, ProxmoxEmulator::Fault::ServerError);
        out = await(client.createLxc(podSpec(vmid, QStringLiteral("mpanel-pod-72"))));
        QCOMPARE(out.details.httpStatus, 500);
        QCOMPARE(countRequests(*m_emulator, QStringLiteral("POST"), QStringLiteral("/nodes/pve1/lxc")),
                 posts + 1);
        QCOMPARE(m_emulator->createRequests(), creates); // refused before the handler ran
        QVERIFY(!m_emulator->guest(vmid).has_value());
    }

    void readsAreRetried()
    {
        ProxmoxClient client(settings());
        m_emulator->clearRequests();
        m_emulator->failNext(ProxmoxEmulator::Step::Resources, ProxmoxEmulator::Fault::AnswerLost);
        const Outcome out = await(client.guests());
        QVERIFY2(out.ok(), qPrintable(out.error().message));
        QCOMPARE(countRequests(*m_emulator, QStringLiteral("GET"), QStringLiteral("/cluster/resources")), 2);
    }

    void clusterResourcesFilteredByTag()
    {
        ProxmoxEmulator::Guest stranger;
        stranger.vmid = 7000;
        stranger.name = QStringLiteral("someone-elses");
        stranger.tags = {QStringLiteral("prod")};
        m_emulator->addGuest(stranger);
        ProxmoxClient client(settings());
        const qint64 vmid = freeVmid(client);
        QVERIFY(await(client.runTask(client.createLxc(podSpec(vmid, QStringLiteral("mpanel-pod-80"))))).ok());

        m_emulator->clearRequests();
        const Outcome out = await(client.guests());
        QVERIFY(m_emulator->requests().constFirst().rawQuery == "type=vm");
        auto guests = parseGuestResources(out.data());
        QVERIFY(guests.ok());
        // type=vm lists containers and VMs alike.
        bool sawQemu = false, sawLxc = false;
        for (const GuestResource &g : guests.value()) {
            sawQemu = sawQemu || (g.type == QLatin1String("qemu") && g.vmid == 9000 && g.isTemplate);
            sawLxc = sawLxc || g.type == QLatin1String("lxc");
        }
        QVERIFY(sawQemu && sawLxc);
        const auto pod = guestsTagged(guests.value(), QStringLiteral("mpanel-pod-80"));
        QCOMPARE(pod.size(), 1);
        QCOMPARE(pod.first().vmid, vmid);
        QCOMPARE(pod.first().id, QStringLiteral("lxc/%1").arg(vmid));
        QCOMPARE(pod.first().node, QStringLiteral("pve1"));
        QVERIFY(guestsTagged(guests.value(), QStringLiteral("mpanel-pod-8")).isEmpty()); // whole tags only
        QVERIFY(guestsTagged(guests.value(), QStringLiteral("mpanel")).size() >= 2);
        QCOMPARE(guestsTagged(guests.value(), QStringLiteral("prod")).first().vmid, qint64(7000));
    }

    void cloneConfigureStopAndDestroy()
    {
        ProxmoxClient client(settings());
        const qint64 vmid = freeVmid(client);
        QemuCloneSpec clone;
        clone.node = QStringLiteral("pve1");
        clone.templateVmid = 9000;
        clone.newid = vmid;
        clone.name = QStringLiteral("vm-pod-90");
        clone.full = true;
        clone.storage = QStringLiteral("local-lvm");
        Outcome out = await(client.runTask(client.cloneQemu(clone)));
        QVERIFY2(out.ok(), qPrintable(out.error().message));
        QCOMPARE(out.data().toObject().value(QLatin1String("type")).toString(), QStringLiteral("qmclone"));

        QemuConfigSpec config;
        config.ciuser = QStringLiteral("debian");
        config.sshkeys = QStringLiteral(
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJELPROQYX6VIBEXljaoDxVb9qtCnsffJSl5IAE/+Gdg me@host");
        config.ipconfig0 = QStringLiteral("ip=10.30.0.9/24,gw=10.30.0.1");
        config.cores = 4;
        config.tags = QStringList{QStringLiteral("mpanel"), QStringLiteral("mpanel-pod-90")};
        config.agent = true;
        out = await(client.runTask(client.setQemuConfig(QStringLiteral("pve1"), vmid, config)));
        QVERIFY2(out.ok(), qPrintable(out.error().message));
        auto guest = m_emulator->guest(vmid);
        QCOMPARE(guest->cores, 4);
        // sshkeys is itself URL-encoded inside the form (proxmox.md section 3); Proxmox decodes it
        // (and checks the keys) before storing.
        QCOMPARE(guest->sshKeys, config.sshkeys);
        QCOMPARE(guest->tags.last(), QStringLiteral("mpanel-pod-90"));

        QVERIFY(await(client.runTask(client.startGuest(GuestType::Qemu, QStringLiteral("pve1"), vmid))).ok());
        out = await(client.qemuAgentInterfaces(QStringLiteral("pve1"), vmid));
        QCOMPARE(firstIpv4(parseGuestInterfaces(out.data()).value()), QStringLiteral("10.30.0.9"));

        // Destroying a running VM is refused; stop, then destroy with purge.
        out = await(client.destroyGuest(GuestType::Qemu, QStringLiteral("pve1"), vmid));
        QVERIFY(out.error().message.contains(QStringLiteral("VM %1 is running - destroy failed").arg(vmid)));
        QVERIFY(await(client.runTask(client.shutdownGuest(GuestType::Qemu, QStringLiteral("pve1"), vmid, 30)))
                    .ok());
        QCOMPARE(m_emulator->guest(vmid)->status, QStringLiteral("stopped"));
        m_emulator->clearRequests();
        out = await(client.runTask(client.destroyGuest(GuestType::Qemu, QStringLiteral("pve1"), vmid)));
        QVERIFY2(out.ok(), qPrintable(out.error().message));
        const auto &del = m_emulator->requests().constFirst();
        QCOMPARE(del.method, QStringLiteral("DELETE"));
        QVERIFY(del.body.isEmpty()); // a DELETE body is refused with 501
        QVERIFY(del.rawQuery.contains("purge=1"));
        QVERIFY(del.rawQuery.contains("destroy-unreferenced-disks=1"));
        QVERIFY(!m_emulator->guest(vmid).has_value());

        // And the LXC way: stop.
        const qint64 ct = freeVmid(client);
        LxcCreateSpec spec = podSpec(ct, QStringLiteral("mpanel-pod-91"));
        spec.start = true;
        QVERIFY(await(client.runTask(client.createLxc(spec))).ok());
        QVERIFY(await(client.runTask(client.stopGuest(GuestType::Lxc, QStringLiteral("pve1"), ct))).ok());
        out = await(client.stopGuest(GuestType::Lxc, QStringLiteral("pve1"), ct));
        QVERIFY(out.error().message.contains(QStringLiteral("CT %1 not running").arg(ct)));
        QVERIFY(await(client.runTask(client.destroyGuest(GuestType::Lxc, QStringLiteral("pve1"), ct))).ok());
        QVERIFY(!m_emulator->guest(ct).has_value());
    }

    // --- TLS ---------------------------------------------------------------------------------

    void pinnedFingerprintIsAccepted()
    {
        ProxmoxSettings s = settings();
        s.caCertificates.clear();
        s.pinnedSha256 = ProxmoxEmulator::certificateSha256();
        ProxmoxClient client(s);
        const Outcome out = await(client.version());
        QVERIFY2(out.ok(), qPrintable(out.error().message));

        // The node certificate is issued for pve1/localhost/127.0.0.1; a pin also covers a name
        // mismatch (the certificate is identified by its digest, not its name).
        s.apiBase.setHost(QStringLiteral("localhost"));
        ProxmoxClient byName(s);
        QVERIFY(await(byName.version()).ok());
    }

    void wrongFingerprintIsRefusedBeforeSending()
    {
        ProxmoxSettings s = settings();
        s.caCertificates.clear();
        s.pinnedSha256 = QCryptographicHash::hash("another certificate", QCryptographicHash::Sha256);
        ProxmoxClient client(s);
        m_emulator->clearRequests();
        Outcome out = await(client.createLxc(podSpec(777, QStringLiteral("mpanel-pod-99"))));
        QCOMPARE(out.error().code, QStringLiteral("proxmox_tls"));
        const QString presented = ProxmoxSettings::formatFingerprint(ProxmoxEmulator::certificateSha256());
        QVERIFY2(out.error().message.contains(presented), qPrintable(out.error().message));
        QVERIFY(out.error().message.contains(QStringLiteral("not the pinned")));
        QCOMPARE(m_emulator->requests().size(), 0); // neither the token nor the body went out
        QVERIFY(!m_emulator->guest(777).has_value());

        // No CA and no pin: the self-signed chain is refused, with the fingerprint to check.
        s.pinnedSha256.clear();
        ProxmoxClient untrusted(s);
        out = await(untrusted.version());
        QCOMPARE(out.error().code, QStringLiteral("proxmox_tls"));
        QVERIFY(out.error().message.contains(presented));
        QCOMPARE(m_emulator->requests().size(), 0);
    }

    void pinningExcusesOnlyPinnableErrors()
    {
        const QSslCertificate leaf = ProxmoxEmulator::certificate();
        const QByteArray pin = ProxmoxEmulator::certificateSha256();
        const QList<QSslError> selfSigned{QSslError(QSslError::UnableToGetLocalIssuerCertificate, leaf),
                                          QSslError(QSslError::HostNameMismatch, leaf)};
        auto accepted = errorsToIgnoreForPin(selfSigned, {leaf}, pin);
        QVERIFY(accepted.ok());
        QCOMPARE(accepted->size(), 2);
        const QList<QSslError> expired{QSslError(QSslError::CertificateExpired, leaf)};
        QCOMPARE(errorsToIgnoreForPin(expired, {leaf}, pin).error().code, QStringLiteral("proxmox_tls"));
        const QList<QSslError> stranger{
            QSslError(QSslError::SelfSignedCertificate, ProxmoxEmulator::caCertificate())};
        QVERIFY(!errorsToIgnoreForPin(stranger, {leaf}, pin).ok()); // about a certificate outside the chain
        QVERIFY(!errorsToIgnoreForPin(selfSigned, {}, pin).ok());
    }

    // --- job workers -----------------------------------------------------------------------

    void blockingCallOnAWorkerThread()
    {
        const ProxmoxSettings s = settings();
        // Not on the main thread: that would be a nested event loop.
        const ProxmoxResult refused = runProxmoxCall(s, [](ProxmoxClient &c) { return c.version(); });
        QCOMPARE(refused.error().code, QStringLiteral("proxmox_blocking_not_allowed"));

        std::optional<ProxmoxResult> result;
        QThread *worker = QThread::create([&] {
            result = runProxmoxCall(s, [](ProxmoxClient &c) -> ProxmoxCall * {
                LxcCreateSpec spec;
                spec.node = QStringLiteral("pve1");
                spec.vmid = 4321;
                spec.ostemplate = QStringLiteral("local:vztmpl/ubuntu-24.04-standard_24.04-2_amd64.tar.zst");
                spec.tags = {QStringLiteral("mpanel-pod-100")};
                return c.runTask(c.createLxc(spec));
            });
        });
        QSignalSpy done(worker, &QThread::finished);
        worker->start();
        QVERIFY(done.wait(10000));
        delete worker;
        QVERIFY(result.has_value());
        QVERIFY2(result->ok(), result->ok() ? "" : qPrintable(result->error().message));
        QCOMPARE(m_emulator->guest(4321)->tags.first(), QStringLiteral("mpanel-pod-100"));
    }
};

QTEST_GUILESS_MAIN(TestProxmoxClient)
#include "tst_proxmox_client.moc"
