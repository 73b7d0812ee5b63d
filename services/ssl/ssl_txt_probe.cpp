#include "ssl/ssl_txt_probe.h"

#include "acme/acme_errors.h"

#include <QDataStream>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QUdpSocket>

namespace mp::ssl {

namespace {

constexpr quint16 kTypeTxt = 16;
constexpr quint16 kClassIn = 1;

Error probeError(const QString &server, const QString &message)
{
    return makeError(errors::AcmeNetwork, QStringLiteral("DNS server %1: %2").arg(server, message));
}

QByteArray question(quint16 id, const QString &name)
{
    QByteArray packet;
    QDataStream out(&packet, QIODevice::WriteOnly);
    out << id << quint16(0) /* no recursion desired */ << quint16(1) << quint16(0) << quint16(0)
        << quint16(0);
    for (const QString &label : name.split(u'.', Qt::SkipEmptyParts)) {
        const QByteArray bytes = label.toLatin1();
        out << quint8(bytes.size());
        out.writeRawData(bytes.constData(), int(bytes.size()));
    }
    out << quint8(0) << kTypeTxt << kClassIn;
    return packet;
}

// Skips a (possibly compressed) name at `pos`; false when it runs off the packet.
bool skipName(const QByteArray &p, int &pos)
{
    while (pos < p.size()) {
        const quint8 len = quint8(p.at(pos));
        if ((len & 0xC0) == 0xC0) {
            pos += 2;
            return pos <= p.size();
        }
        pos += 1 + len;
        if (len == 0)
            return pos <= p.size();
    }
    return false;
}

quint16 u16(const QByteArray &p, int pos)
{
    return quint16((quint8(p.at(pos)) << 8) | quint8(p.at(pos + 1)));
}

Result<QStringList> parse(const QString &server, const QByteArray &p, quint16 id)
{
    if (p.size() < 12 || u16(p, 0) != id)
        return probeError(server, QStringLiteral("answered with a malformed or foreign packet"));
    const quint16 flags = u16(p, 2);
    const int rcode = flags & 0x0F;
    if (rcode == 3) // NXDOMAIN: the name is not there (yet)
        return QStringList();
    if (rcode != 0)
        return probeError(server, QStringLiteral("answered with rcode %1").arg(rcode));
    if (!(flags & 0x0400))
        return probeError(server, QStringLiteral("is not authoritative for the name"));
    int pos = 12;
    for (int q = u16(p, 4); q > 0; --q) {
        if (!skipName(p, pos))
            return probeError(server, QStringLiteral("answered with a truncated packet"));
        pos += 4;
    }
    QStringList out;
    for (int a = u16(p, 6); a > 0; --a) {
        if (!skipName(p, pos) || pos + 10 > p.size())
            return probeError(server, QStringLiteral("answered with a truncated packet"));
        const quint16 type = u16(p, pos);
        const int length = u16(p, pos + 8);
        pos += 10;
        if (pos + length > p.size())
            return probeError(server, QStringLiteral("answered with a truncated packet"));
        if (type == kTypeTxt) {
            QByteArray text;
            for (int i = pos; i < pos + length;) {
                const int n = quint8(p.at(i));
                text += p.mid(i + 1, n);
                i += 1 + n;
            }
            out << QString::fromUtf8(text);
        }
        pos += length;
    }
    return out;
}

} // namespace

Result<QStringList> SslTxtProbe::query(const QString &server, const QString &name, int timeoutMs)
{
    QString host = server.trimmed();
    quint16 port = 53;
    const int colon = host.lastIndexOf(u':');
    if (colon > 0 && !host.endsWith(u']') && host.count(u':') == 1) {
        port = quint16(host.mid(colon + 1).toUInt());
        host = host.left(colon);
    } else if (host.startsWith(u'[') && host.contains(QLatin1String("]:"))) {
        port = quint16(host.mid(host.lastIndexOf(u':') + 1).toUInt());
        host = host.mid(1, host.indexOf(u']') - 1);
    }
    QHostAddress address;
    if (!address.setAddress(host) || port == 0)
        return probeError(server, QStringLiteral("is not an IP address with an optional port"));
    const quint16 id = quint16(QRandomGenerator::global()->bounded(65536));
    const QByteArray packet = question(id, name);
    QUdpSocket socket;
    // Two tries: a lost datagram is not an answer.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (socket.writeDatagram(packet, address, port) != packet.size())
            return probeError(server, socket.errorString());
        while (socket.waitForReadyRead(timeoutMs / 2)) {
            while (socket.hasPendingDatagrams()) {
                QByteArray answer(int(socket.pendingDatagramSize()), Qt::Uninitialized);
                QHostAddress from;
                quint16 fromPort = 0;
                socket.readDatagram(answer.data(), answer.size(), &from, &fromPort);
                if (fromPort == port && answer.size() >= 2 && u16(answer, 0) == id)
                    return parse(server, answer, id);
            }
        }
    }
    return probeError(server, QStringLiteral("did not answer within %1 ms").arg(timeoutMs));
}

} // namespace mp::ssl
