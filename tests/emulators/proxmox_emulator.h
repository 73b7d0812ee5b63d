#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace mp::test {

class ProxmoxEmulatorServer;

// An in-process stand-in for a Proxmox VE cluster, over HTTPS on loopback, speaking the wire
// format of the API subset mPanel uses (proxmox.md; checklist in its section 5):
//   - API-token auth (`Authorization: PVEAPIToken=USER@REALM!TOKENID=SECRET`); anything else is
//     401 with an empty body, delayed like Proxmox (3 s by default, settable);
//   - {"data": ...} answers; errors with the message in the HTTP reason phrase and in
//     `message` (off with setLegacyErrors), parameter errors as 400 + `errors`; strict
//     parameters: unknown ones, missing required ones and booleans other than 0/1 are refused;
//   - mutations answer a UPID in the real format and run as tasks that take a configurable time
//     and stop with exitstatus OK or an error; guests are locked while their create/destroy task
//     runs; a reused VMID is refused with Proxmox's exact words;
//   - nodes with capacity, storages with templates, tagged guests, addresses: a static ip= in
//     net0 / ipconfig0, else one from 10.10.0.0/24 when the guest starts;
//   - fault injection per step: an HTTP 500, a task that ends in error or never ends, no answer
//     at all, or the request carried out and its answer lost.
// The certificate is a test-only CA and node certificate (tests/fixtures/proxmox) for
// 127.0.0.1 / localhost / pve1.
class ProxmoxEmulator : public QObject {
    Q_OBJECT
public:
    enum class Step {
        NextId,
        Create,
        Clone,
        Config,
        Start,
        Stop,
        Shutdown,
        Destroy,
        TaskStatus,
        Resources,
        Any
    };
    enum class Fault {
        ServerError,   // 500 at once, nothing done
        TaskError,     // accepted (UPID), then the task stops with an error exitstatus
        TaskNeverEnds, // accepted, the task stays "running"
        NoAnswer,      // nothing done, the connection stays silent
        AnswerLost,    // carried out, then the connection closes without an answer
        AnswerNever    // carried out, no answer ever (the client's timeout fires)
    };

    struct Node {
        QString name;
        int cpus = 16;
        qint64 memoryMiB = 65536;
        qint64 rootfsGiB = 100;
        bool online = true;
    };
    struct Storage {
        QString node;
        QString storage;
        QString pluginType; // dir, lvmthin
        QStringList content;
        qint64 capacityGiB = 500;
    };
    struct Guest {
        qint64 vmid = 0;
        QString type = QStringLiteral("lxc"); // lxc / qemu
        QString node = QStringLiteral("pve1");
        QString name;
        int cores = 1;
        int memoryMiB = 512;
        int swapMiB = 512;
        QString storage = QStringLiteral("local-lvm");
        int diskGiB = 8;
        QString net0;
        QString ipconfig0;
        QStringList tags;
        QString status = QStringLiteral("stopped");
        QString lock;
        bool isTemplate = false;
        QString ostemplate;
        QString ipv4; // assigned while running
        QString hwaddr;
        bool unprivileged = true;
        QString password; // what create (LXC) or cloud-init (cipassword) received, for tests
        QString sshKeys;  // authorized keys as the guest gets them (sshkeys URL-decoded)
        QString ciuser;
        bool agent = false;                   // QEMU guest agent configured (and running with the VM)
        QMap<QString, QString> userPasswords; // set through the guest agent, by user
        int passwordResets = 0;
    };
    struct Task {
        QString upid;
        QString node;
        QString type;
        QString id;
        QString user;
        QString status = QStringLiteral("running");
        QString exitStatus;
        QStringList log;
    };
    struct RecordedRequest {
        QString method;
        QString path;       // decoded
        QByteArray rawPath; // as sent, percent-encoding intact
        QByteArray rawQuery;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body;
        QByteArray header(const QByteArray &name) const;
    };
    struct Usage { // what the guests on a node have been given
        int cores = 0;
        qint64 memoryMiB = 0;
        qint64 diskGiB = 0;
        int guests = 0;
    };

    explicit ProxmoxEmulator(QObject *parent = nullptr);
    ~ProxmoxEmulator() override;

    // Listens on `listen` (default 127.0.0.1 at a free port), over TLS with the fixture certificate.
    Result<quint16> start(const QString &listen = QStringLiteral("127.0.0.1:0"));
    // Answers /api2/json/emulator/{fail,clear,guests} (the standalone binary turns it on).
    void enableControlEndpoint(bool enabled) { m_controlEnabled = enabled; }
    // Plays the guest's init (cloud-init, the container's create): the SSH keys a guest is given
    // are written to this authorized_keys file (a real sshd on loopback stands in for the guest).
    void setGuestAuthorizedKeysFile(const QString &path) { m_guestKeysFile = path; }
    // "create", "start", ... and "http-500", "task-error", "timeout", ... (the control names).
    static std::optional<Step> stepFromName(const QString &name);
    static std::optional<Fault> faultFromName(const QString &name);
    QUrl apiBase() const;                   // https://127.0.0.1:PORT/api2/json
    static QSslCertificate certificate();   // the node certificate (leaf)
    static QSslCertificate caCertificate(); // the CA that signed it
    static QByteArray certificateSha256();  // the leaf's digest, what staff pin

    void setToken(const QString &tokenId, const QString &secret);
    QString tokenId() const { return m_tokenId; }
    QString tokenSecret() const { return m_tokenSecret; }
    void setAuthFailureDelayMs(int ms) { m_authDelayMs = ms; }
    // How long tasks run before they stop (default 200 ms); per task type ("vzcreate") too.
    void setTaskDurationMs(int ms) { m_taskDurationMs = ms; }
    void setTaskDurationMs(const QString &type, int ms) { m_taskDurations.insert(type, ms); }
    // Pre-5.2 servers: the error text only in the reason phrase, no `message` in the body.
    void setLegacyErrors(bool legacy) { m_legacyErrors = legacy; }

    void addNode(const Node &node);
    void setNodeOnline(const QString &node, bool online);
    void addStorage(const Storage &storage);
    void addTemplate(const QString &node, const QString &storage, const QString &fileName, qint64 sizeBytes);
    void addGuest(const Guest &guest); // a guest that exists already (a template, a stranger)
    void removeGuest(qint64 vmid) { m_guests.remove(vmid); } // gone behind mPanel's back

    // The next `count` requests of `step` run into `fault`; `message` replaces the default text.
    void failNext(Step step, Fault fault, int count = 1, const QString &message = {});
    void clearFaults() { m_faults.clear(); }

    std::optional<Guest> guest(qint64 vmid) const;
    QList<Guest> guests() const { return m_guests.values(); }
    QList<Guest> guestsTagged(const QString &tag) const;
    std::optional<Task> task(const QString &upid) const;
    Usage usage(const QString &node) const;
    // Create and clone requests that reached the API (accepted or refused).
    int createRequests() const { return m_createRequests; }
    const QList<RecordedRequest> &requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }

private:
    friend class ProxmoxEmulatorServer;

    struct Call {
        QString method;
        QString path; // below /api2/json
        QHash<QString, QString> pathParams;
        QMap<QString, QString> params; // query and form, merged
        std::optional<Fault> taskFault;
        QString faultMessage;
    };
    struct Reply {
        int status = 200;
        QString reason = QStringLiteral("OK");
        QJsonValue data;
        QJsonObject errors;
        bool emptyBody = false;
    };
    enum class Type { Bool, Int, String };
    struct Param {
        QString name;
        Type type;
        bool required = false;
    };
    using Handler = Reply (ProxmoxEmulator::*)(const Call &);
    struct Route {
        QString method;
        QStringList segments;
        Handler handler;
        Step step;
        QList<Param> params;
    };

    void addRoutes();
    const Route *findRoute(const QString &method, const QStringList &segments,
                           QHash<QString, QString> *params) const;
    std::optional<QPair<Fault, QString>> takeFault(Step step);
    Reply process(const QString &method, const QString &path, const QMap<QString, QString> &params,
                  bool hasBodyOnDelete, std::optional<QPair<Fault, QString>> *fault, bool *authFailed,
                  const QByteArray &authorization);
    QByteArray render(const Reply &reply) const;
    Reply control(const QString &method, const QString &path, const QMap<QString, QString> &params);

    static Reply ok(const QJsonValue &data);
    static Reply error(int status, const QString &message);
    static Reply paramError(const QJsonObject &errors);
    Reply checkParams(const Route &route, const Call &call) const;

    // Endpoints (proxmox_emulator_api.cpp).
    Reply version(const Call &call);
    Reply nextId(const Call &call);
    Reply clusterResources(const Call &call);
    Reply nodeStatus(const Call &call);
    Reply storageContent(const Call &call);
    Reply listGuests(const Call &call);
    Reply createLxc(const Call &call);
    Reply cloneGuest(const Call &call);
    Reply setQemuConfig(const Call &call);
    Reply guestStatus(const Call &call);
    Reply startGuest(const Call &call);
    Reply stopGuest(const Call &call);
    Reply destroyGuest(const Call &call);
    Reply lxcInterfaces(const Call &call);
    Reply qemuAgentInterfaces(const Call &call);
    Reply qemuAgentSetUserPassword(const Call &call);
    Reply taskStatus(const Call &call);
    Reply taskLog(const Call &call);

    // Helpers shared by the endpoints.
    std::optional<Reply> checkNode(const QString &node) const;
    // PVE::Tools::validate_ssh_public_keys: every non-blank line must read with `ssh-keygen -l`.
    static bool validSshPublicKeys(const QString &keys);
    Guest *findGuest(const Call &call, const QString &type, Reply *error);
    // A task that stops after its duration: `work` applies its effect and returns "" or the
    // error exitstatus; `cleanup` undoes what the request did when the task fails.
    QString startTask(const QString &node, const QString &type, const QString &id, const Call &call,
                      std::function<QString()> work, std::function<void()> cleanup = {});
    void finishTask(const QString &upid);
    void assignAddress(Guest &guest);
    qint64 storageUsedGiB(const QString &node, const QString &storage) const;
    const Storage *findStorage(const QString &node, const QString &storage) const;
    QString tokenUser() const;

    std::unique_ptr<ProxmoxEmulatorServer> m_server;
    quint16 m_port = 0;
    QString m_tokenId = QStringLiteral("mpanel@pve!prov");
    QString m_tokenSecret = QStringLiteral("5f0c2a8e-8d55-4c1f-9a57-3b8f0c3e7d21");
    int m_authDelayMs = 3000;
    int m_taskDurationMs = 200;
    QHash<QString, int> m_taskDurations;
    bool m_legacyErrors = false;
    bool m_controlEnabled = false;
    QString m_guestKeysFile;
    void installGuestKeys(const QString &keys) const;
    QList<Route> m_routes;
    QMap<QString, Node> m_nodes;
    QList<Storage> m_storages;
    QMap<QString, QList<QJsonObject>> m_volumes; // "node/storage" -> content entries
    QMap<qint64, Guest> m_guests;
    QHash<QString, Task> m_tasks;
    struct PendingTask {
        std::function<QString()> work;
        std::function<void()> cleanup;
        std::optional<Fault> fault;
        QString faultMessage;
    };
    QHash<QString, PendingTask> m_pending;
    struct InjectedFault {
        Step step;
        Fault fault;
        QString message;
    };
    QList<InjectedFault> m_faults;
    QList<RecordedRequest> m_requests;
    int m_createRequests = 0;
    quint32 m_nextPid = 0x1000;
    int m_nextHostOctet = 100;
};

} // namespace mp::test
