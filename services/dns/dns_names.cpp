#include "dns/dns_names.h"

#include "dns/dns_errors.h"

#include <QRegularExpression>
#include <QStringList>

namespace mp::dns {

namespace {

Error invalidName(const QString &field, const QString &message)
{
    return makeError(errors::DnsInvalidName, message, field);
}

bool validLabel(const QString &label)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$"));
    return pattern.match(label).hasMatch();
}

// Checks an absolute, lower-cased name (with its dot); `wildcard`: "*" may be the first label.
Status checkAbsolute(const QString &name, const QString &field, bool wildcard)
{
    if (name.size() - 1 > 253)
        return invalidName(field, QStringLiteral("'%1' is longer than 253 characters").arg(name));
    const QStringList labels = name.chopped(1).split(u'.');
    for (qsizetype i = 0; i < labels.size(); ++i) {
        const QString &label = labels.at(i);
        if (i == 0 && wildcard && label == QLatin1String("*"))
            continue;
        if (label.isEmpty())
            return invalidName(field, QStringLiteral("'%1' has an empty label").arg(name));
        if (!validLabel(label))
            return invalidName(field,
                               QStringLiteral("'%1': the label '%2' must be 1 to 63 letters, digits, - or _, "
                                              "not starting or ending with -")
                                   .arg(name, label));
    }
    return {};
}

QString absoluteOf(const QString &input, const QString &zone)
{
    const QString n = input.trimmed().toLower();
    if (n.isEmpty() || n == QLatin1String("@"))
        return zone;
    if (n.endsWith(u'.'))
        return n;
    return n + u'.' + zone;
}

} // namespace

Result<QString> canonicalZone(const QString &input, const QString &field)
{
    QString name = input.trimmed().toLower();
    if (!name.endsWith(u'.'))
        name += u'.';
    if (name == QLatin1String("."))
        return invalidName(field, QStringLiteral("a zone needs a name"));
    if (auto s = checkAbsolute(name, field, false); !s)
        return s.error();
    if (name.count(u'.') < 2)
        return invalidName(
            field, QStringLiteral("'%1' is a top-level domain: a zone has at least two labels").arg(name));
    return name;
}

Result<QString> ownerName(const QString &input, const QString &zone, const QString &field)
{
    const QString name = absoluteOf(input, zone);
    if (auto s = checkAbsolute(name, field, true); !s)
        return s.error();
    if (!inZone(name, zone))
        return makeError(errors::DnsNameOutOfZone,
                         QStringLiteral("'%1' is not inside the zone %2").arg(name, zone), field);
    return name;
}

Result<QString> targetName(const QString &input, const QString &zone, const QString &field)
{
    if (input.trimmed().isEmpty())
        return invalidName(field, QStringLiteral("a host name is required"));
    const QString name = absoluteOf(input, zone);
    if (auto s = checkAbsolute(name, field, false); !s)
        return s.error();
    return name;
}

bool inZone(const QString &name, const QString &zone)
{
    return name == zone || name.endsWith(u'.' + zone);
}

QString relativeName(const QString &name, const QString &zone)
{
    if (name == zone)
        return QStringLiteral("@");
    if (name.endsWith(u'.' + zone))
        return name.chopped(zone.size() + 1);
    return name;
}

namespace {

// The first `units` octets (IPv4) or nibbles (IPv6) of the address, reversed, under its arpa tree.
QString arpaName(const QHostAddress &address, int units)
{
    QStringList labels;
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 ip = address.toIPv4Address();
        for (int i = units - 1; i >= 0; --i)
            labels << QString::number((ip >> (24 - 8 * i)) & 0xff);
        return labels.join(u'.') + QStringLiteral(".in-addr.arpa.");
    }
    const Q_IPV6ADDR ip = address.toIPv6Address();
    for (int i = units - 1; i >= 0; --i) {
        const quint8 byte = ip[i / 2];
        labels << QString::number(i % 2 == 0 ? byte >> 4 : byte & 0xf, 16);
    }
    return labels.join(u'.') + QStringLiteral(".ip6.arpa.");
}

} // namespace

QString reverseZone(const QHostAddress &address, int prefixLength)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return arpaName(address, qBound(1, prefixLength / 8, 3));
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return arpaName(address, qBound(1, prefixLength / 4, 31));
    return {};
}

QString reverseName(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return arpaName(address, 4);
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return arpaName(address, 32);
    return {};
}

} // namespace mp::dns
