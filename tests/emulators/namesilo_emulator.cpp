#include "emulators/namesilo_emulator.h"

#include "core/clock.h"
#include "http/connection_guard.h"
#include "http/http_server.h"

#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>
#include <QXmlStreamWriter>

namespace mp::test {

// One element of a reply: rendered as XML, or as Namesilo's JSON (a repeated element becomes an
// array, a single one an object or a value).
struct NamesiloEmulator::Node {
    QString name;
    QList<QPair<QString, QString>> attributes;
    QString text;
    QList<Node> children;

    Node &add(Node child)
    {
        children.append(std::move(child));
        return children.last();
    }
    static Node leaf(const QString &name, const QString &text, QList<QPair<QString, QString>> attributes = {})
    {
        return Node{name, std::move(attributes), text, {}};
    }

    void writeXml(QXmlStreamWriter &xml) const
    {
        xml.writeStartElement(name);
        for (const auto &[key, value] : attributes)
            xml.writeAttribute(key, value);
        if (!text.isEmpty())
            xml.writeCharacters(text);
        for (const Node &c : children)
            c.writeXml(xml);
        xml.writeEndElement();
    }

    QJsonValue json() const
    {
        if (children.isEmpty() && attributes.isEmpty()) {
            bool number = false;
            const int n = text.toInt(&number);
            return name == QLatin1String("code") && number ? QJsonValue(n) : QJsonValue(text);
        }
        QJsonObject o;
        for (const auto &[key, value] : attributes)
            o.insert(key, value);
        if (!text.isEmpty())
            o.insert(name, text);
        QStringList order;
        QHash<QString, QJsonArray> grouped;
        for (const Node &c : children) {
            if (!grouped.contains(c.name))
                order << c.name;
            grouped[c.name].append(c.json());
        }
        for (const QString &key : std::as_const(order)) {
            const QJsonArray values = grouped.value(key);
            o.insert(key, values.size() == 1 ? values.first() : QJsonValue(values));
        }
        return o;
    }
};

struct NamesiloEmulator::Answer {
    int code = 300;
    QString detail = QStringLiteral("success");
    QList<Node> body;

    static Answer error(int code, const QString &detail) { return Answer{code, detail, {}}; }
};

// mp::HttpServer plus the fault a real network produces after the request was carried out: the
// connection closes without an answer.
class NamesiloEmulatorServer : public HttpServer {
public:
    explicit NamesiloEmulatorServer(NamesiloEmulator *emulator) : m_emulator(emulator) {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        if (auto *guard = ConnectionGuard::of(socket))
            guard->requestComplete();
        const QString operation = request.url().path().section(u'/', -1);
        auto &faults = m_emulator->m_faults[operation];
        if (!faults.isEmpty() && faults.first().loseAnswer) {
            faults.removeFirst();
            HttpRequest req;
            req.method = QStringLiteral("GET");
            req.path = request.url().path();
            req.query = request.query();
            m_emulator->handle(req);
            QTimer::singleShot(0, socket, [socket] { socket->abort(); });
            return true;
        }
        return HttpServer::handleRequest(request, socket);
    }

private:
    NamesiloEmulator *m_emulator;
};

NamesiloEmulator::NamesiloEmulator(QObject *parent)
    : QObject(parent), m_server(std::make_unique<NamesiloEmulatorServer>(this))
{
    // Namesilo's own examples (namesilo.md section 3), in USD.
    m_prices.insert(QStringLiteral("com"),
                    Price{QStringLiteral("10.00"), QStringLiteral("11.95"), QStringLiteral("10.40")});
    m_prices.insert(QStringLiteral("net"),
                    Price{QStringLiteral("11.85"), QStringLiteral("11.85"), QStringLiteral("11.35")});
    m_prices.insert(QStringLiteral("org"),
                    Price{QStringLiteral("9.95"), QStringLiteral("10.95"), QStringLiteral("10.95")});
    Router &r = m_server->router();
    const auto handler = [this](const HttpRequest &request) { return handle(request); };
    r.add(QStringLiteral("GET"), QStringLiteral("/api/{operation}"), handler);
    r.add(QStringLiteral("GET"), QStringLiteral("/apibatch/{operation}"), handler);
    r.add(QStringLiteral("POST"), QStringLiteral("/api/{operation}"), handler);
    r.add(QStringLiteral("POST"), QStringLiteral("/apibatch/{operation}"), handler);
}

NamesiloEmulator::~NamesiloEmulator() = default;

Result<quint16> NamesiloEmulator::start(const QString &hostPort)
{
    auto parsed = HttpServer::parseHostPort(hostPort);
    if (!parsed)
        return parsed.error();
    auto port = m_server->listenOn(hostPort);
    if (port) {
        m_port = *port;
        m_host = parsed->first;
    }
    return port;
}

QUrl NamesiloEmulator::baseUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_host.toString());
    url.setPort(m_port);
    url.setPath(QStringLiteral("/api"));
    return url;
}

void NamesiloEmulator::failNext(const QString &operation, int code, const QString &detail, int count)
{
    for (int i = 0; i < count; ++i)
        m_faults[operation].append(
            Fault{code, detail.isEmpty() ? QStringLiteral("error %1").arg(code) : detail});
}

void NamesiloEmulator::loseAnswerNext(const QString &operation)
{
    m_faults[operation].append(Fault{0, {}, true});
}

void NamesiloEmulator::completeTransfer(const QString &name)
{
    auto it = m_transfers.find(name.toLower());
    if (it == m_transfers.end())
        return;
    it->status = QStringLiteral("Transfer Completed");
    const QDate today = Clock::current().now().toUTC().date();
    Domain d;
    d.name = it->domain;
    d.created = today;
    d.expires = today.addYears(1);
    d.nameservers = {QStringLiteral("ns1.dnsowl.com"), QStringLiteral("ns2.dnsowl.com")};
    m_domains.insert(d.name, d);
}

int NamesiloEmulator::requestCount(const QString &operation) const
{
    return int(std::count_if(m_requests.begin(), m_requests.end(),
                             [&](const RecordedRequest &r) { return r.operation == operation; }));
}

HttpResponse NamesiloEmulator::handle(const HttpRequest &request)
{
    const QString operation = request.path.section(u'/', -1);
    m_requests.append(RecordedRequest{request.path, operation, request.query});
    const QUrlQuery &q = request.query;
    const QString type = q.queryItemValue(QStringLiteral("type"));
    const bool json = type == QLatin1String("json");

    Answer answer;
    if (request.method == QLatin1String("POST") && !q.hasQueryItem(QStringLiteral("key")))
        answer = Answer::error(120, QStringLiteral("API key must be passed as a GET"));
    else if (!q.hasQueryItem(QStringLiteral("version")))
        answer = Answer::error(102, QStringLiteral("No version specified"));
    else if (q.queryItemValue(QStringLiteral("version")) != QLatin1String("1"))
        answer = Answer::error(103, QStringLiteral("Invalid API version"));
    else if (type.isEmpty())
        answer = Answer::error(104, QStringLiteral("No type specified"));
    else if (type != QLatin1String("xml") && !json)
        answer = Answer::error(105, QStringLiteral("Invalid API type"));
    else if (!q.hasQueryItem(QStringLiteral("key")))
        answer = Answer::error(109, QStringLiteral("No API key specified"));
    else if (q.queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded) != m_apiKey)
        answer = Answer::error(110, QStringLiteral("Invalid API Key"));
    else if (auto &faults = m_faults[operation]; !faults.isEmpty()) {
        const Fault fault = faults.takeFirst();
        answer = Answer::error(fault.code, fault.detail);
    } else
        answer = perform(operation, q);

    Node request_{QStringLiteral("request"), {}, {}, {}};
    request_.add(Node::leaf(QStringLiteral("operation"), operation));
    request_.add(Node::leaf(QStringLiteral("ip"), QStringLiteral("127.0.0.1")));
    Node reply{QStringLiteral("reply"), {}, {}, {}};
    reply.add(Node::leaf(QStringLiteral("code"), QString::number(answer.code)));
    reply.add(Node::leaf(QStringLiteral("detail"), answer.detail));
    for (Node &n : answer.body)
        reply.add(std::move(n));

    HttpResponse response;
    response.status = 200; // every API outcome, as Namesilo does
    if (json) {
        response.contentType = "application/json";
        const QJsonObject o{{QStringLiteral("request"), request_.json()},
                            {QStringLiteral("reply"), reply.json()}};
        response.body = QJsonDocument(o).toJson(QJsonDocument::Compact);
    } else {
        response.contentType = "text/xml; charset=UTF-8";
        QXmlStreamWriter xml(&response.body);
        xml.writeStartDocument();
        Node root{QStringLiteral("namesilo"), {}, {}, {request_, reply}};
        root.writeXml(xml);
        xml.writeEndDocument();
    }
    return response;
}

NamesiloEmulator::Answer NamesiloEmulator::perform(const QString &operation, const QUrlQuery &q)
{
    static const QStringList mutations{QStringLiteral("registerDomain"), QStringLiteral("renewDomain"),
                                       QStringLiteral("transferDomain")};
    if (m_registryDown && operation != QLatin1String("getPrices"))
        return Answer::error(115, QStringLiteral("Central Registry Not Responding - try again later"));
    if (m_insufficientFunds && mutations.contains(operation))
        return Answer::error(119, QStringLiteral("Insufficient account funds for requested transaction"));
    using Handler = std::function<Answer(const QUrlQuery &)>;
    const QHash<QString, Handler> handlers{
        {QStringLiteral("checkRegisterAvailability"),
         [this](const QUrlQuery &x) { return checkAvailability(x); }},
        {QStringLiteral("registerDomain"), [this](const QUrlQuery &x) { return registerDomain(x); }},
        {QStringLiteral("renewDomain"), [this](const QUrlQuery &x) { return renewDomain(x); }},
        {QStringLiteral("transferDomain"), [this](const QUrlQuery &x) { return transferDomain(x); }},
        {QStringLiteral("checkTransferStatus"),
         [this](const QUrlQuery &x) { return checkTransferStatus(x); }},
        {QStringLiteral("getDomainInfo"), [this](const QUrlQuery &x) { return domainInfo(x); }},
        {QStringLiteral("listDomains"), [this](const QUrlQuery &x) { return listDomains(x); }},
        {QStringLiteral("changeNameServers"), [this](const QUrlQuery &x) { return changeNameServers(x); }},
        {QStringLiteral("domainLock"), [this](const QUrlQuery &x) { return lock(x, true); }},
        {QStringLiteral("domainUnlock"), [this](const QUrlQuery &x) { return lock(x, false); }},
        {QStringLiteral("retrieveAuthCode"), [this](const QUrlQuery &x) { return retrieveAuthCode(x); }},
        {QStringLiteral("addPrivacy"), [this](const QUrlQuery &x) { return addPrivacy(x); }},
        {QStringLiteral("contactAdd"), [this](const QUrlQuery &x) { return contactAdd(x); }},
        {QStringLiteral("dnsSecAddRecord"), [this](const QUrlQuery &x) { return dnsSec(x, true); }},
        {QStringLiteral("dnsSecDeleteRecord"), [this](const QUrlQuery &x) { return dnsSec(x, false); }},
        {QStringLiteral("getPrices"), [this](const QUrlQuery &x) { return prices(x); }},
    };
    if (operation.isEmpty())
        return Answer::error(106, QStringLiteral("No operation specified"));
    const auto it = handlers.constFind(operation);
    if (it == handlers.constEnd())
        return Answer::error(107, QStringLiteral("Invalid API operation"));
    Answer a = (*it)(q);
    if (a.code >= 300 && a.code < 400)
        ++m_performed[operation];
    return a;
}

QString NamesiloEmulator::tldOf(const QString &name) const
{
    return name.section(u'.', 1);
}

bool NamesiloEmulator::validName(const QString &name) const
{
    static const QRegularExpression pattern(
        QStringLiteral("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$"));
    return pattern.match(name).hasMatch();
}

namespace {

QString param(const QUrlQuery &q, const char *name)
{
    return q.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).trimmed();
}

bool validHost(const QString &host)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}\\.?$"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(host).hasMatch();
}

QStringList nameservers(const QUrlQuery &q)
{
    QStringList list;
    for (int i = 1; i <= 13; ++i) {
        const QString ns = q.queryItemValue(QStringLiteral("ns%1").arg(i), QUrl::FullyDecoded).trimmed();
        if (!ns.isEmpty())
            list << ns.toLower();
    }
    return list;
}

QString yesNo(bool on)
{
    return on ? QStringLiteral("Yes") : QStringLiteral("No");
}

} // namespace

NamesiloEmulator::Answer NamesiloEmulator::checkAvailability(const QUrlQuery &q)
{
    const QString domains = param(q, "domains");
    if (domains.isEmpty())
        return Answer::error(108, QStringLiteral("Missing parameters for the specified operation"));
    Node available{QStringLiteral("available"), {}, {}, {}};
    Node unavailable{QStringLiteral("unavailable"), {}, {}, {}};
    Node invalid{QStringLiteral("invalid"), {}, {}, {}};
    const QStringList names = domains.toLower().split(u',', Qt::SkipEmptyParts);
    if (names.size() > 200)
        return Answer::error(210, QStringLiteral("A maximum of 200 domains may be checked at once"));
    for (const QString &raw : names) {
        const QString name = raw.trimmed();
        if (!validName(name) || !m_prices.contains(tldOf(name))) {
            invalid.add(Node::leaf(QStringLiteral("domain"), name));
        } else if (m_domains.contains(name) || m_taken.contains(name)) {
            unavailable.add(Node::leaf(QStringLiteral("domain"), name));
        } else {
            const Price p = m_prices.value(tldOf(name));
            const bool premium = m_premium.contains(name);
            available.add(
                Node::leaf(QStringLiteral("domain"), name,
                           {{QStringLiteral("price"), premium ? m_premium.value(name) : p.registration},
                            {QStringLiteral("renew"), p.renew},
                            {QStringLiteral("premium"), premium ? QStringLiteral("1") : QStringLiteral("0")},
                            {QStringLiteral("duration"), QStringLiteral("1")}}));
        }
    }
    Answer a;
    for (Node *n : {&available, &unavailable, &invalid}) {
        if (!n->children.isEmpty())
            a.body.append(*n);
    }
    return a;
}

NamesiloEmulator::Answer NamesiloEmulator::registerDomain(const QUrlQuery &q)
{
    const QString name = param(q, "domain").toLower();
    const QString yearsText = param(q, "years");
    if (name.isEmpty())
        return Answer::error(108, QStringLiteral("Missing parameters for the specified operation"));
    if (!validName(name))
        return Answer::error(114, QStringLiteral("Invalid Domain Syntax"));
    if (!m_prices.contains(tldOf(name)))
        return Answer::error(
            267, QStringLiteral("Invalid domain name, or we do not support the provided extension/TLD."));
    bool ok = false;
    const int years = yearsText.toInt(&ok);
    if (!ok || years < 1 || years > 10)
        return Answer::error(263, QStringLiteral("Invalid number of years, or no years provided."));
    if (m_domains.contains(name))
        return Answer::error(
            262, QStringLiteral(
                     "This domain is already active within our system and therefore cannot be processed."));
    if (m_taken.contains(name))
        return Answer::error(261, QStringLiteral("Domain unavailable for registration."));

    const QDate today = Clock::current().now().toUTC().date();
    Domain d;
    d.name = name;
    d.created = today;
    d.expires = today.addYears(years);
    d.privacy = param(q, "private") == QLatin1String("1");
    d.autoRenew = param(q, "auto_renew") == QLatin1String("1");
    d.locked = true;
    d.authCode = QStringLiteral("EPP-%1").arg(qHash(name) % 1000000);
    int code = 300;
    QString detail = QStringLiteral("success");
    const QStringList ns = nameservers(q);
    if (std::all_of(ns.begin(), ns.end(), validHost) && ns.size() >= 2) {
        d.nameservers = ns;
    } else {
        d.nameservers = {QStringLiteral("ns1.dnsowl.com"), QStringLiteral("ns2.dnsowl.com"),
                         QStringLiteral("ns3.dnsowl.com")};
        if (!ns.isEmpty()) {
            code = 301;
            detail = QStringLiteral("Successful registration, but not all provided hosts were valid "
                                    "resulting in our nameservers being used");
        }
    }
    for (const char *f : {"fn", "ln", "ad", "cy", "st", "zp", "ct", "em", "ph"}) {
        const QString v = param(q, f);
        if (!v.isEmpty())
            d.contact.insert(QLatin1String(f), v);
    }
    if (!d.contact.isEmpty() && d.contact.size() < 9 && code == 300) {
        code = 302;
        detail = QStringLiteral("Successful order, but there was an error with the contact information "
                                "provided so your account default contact profile was used");
    }
    m_domains.insert(name, d);
    const Price p = m_prices.value(tldOf(name));
    Answer a{code, detail, {}};
    a.body << Node::leaf(QStringLiteral("message"),
                         QStringLiteral("Your domain registration was successfully processed."))
           << Node::leaf(QStringLiteral("domain"), name)
           << Node::leaf(QStringLiteral("order_amount"),
                         QString::number(p.registration.toDouble() * years, 'f', 2));
    return a;
}

NamesiloEmulator::Answer NamesiloEmulator::renewDomain(const QUrlQuery &q)
{
    const QString name = param(q, "domain").toLower();
    auto it = m_domains.find(name);
    if (it == m_domains.end())
        return Answer::error(200, QStringLiteral("Domain is not active, or does not belong to this user"));
    bool ok = false;
    const int years = param(q, "years").toInt(&ok);
    if (!ok || years < 1 || years > 10)
        return Answer::error(263, QStringLiteral("Invalid number of years, or no years provided."));
    if (it->expires.addYears(years) > Clock::current().now().toUTC().date().addYears(10))
        return Answer::error(264, QStringLiteral("Domain cannot be renewed for specified number of years "
                                                 "(the registration period would exceed 10 years)"));
    it->expires = it->expires.addYears(years);
    it->status = QStringLiteral("Active");
    const Price p = m_prices.value(tldOf(name));
    Answer a;
    a.body << Node::leaf(QStringLiteral("message"),
                         QStringLiteral("Your domain renewal was successfully processed."))
           << Node::leaf(QStringLiteral("domain"), name)
           << Node::leaf(QStringLiteral("order_amount"), QString::number(p.renew.toDouble() * years, 'f', 2));
    return a;
}

NamesiloEmulator::Answer NamesiloEmulator::transferDomain(const QUrlQuery &q)
{
    const QString name = param(q, "domain").toLower();
    const QString auth = param(q, "auth");
    if (name.isEmpty())
        return Answer::error(108, QStringLiteral("Missing parameters for the specified operation"));
    if (!validName(name) || !m_prices.contains(tldOf(name)))
        return Answer::error(
            267, QStringLiteral("Invalid domain name, or we do not support the provided extension/TLD."));
    if (m_domains.contains(name))
        return Answer::error(
            262, QStringLiteral(
                     "This domain is already active within our system and therefore cannot be processed."));
    if (auth.isEmpty())
        return Answer::error(
            265,
            QStringLiteral("Domain cannot be transferred at this time (the authorization code is missing)"));
    if (m_transfers.contains(name) && m_transfers.value(name).status == QLatin1String("Pending"))
        return Answer::error(
            265, QStringLiteral("Domain cannot be transferred at this time (a transfer is already pending)"));
    m_transfers.insert(name, Transfer{name, auth, QStringLiteral("Pending"), -1});
    const Price p = m_prices.value(tldOf(name));
    Answer a;
    a.body << Node::leaf(QStringLiteral("message"),
                         QStringLiteral("Your domain transfer was successfully processed."))
           << Node::leaf(QStringLiteral("domain"), name)
           << Node::leaf(QStringLiteral("order_amount"), p.transfer);
    return a;
}

NamesiloEmulator::Answer NamesiloEmulator::checkTransferStatus(const QUrlQuery &q)
{
    const QString name = param(q, "domain").toLower();
    auto it = m_transfers.find(name);
    if (it == m_transfers.end())
        return Answer::error(266, QStringLiteral("No domain transfer exists for this user for this domain"));
    if (it->checksUntilComplete > 0 && --it->checksUntilComplete == 0)
        completeTransfer(name);
    Answer a;
    a.body << Node::leaf(QStringLiteral("date"), Clock::current().now().toUTC().date().toString(Qt::ISODate))
           << Node::leaf(QStringLiteral("status"), m_transfers.value(name).status)
           << Node::leaf(QStringLiteral("message"), m_transfers.value(name).status);
    return a;
}

NamesiloEmulator::Answer NamesiloEmulator::domainInfo(const QUrlQuery &q)
{
    const QString name = param(q, "domain").toLower();
    if (!m_domains.contains(name))
        return Answer::error(200, QStringLiteral("Domain is not active, or does not belong to this user"));
    const Domain &d = m_domains[name];
    Answer a;
    a.body << Node::leaf(QStringLiteral("created"), d.created.toString(Qt::ISODate))
           << Node::leaf(QStringLiteral("expires"), d.expires.toString(Qt::ISODate))
           << Node::leaf(QStringLiteral("status"), d.status)
           << Node::leaf(QStringLiteral("locked"), yesNo(d.locked))
           << Node::leaf(QStringLiteral("private"), yesNo(d.privacy))
           << Node::leaf(QStringLiteral("auto_renew"), yesNo(d.autoRenew))
           << Node::leaf(QStringLiteral("traffic_type"), QStringLiteral("Custom DNS"))
           << Node::leaf(QStringLiteral("email_verification_required"), QStringLiteral("No"))
           << Node::leaf(QStringLiteral("portfolio"), QString());
    Node ns{QStringLiteral("nameservers"), {}, {}, {}};
    for (int i = 0; i < d.nameservers.size(); ++i)
        ns.add(Node::leaf(QStringLiteral("nameserver"), d.nameservers.at(i).toUpper(),
                          {{QStringLiteral("position"), QString::number(i + 1)}}));
    a.body << ns;
    Node contacts{QStringLiteral("contact_ids"), {}, {}, {}};
    contacts.add(Node::leaf(QStringLiteral("registrant"), QStringLiteral("444444")));
    a.body << contacts;
    return a;
}

NamesiloEmulator::Answer NamesiloEmulator::listDomains(const QUrlQuery &)
{
    Node domains{QStringLiteral("domains"), {}, {}, {}};
    for (const Domain &d : std::as_const(m_domains))
        domains.add(Node::leaf(QStringLiteral("domain"), d.name,
                               {{QStringLiteral("created"), d.created.toString(Qt::ISODate)},
                                {QStringLiteral("expires"), d.expires.toString(Qt::ISODate)}}));
    Answer a;
    a.body << domains;
    return a;
}

NamesiloEmulator::Answer NamesiloEmulator::changeNameServers(const QUrlQuery &q)
{
    const QStringList names = param(q, "domain").toLower().split(u',', Qt::SkipEmptyParts);
    const QStringList ns = nameservers(q);
    if (names.isEmpty() || ns.size() < 2)
        return Answer::error(108, QStringLiteral("Missing parameters for the specified operation"));
    for (const QString &host : ns) {
        if (!validHost(host))
            return Answer::error(
                254, QStringLiteral("Nameserver update cannot be made. (%1 is not a valid host)").arg(host));
    }
    for (const QString &name : names) {
        if (!m_domains.contains(name))
            return Answer::error(200,
                                 QStringLiteral("Domain is not active, or does not belong to this user"));
    }
    for (const QString &name : names)
        m_domains[name].nameservers = ns;
    return {};
}

NamesiloEmulator::Answer NamesiloEmulator::lock(const QUrlQuery &q, bool locked)
{
    const QString name = param(q, "domain").toLower();
    if (!m_domains.contains(name))
        return Answer::error(200, QStringLiteral("Domain is not active, or does not belong to this user"));
    Domain &d = m_domains[name];
    if (d.locked == locked)
        return locked ? Answer::error(252, QStringLiteral("Domain is already Locked - No update made."))
                      : Answer::error(253, QStringLiteral("Domain is already Unlocked - No update made."));
    d.locked = locked;
    return {};
}

NamesiloEmulator::Answer NamesiloEmulator::retrieveAuthCode(const QUrlQuery &q)
{
    const QString name = param(q, "domain").toLower();
    if (!m_domains.contains(name))
        return Answer::error(200, QStringLiteral("Domain is not active, or does not belong to this user"));
    Answer a;
    a.body << Node::leaf(
        QStringLiteral("message"),
        QStringLiteral("The authorization code has been sent to the domain registrant's email address."));
    return a;
}

NamesiloEmulator::Answer NamesiloEmulator::addPrivacy(const QUrlQuery &q)
{
    const QString name = param(q, "domain").toLower();
    if (!m_domains.contains(name))
        return Answer::error(200, QStringLiteral("Domain is not active, or does not belong to this user"));
    if (m_domains[name].privacy)
        return Answer::error(255, QStringLiteral("Domain is already Private - No update made."));
    m_domains[name].privacy = true;
    return {};
}

NamesiloEmulator::Answer NamesiloEmulator::contactAdd(const QUrlQuery &q)
{
    for (const char *f : {"fn", "ln", "ad", "cy", "st", "zp", "ct", "em", "ph"}) {
        if (param(q, f).isEmpty())
            return Answer::error(108, QStringLiteral("Missing parameters for the specified operation"));
    }
    Answer a;
    a.body << Node::leaf(QStringLiteral("contact_id"), QString::number(m_nextContactId++));
    return a;
}

NamesiloEmulator::Answer NamesiloEmulator::dnsSec(const QUrlQuery &q, bool add)
{
    const QString name = param(q, "domain").toLower();
    if (!m_domains.contains(name))
        return Answer::error(200, QStringLiteral("Domain is not active, or does not belong to this user"));
    const QString record =
        QStringLiteral("%1 %2 %3 %4")
            .arg(param(q, "keyTag"), param(q, "alg"), param(q, "digestType"), param(q, "digest").toUpper());
    if (param(q, "digest").isEmpty() || param(q, "keyTag").isEmpty())
        return Answer::error(108, QStringLiteral("Missing parameters for the specified operation"));
    QStringList &ds = m_domains[name].dsRecords;
    if (add && !ds.contains(record))
        ds.append(record);
    if (!add)
        ds.removeAll(record);
    return {};
}

NamesiloEmulator::Answer NamesiloEmulator::prices(const QUrlQuery &)
{
    Answer a;
    for (auto it = m_prices.cbegin(); it != m_prices.cend(); ++it) {
        Node tld{it.key(), {}, {}, {}};
        tld.add(Node::leaf(QStringLiteral("registration"), it->registration));
        tld.add(Node::leaf(QStringLiteral("transfer"), it->transfer));
        tld.add(Node::leaf(QStringLiteral("renew"), it->renew));
        a.body << tld;
    }
    return a;
}

} // namespace mp::test
