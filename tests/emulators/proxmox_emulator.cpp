// The emulator's plumbing: TLS, token auth, routing with Proxmox's parameter checks, the
// envelope and error shapes written as raw HTTP (Proxmox puts its message in the reason phrase,
// which QHttpServerResponder cannot set), fault injection and tasks. The endpoints live in
// proxmox_emulator_api.cpp.
#include "emulators/proxmox_emulator.h"

#include "core/clock.h"
#include "http/http_server.h"
#include "proxmox/proxmox_params.h"

#include <QCryptographicHash>
#include <QFile>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

static void initProxmoxFixtures()
{
    Q_INIT_RESOURCE(proxmox_fixtures);
}

namespace mp::test {

namespace {

QString methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    default:
        return QStringLiteral("OTHER");
    }
}

QByteArray readFixture(const QString &name)
{
    initProxmoxFixtures();
    QFile file(QStringLiteral(":/proxmox-fixtures/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("proxmox emulator: fixture %s missing", qPrintable(name));
    return file.readAll();
}

} // namespace

// mp::HttpServer for listening; every request is answered here with raw HTTP.
class ProxmoxEmulatorServer : public HttpServer {
public:
    explicit ProxmoxEmulatorServer(ProxmoxEmulator *emulator) : m_emulator(emulator) {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        const QString method = methodName(request.method());
        const QUrl url = request.url();
        ProxmoxEmulator::RecordedRequest recorded{method,
                                                  url.path(QUrl::FullyDecoded),
                                                  url.path(QUrl::FullyEncoded).toLatin1(),
                                                  url.query(QUrl::FullyEncoded).toLatin1(),
                                                  request.headers(),
                                                  request.body()};
        m_emulator->m_requests.append(recorded);

        // Form or JSON body first; query parameters win on a clash (proxmox.md section 1).
        QMap<QString, QString> params;
        const bool hasBody = method == QLatin1String("POST") || method == QLatin1String("PUT");
        if (hasBody) {
            const QByteArray body = request.body();
            if (recorded.header("Content-Type").startsWith("application/json")) {
                const QJsonObject o = QJsonDocument::fromJson(body).object();
                for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
                    const QJsonValue v = it.value();
                    params.insert(it.key(), v.isBool()     ? QString::number(v.toBool() ? 1 : 0)
                                            : v.isDouble() ? QString::number(v.toDouble())
                                                           : v.toString());
                }
            } else {
                const auto pairs = proxmox::Params::decode(body).pairs();
                for (const auto &[key, value] : pairs)
                    params.insert(key, value);
            }
        }
        const auto queryItems = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
        for (const auto &[key, value] : queryItems)
            params.insert(key, value);

        if (m_emulator->m_controlEnabled && recorded.path.startsWith(QLatin1String("/api2/json/emulator/"))) {
            const QString controlPath = recorded.path.mid(int(qstrlen("/api2/json")));
            socket->write(m_emulator->render(m_emulator->control(method, controlPath, params)));
            return true;
        }
        std::optional<QPair<ProxmoxEmulator::Fault, QString>> fault;
        bool authFailed = false;
        const bool bodyOnDelete = method == QLatin1String("DELETE") && !request.body().isEmpty();
        const ProxmoxEmulator::Reply reply =
            m_emulator->process(method, recorded.path, params, bodyOnDelete, &fault, &authFailed,
                                recorded.header("Authorization"));
        if (fault && (fault->first == ProxmoxEmulator::Fault::NoAnswer ||
                      fault->first == ProxmoxEmulator::Fault::AnswerNever))
            return true; // the socket stays open and silent until the client gives up
        if (fault && fault->first == ProxmoxEmulator::Fault::AnswerLost) {
            QTimer::singleShot(0, socket, [socket] { socket->abort(); });
            return true;
        }
        const QByteArray bytes = m_emulator->render(reply);
        if (authFailed && m_emulator->m_authDelayMs > 0) {
            // Proxmox delays failed authentications by 3 s (proxmox.md section 1).
            QTimer::singleShot(m_emulator->m_authDelayMs, socket, [socket, bytes] { socket->write(bytes); });
            return true;
        }
        socket->write(bytes);
        return true;
    }

    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    ProxmoxEmulator *m_emulator;
};

QByteArray ProxmoxEmulator::RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

ProxmoxEmulator::ProxmoxEmulator(QObject *parent)
    : QObject(parent), m_server(std::make_unique<ProxmoxEmulatorServer>(this))
{
    addRoutes();
    addNode(Node{QStringLiteral("pve1")});
    addStorage(Storage{QStringLiteral("pve1"),
                       QStringLiteral("local"),
                       QStringLiteral("dir"),
                       {QStringLiteral("vztmpl"), QStringLiteral("iso"), QStringLiteral("backup")},
                       100});
    addStorage(Storage{QStringLiteral("pve1"),
                       QStringLiteral("local-lvm"),
                       QStringLiteral("lvmthin"),
                       {QStringLiteral("images"), QStringLiteral("rootdir")},
                       500});
    addTemplate(QStringLiteral("pve1"), QStringLiteral("local"),
                QStringLiteral("debian-12-standard_12.7-1_amd64.tar.zst"), 126464165);
    addTemplate(QStringLiteral("pve1"), QStringLiteral("local"),
                QStringLiteral("ubuntu-24.04-standard_24.04-2_amd64.tar.zst"), 141637436);
}

ProxmoxEmulator::~ProxmoxEmulator() = default;

QSslCertificate ProxmoxEmulator::certificate()
{
    return QSslCertificate(readFixture(QStringLiteral("node.pem")), QSsl::Pem);
}

QSslCertificate ProxmoxEmulator::caCertificate()
{
    return QSslCertificate(readFixture(QStringLiteral("ca.pem")), QSsl::Pem);
}

QByteArray ProxmoxEmulator::certificateSha256()
{
    return certificate().digest(QCryptographicHash::Sha256);
}

Result<quint16> ProxmoxEmulator::start(const QString &listen)
{
    const QSslKey key(readFixture(QStringLiteral("node.key")), QSsl::Rsa, QSsl::Pem);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain({certificate(), caCertificate()});
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_server->sslSetup(config);
    auto port = m_server->listenOn(listen);
    if (port)
        m_port = port.value();
    return port;
}

std::optional<ProxmoxEmulator::Step> ProxmoxEmulator::stepFromName(const QString &name)
{
    static const QHash<QString, Step> steps{{QStringLiteral("nextid"), Step::NextId},
                                            {QStringLiteral("create"), Step::Create},
                                            {QStringLiteral("clone"), Step::Clone},
                                            {QStringLiteral("config"), Step::Config},
                                            {QStringLiteral("start"), Step::Start},
                                            {QStringLiteral("stop"), Step::Stop},
                                            {QStringLiteral("shutdown"), Step::Shutdown},
                                            {QStringLiteral("destroy"), Step::Destroy},
                                            {QStringLiteral("task-status"), Step::TaskStatus},
                                            {QStringLiteral("resources"), Step::Resources},
                                            {QStringLiteral("any"), Step::Any}};
    if (!steps.contains(name))
        return std::nullopt;
    return steps.value(name);
}

std::optional<ProxmoxEmulator::Fault> ProxmoxEmulator::faultFromName(const QString &name)
{
    static const QHash<QString, Fault> faults{{QStringLiteral("http-500"), Fault::ServerError},
                                              {QStringLiteral("task-error"), Fault::TaskError},
                                              {QStringLiteral("task-never-ends"), Fault::TaskNeverEnds},
                                              {QStringLiteral("timeout"), Fault::NoAnswer},
                                              {QStringLiteral("answer-lost"), Fault::AnswerLost},
                                              {QStringLiteral("answer-never"), Fault::AnswerNever}};
    if (!faults.contains(name))
        return std::nullopt;
    return faults.value(name);
}

// The standalone binary's switches: POST /emulator/fail {step, fault, count, message},
// POST /emulator/clear, GET /emulator/guests. No token: loopback test tool only.
ProxmoxEmulator::Reply ProxmoxEmulator::control(const QString &method, const QString &path,
                                                const QMap<QString, QString> &params)
{
    if (method == QLatin1String("POST") && path == QLatin1String("/emulator/fail")) {
        const auto step = stepFromName(params.value(QStringLiteral("step")));
        const auto fault = faultFromName(params.value(QStringLiteral("fault")));
        if (!step || !fault)
            return error(400, QStringLiteral("step is nextid|create|clone|config|start|stop|shutdown|destroy|"
                                             "task-status|resources|any, fault is http-500|task-error|"
                                             "task-never-ends|timeout|answer-lost|answer-never"));
        failNext(*step, *fault, qMax(1, params.value(QStringLiteral("count"), QStringLiteral("1")).toInt()),
                 params.value(QStringLiteral("message")));
        return ok(QStringLiteral("armed"));
    }
    if (method == QLatin1String("POST") && path == QLatin1String("/emulator/clear")) {
        clearFaults();
        return ok(QStringLiteral("cleared"));
    }
    if (method == QLatin1String("GET") && path == QLatin1String("/emulator/guests")) {
        QJsonArray list;
        for (const Guest &g : std::as_const(m_guests))
            list.append(QJsonObject{{QStringLiteral("vmid"), g.vmid},
                                    {QStringLiteral("type"), g.type},
                                    {QStringLiteral("node"), g.node},
                                    {QStringLiteral("name"), g.name},
                                    {QStringLiteral("status"), g.status},
                                    {QStringLiteral("ip"), g.ipv4},
                                    {QStringLiteral("tags"), g.tags.join(u';')}});
        return ok(list);
    }
    return error(501, QStringLiteral("Method '%1 %2' not implemented").arg(method, path));
}

QUrl ProxmoxEmulator::apiBase() const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1/api2/json").arg(m_port));
}

void ProxmoxEmulator::setToken(const QString &tokenId, const QString &secret)
{
    m_tokenId = tokenId;
    m_tokenSecret = secret;
}

void ProxmoxEmulator::addNode(const Node &node)
{
    m_nodes.insert(node.name, node);
}

void ProxmoxEmulator::setNodeOnline(const QString &node, bool online)
{
    if (m_nodes.contains(node))
        m_nodes[node].online = online;
}

void ProxmoxEmulator::addStorage(const Storage &storage)
{
    m_storages.append(storage);
}

void ProxmoxEmulator::addTemplate(const QString &node, const QString &storage, const QString &fileName,
                                  qint64 sizeBytes)
{
    m_volumes[node + u'/' + storage].append(
        QJsonObject{{QStringLiteral("volid"), QStringLiteral("%1:vztmpl/%2").arg(storage, fileName)},
                    {QStringLiteral("format"), QStringLiteral("tzst")},
                    {QStringLiteral("content"), QStringLiteral("vztmpl")},
                    {QStringLiteral("size"), sizeBytes},
                    {QStringLiteral("ctime"), 1730000000}});
}

void ProxmoxEmulator::addGuest(const Guest &guest)
{
    m_guests.insert(guest.vmid, guest);
}

void ProxmoxEmulator::failNext(Step step, Fault fault, int count, const QString &message)
{
    for (int i = 0; i < count; ++i)
        m_faults.append(InjectedFault{step, fault, message});
}

std::optional<ProxmoxEmulator::Guest> ProxmoxEmulator::guest(qint64 vmid) const
{
    const auto it = m_guests.constFind(vmid);
    if (it == m_guests.constEnd())
        return std::nullopt;
    return *it;
}

QList<ProxmoxEmulator::Guest> ProxmoxEmulator::guestsTagged(const QString &tag) const
{
    QList<Guest> tagged;
    for (const Guest &g : m_guests) {
        if (g.tags.contains(tag))
            tagged.append(g);
    }
    return tagged;
}

std::optional<ProxmoxEmulator::Task> ProxmoxEmulator::task(const QString &upid) const
{
    const auto it = m_tasks.constFind(upid);
    if (it == m_tasks.constEnd())
        return std::nullopt;
    return *it;
}

ProxmoxEmulator::Usage ProxmoxEmulator::usage(const QString &node) const
{
    Usage u;
    for (const Guest &g : m_guests) {
        if (g.node != node || g.isTemplate)
            continue;
        u.cores += g.cores;
        u.memoryMiB += g.memoryMiB;
        u.diskGiB += g.diskGiB;
        ++u.guests;
    }
    return u;
}

std::optional<QPair<ProxmoxEmulator::Fault, QString>> ProxmoxEmulator::takeFault(Step step)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        if (m_faults.at(i).step == step || m_faults.at(i).step == Step::Any) {
            const InjectedFault f = m_faults.takeAt(i);
            return qMakePair(f.fault, f.message);
        }
    }
    return std::nullopt;
}

ProxmoxEmulator::Reply ProxmoxEmulator::ok(const QJsonValue &data)
{
    Reply r;
    r.data = data;
    return r;
}

ProxmoxEmulator::Reply ProxmoxEmulator::error(int status, const QString &message)
{
    Reply r;
    r.status = status;
    r.reason = message;
    r.data = QJsonValue::Null;
    return r;
}

ProxmoxEmulator::Reply ProxmoxEmulator::paramError(const QJsonObject &errors)
{
    Reply r = error(400, QStringLiteral("Parameter verification failed."));
    r.errors = errors;
    return r;
}

QString ProxmoxEmulator::tokenUser() const
{
    return m_tokenId;
}

const ProxmoxEmulator::Route *ProxmoxEmulator::findRoute(const QString &method, const QStringList &segments,
                                                         QHash<QString, QString> *params) const
{
    for (const Route &route : m_routes) {
        if (route.method != method || route.segments.size() != segments.size())
            continue;
        QHash<QString, QString> found;
        bool match = true;
        for (qsizetype i = 0; i < segments.size() && match; ++i) {
            const QString &pattern = route.segments.at(i);
            if (pattern.startsWith(u'{'))
                found.insert(pattern.mid(1, pattern.size() - 2), segments.at(i));
            else
                match = pattern == segments.at(i);
        }
        if (match) {
            *params = found;
            return &route;
        }
    }
    return nullptr;
}

ProxmoxEmulator::Reply ProxmoxEmulator::checkParams(const Route &route, const Call &call) const
{
    // The JSON schema checks of PVE::JSONSchema, with its wording (proxmox.md section 1).
    QJsonObject errors;
    for (auto it = call.params.constBegin(); it != call.params.constEnd(); ++it) {
        if (call.pathParams.contains(it.key()))
            continue;
        const Param *param = nullptr;
        for (const Param &p : route.params) {
            if (p.name == it.key())
                param = &p;
        }
        if (!param) {
            errors.insert(it.key(),
                          QStringLiteral("property is not defined in schema and the schema does not "
                                         "allow additional properties"));
            continue;
        }
        static const QRegularExpression integer(QStringLiteral("^-?\\d+$"));
        if (param->type == Type::Bool && it.value() != QLatin1String("0") && it.value() != QLatin1String("1"))
            errors.insert(it.key(),
                          QStringLiteral("type check ('boolean') failed - got '%1'").arg(it.value()));
        else if (param->type == Type::Int && !integer.match(it.value()).hasMatch())
            errors.insert(it.key(),
                          QStringLiteral("type check ('integer') failed - got '%1'").arg(it.value()));
    }
    for (const Param &p : route.params) {
        if (p.required && !call.params.contains(p.name))
            errors.insert(p.name, QStringLiteral("property is missing and it is not optional"));
    }
    for (const QString &name : {QStringLiteral("vmid"), QStringLiteral("newid")}) {
        const QString value = call.pathParams.value(name, call.params.value(name));
        if (!value.isEmpty() && !errors.contains(name) && value.toLongLong() < 100)
            errors.insert(name, QStringLiteral("value must have a minimum value of 100"));
    }
    if (!errors.isEmpty())
        return paramError(errors);
    return Reply{};
}

ProxmoxEmulator::Reply ProxmoxEmulator::process(const QString &method, const QString &path,
                                                const QMap<QString, QString> &params, bool bodyOnDelete,
                                                std::optional<QPair<Fault, QString>> *fault, bool *authFailed,
                                                const QByteArray &authorization)
{
    const QString base = QStringLiteral("/api2/json");
    if (!path.startsWith(base + u'/'))
        return error(501, QStringLiteral("Method '%1 %2' not implemented").arg(method, path));
    const QString sub = path.mid(base.size());

    // Token auth: the text after "PVEAPIToken=" up to ';', split at the last '='
    // (proxmox.md section 2). 401s carry no body.
    QByteArray value = authorization;
    if (value.startsWith("PVEAPIToken=") || value.startsWith("PVEAPIToken "))
        value = value.mid(12);
    else
        value.clear();
    value = value.left(value.indexOf(';') < 0 ? value.size() : value.indexOf(';'));
    const qsizetype eq = value.lastIndexOf('=');
    const QString id = eq < 0 ? QString() : QString::fromUtf8(value.left(eq));
    const QString secret = eq < 0 ? QString() : QString::fromUtf8(value.mid(eq + 1));
    if (authorization.isEmpty() || id != m_tokenId || secret != m_tokenSecret) {
        *authFailed = true;
        Reply r = error(401, authorization.isEmpty() ? QStringLiteral("No ticket")
                                                     : QStringLiteral("Authentication failed!"));
        r.emptyBody = true;
        return r;
    }
    if (bodyOnDelete)
        return error(501, QStringLiteral("Unexpected content for method 'DELETE'"));

    Call call;
    call.method = method;
    call.path = sub;
    call.params = params;
    const Route *route = findRoute(method, sub.split(u'/', Qt::SkipEmptyParts), &call.pathParams);
    if (!route)
        return error(501, QStringLiteral("Method '%1 %2' not implemented").arg(method, path));

    *fault = takeFault(route->step);
    if (*fault) {
        switch ((*fault)->first) {
        case Fault::ServerError:
            return error(500, (*fault)->second.isEmpty()
                                  ? QStringLiteral("internal error (injected by the emulator)")
                                  : (*fault)->second);
        case Fault::NoAnswer:
            return Reply{};
        case Fault::TaskError:
        case Fault::TaskNeverEnds:
            call.taskFault = (*fault)->first;
            call.faultMessage = (*fault)->second;
            break;
        case Fault::AnswerLost:
        case Fault::AnswerNever:
            break;
        }
    }
    const Reply checked = checkParams(*route, call);
    if (checked.status != 200)
        return checked;
    if (route->step == Step::Create || route->step == Step::Clone)
        ++m_createRequests;
    return (this->*(route->handler))(call);
}

QByteArray ProxmoxEmulator::render(const Reply &reply) const
{
    QByteArray body;
    if (!reply.emptyBody) {
        QJsonObject o{{QStringLiteral("data"), reply.data}};
        if (reply.status != 200) {
            o.insert(QStringLiteral("data"), QJsonValue::Null);
            if (!m_legacyErrors)
                o.insert(QStringLiteral("message"), reply.reason + u'\n');
            if (!reply.errors.isEmpty())
                o.insert(QStringLiteral("errors"), reply.errors);
        }
        body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    }
    // The reason phrase is the message's first line (proxmox.md section 1).
    const QString reason = reply.reason.section(u'\n', 0, 0);
    QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reason.toUtf8() + "\r\n";
    out += "Cache-Control: max-age=0\r\nConnection: Keep-Alive\r\nPragma: no-cache\r\n";
    out += "Server: pve-api-daemon/3.0\r\n";
    out += "Content-Type: application/json;charset=UTF-8\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    out += body;
    return out;
}

QString ProxmoxEmulator::startTask(const QString &node, const QString &type, const QString &id,
                                   const Call &call, std::function<QString()> work,
                                   std::function<void()> cleanup)
{
    const auto hex = [](quint64 v) {
        return QString::number(v, 16).toUpper().rightJustified(8, QLatin1Char('0'));
    };
    const qint64 now = Clock::current().now().toSecsSinceEpoch();
    Task t;
    t.node = node;
    t.type = type;
    t.id = id;
    t.user = tokenUser();
    t.upid = QStringLiteral("UPID:%1:%2:%3:%4:%5:%6:%7:")
                 .arg(node, hex(++m_nextPid), hex(0x1000000 + QRandomGenerator::global()->bounded(0xFFFFFF)),
                      hex(quint64(now)), type, id, t.user);
    t.log.append(QStringLiteral("task started by the emulator"));
    m_tasks.insert(t.upid, t);
    m_pending.insert(t.upid,
                     PendingTask{std::move(work), std::move(cleanup), call.taskFault, call.faultMessage});
    if (call.taskFault == Fault::TaskNeverEnds)
        return t.upid;
    const QString upid = t.upid;
    QTimer::singleShot(m_taskDurations.value(type, m_taskDurationMs), this,
                       [this, upid] { finishTask(upid); });
    return upid;
}

void ProxmoxEmulator::finishTask(const QString &upid)
{
    if (!m_pending.contains(upid) || !m_tasks.contains(upid))
        return;
    PendingTask pending = m_pending.take(upid);
    Task &t = m_tasks[upid];
    QString failure;
    if (pending.fault == Fault::TaskError) {
        const QString detail = pending.faultMessage.isEmpty() ? QStringLiteral("injected failure (emulator)")
                                                              : pending.faultMessage;
        failure = t.type == QLatin1String("vzcreate")
                      ? QStringLiteral("unable to create CT %1 - %2").arg(t.id, detail)
                      : detail;
    } else if (pending.work) {
        failure = pending.work();
    }
    if (!failure.isEmpty() && pending.cleanup)
        pending.cleanup();
    t.status = QStringLiteral("stopped");
    t.exitStatus = failure.isEmpty() ? QStringLiteral("OK") : failure;
    t.log.append(failure.isEmpty() ? QStringLiteral("TASK OK") : QStringLiteral("TASK ERROR: ") + failure);
}

} // namespace mp::test
