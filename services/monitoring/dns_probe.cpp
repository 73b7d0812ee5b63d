#include "monitoring/dns_probe.h"

#include "monitoring/probes.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QHostInfo>
#include <QRandomGenerator>
#include <QUdpSocket>
#include <QUrl>

namespace mp::monitoring {

namespace {

constexpr int kHeaderSize = 12;
constexpr int kMaxPointers = 32; // a reply whose names point in circles is refused

quint16 typeCode(const QString &type)
{
    static const QHash<QString, quint16> codes{{QStringLiteral("A"), 1},     {QStringLiteral("NS"), 2},
                                               {QStringLiteral("CNAME"), 5}, {QStringLiteral("MX"), 15},
                                               {QStringLiteral("TXT"), 16},  {QStringLiteral("AAAA"), 28}};
    return codes.value(type.toUpper(), 0);
}

quint16 read16(const QByteArray &m, int pos)
{
    return quint16((quint8(m.at(pos)) << 8) | quint8(m.at(pos + 1)));
}

void append16(QByteArray &m, quint16 v)
{
    m.append(char(v >> 8));
    m.append(char(v & 0xff));
}

// The name at `pos` ("www.example.com."), following compression pointers; `pos` moves past
// it in the message itself. False when the name runs off the message or loops.
bool readName(const QByteArray &m, int &pos, QString *out)
{
    QStringList labels;
    int at = pos;
    bool jumped = false;
    for (int pointers = 0; pointers <= kMaxPointers;) {
        if (at >= m.size())
            return false;
        const quint8 length = quint8(m.at(at));
        if ((length & 0xc0) == 0xc0) {
            if (at + 1 >= m.size())
                return false;
            if (!jumped)
                pos = at + 2;
            jumped = true;
            at = read16(m, at) & 0x3fff;
            ++pointers;
            continue;
        }
        if (length == 0) {
            if (!jumped)
                pos = at + 1;
            *out = labels.join(QLatin1Char('.')).toLower() + QLatin1Char('.');
            return true;
        }
        if (at + 1 + length > m.size())
            return false;
        labels << QString::fromLatin1(m.mid(at + 1, length));
        at += 1 + length;
    }
    return false;
}

// The record's data in presentation form; empty when it cannot be read.
QString presentation(const QByteArray &m, int pos, int length, quint16 type)
{
    if (type == 1 && length == 4)
        return QHostAddress(quint32((quint8(m.at(pos)) << 24) | (quint8(m.at(pos + 1)) << 16) |
                                    (quint8(m.at(pos + 2)) << 8) | quint8(m.at(pos + 3))))
            .toString();
    if (type == 28 && length == 16) {
        Q_IPV6ADDR address;
        for (int i = 0; i < 16; ++i)
            address[i] = quint8(m.at(pos + i));
        return QHostAddress(address).toString();
    }
    QString name;
    if (type == 2 || type == 5) {
        int at = pos;
        return readName(m, at, &name) ? name : QString();
    }
    if (type == 15 && length > 2) {
        int at = pos + 2;
        return readName(m, at, &name) ? QStringLiteral("%1 %2").arg(read16(m, pos)).arg(name) : QString();
    }
    if (type == 16) {
        // One or more character-strings; a check compares their concatenation.
        QByteArray text;
        for (int at = pos; at < pos + length;) {
            const int n = quint8(m.at(at));
            text += m.mid(at + 1, qMin(n, pos + length - at - 1));
            at += 1 + n;
        }
        return QString::fromUtf8(text);
    }
    return {};
}

} // namespace

QStringList DnsProbe::types()
{
    return {QStringLiteral("A"),  QStringLiteral("AAAA"), QStringLiteral("CNAME"),
            QStringLiteral("MX"), QStringLiteral("NS"),   QStringLiteral("TXT")};
}

QByteArray DnsProbe::question(quint16 id, const QString &name, const QString &type)
{
    const quint16 code = typeCode(type);
    if (code == 0)
        return {};
    QByteArray m;
    append16(m, id);
    append16(m, 0x0100); // a standard query, recursion desired (an authoritative server ignores it)
    append16(m, 1);      // one question
    append16(m, 0);
    append16(m, 0);
    append16(m, 0);
    QString trimmed = name;
    if (trimmed.endsWith(QLatin1Char('.')))
        trimmed.chop(1);
    for (const QString &label : trimmed.split(QLatin1Char('.'))) {
        const QByteArray bytes = QUrl::toAce(label).isEmpty() ? label.toLatin1() : QUrl::toAce(label);
        if (bytes.isEmpty() || bytes.size() > 63)
            return {};
        m.append(char(bytes.size()));
        m.append(bytes);
    }
    m.append(char(0));
    if (m.size() - kHeaderSize > 255)
        return {};
    append16(m, code);
    append16(m, 1); // IN
    return m;
}

DnsAnswer DnsProbe::read(const QByteArray &m, quint16 id, const QString &type)
{
    DnsAnswer a;
    if (m.size() < kHeaderSize || read16(m, 0) != id || !(quint8(m.at(2)) & 0x80)) {
        a.error = QStringLiteral("not an answer to the question");
        return a;
    }
    a.reached = true;
    a.rcode = quint8(m.at(3)) & 0x0f;
    const int questions = read16(m, 4);
    const int answers = read16(m, 6);
    int pos = kHeaderSize;
    QString name;
    for (int i = 0; i < questions; ++i) {
        if (!readName(m, pos, &name) || pos + 4 > m.size()) {
            a.reached = false;
            a.error = QStringLiteral("an unreadable answer");
            return a;
        }
        pos += 4;
    }
    const quint16 wanted = typeCode(type);
    for (int i = 0; i < answers; ++i) {
        if (!readName(m, pos, &name) || pos + 10 > m.size()) {
            a.reached = false;
            a.error = QStringLiteral("an unreadable answer");
            return a;
        }
        const quint16 recordType = read16(m, pos);
        const int length = read16(m, pos + 8);
        pos += 10;
        if (pos + length > m.size()) {
            a.reached = false;
            a.error = QStringLiteral("an unreadable answer");
            return a;
        }
        if (recordType == wanted) {
            const QString text = presentation(m, pos, length, recordType);
            if (!text.isEmpty())
                a.records << text;
        }
        pos += length;
    }
    return a;
}

DnsAnswer DnsProbe::ask(const QString &hostPort, const QString &name, const QString &type, int timeoutMs)
{
    DnsAnswer a;
    QString host;
    quint16 port = 0;
    if (!Probes::splitHostPort(hostPort, &host, &port)) {
        a.error = QStringLiteral("the server is not host:port");
        return a;
    }
    QHostAddress address(host);
    if (address.isNull()) {
        const QHostInfo info = QHostInfo::fromName(host);
        if (info.addresses().isEmpty()) {
            a.error = QStringLiteral("%1 does not resolve").arg(host);
            return a;
        }
        address = info.addresses().constFirst();
    }
    const auto id = quint16(QRandomGenerator::global()->bounded(1, 0xffff));
    const QByteArray query = question(id, name, type);
    if (query.isEmpty()) {
        a.error = QStringLiteral("%1 %2 cannot be asked").arg(name, type);
        return a;
    }
    QElapsedTimer timer;
    timer.start();
    QUdpSocket socket;
    if (socket.writeDatagram(query, address, port) != query.size()) {
        a.error = socket.errorString();
        return a;
    }
    // A stray datagram (an old reply) is skipped; only the answer to this id counts.
    while (timer.elapsed() < timeoutMs) {
        if (!socket.waitForReadyRead(int(qMax<qint64>(1, timeoutMs - timer.elapsed()))))
            break;
        while (socket.hasPendingDatagrams()) {
            QByteArray reply(int(socket.pendingDatagramSize()), Qt::Uninitialized);
            if (socket.readDatagram(reply.data(), reply.size()) < 0)
                continue;
            if (reply.size() >= 2 && read16(reply, 0) == id) {
                a = read(reply, id, type);
                a.latencyMs = int(timer.elapsed());
                return a;
            }
        }
    }
    a.error = socket.error() == QAbstractSocket::UnknownSocketError
                  ? QStringLiteral("no answer within %1 ms").arg(timeoutMs)
                  : socket.errorString();
    return a;
}

} // namespace mp::monitoring
