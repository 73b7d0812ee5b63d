#include "dns/dns_record_rules.h"

#include "dns/dns_errors.h"
#include "dns/dns_names.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace mp::dns {

namespace {

Error invalid(const QString &field, const QString &message)
{
    return makeError(errors::DnsInvalidRecord, message, field);
}

// "10 20 5060": each a number in [0, max]; nullopt when a part is not.
std::optional<QList<int>> numbers(const QStringList &parts, int max)
{
    QList<int> out;
    for (const QString &p : parts) {
        bool ok = false;
        const int n = p.toInt(&ok);
        if (!ok || n < 0 || n > max || p.startsWith(u'+'))
            return std::nullopt;
        out << n;
    }
    return out;
}

QStringList words(const QString &input)
{
    return input.simplified().split(u' ', Qt::SkipEmptyParts);
}

Result<QString> addressContent(const QString &type, const QString &input, const QString &field)
{
    const QString text = input.trimmed();
    QHostAddress address;
    if (type == QLatin1String("A")) {
        static const QRegularExpression dotted(
            QStringLiteral("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$"));
        if (!dotted.match(text).hasMatch() || !address.setAddress(text) ||
            address.protocol() != QAbstractSocket::IPv4Protocol)
            return invalid(field, QStringLiteral("'%1' is not an IPv4 address (A record)").arg(text));
        return address.toString();
    }
    if (!text.contains(u':') || !address.setAddress(text) ||
        address.protocol() != QAbstractSocket::IPv6Protocol || text.contains(u'%'))
        return invalid(field, QStringLiteral("'%1' is not an IPv6 address (AAAA record)").arg(text));
    return address.toString();
}

// "0 issue "letsencrypt.org"" with the tags RFC 8659 defines.
Result<QString> caaContent(const QString &input, const QString &field)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*(\\d{1,3})\\s+([A-Za-z0-9]+)\\s+(.+?)\\s*$"));
    const auto m = pattern.match(input);
    if (!m.hasMatch())
        return invalid(field,
                       QStringLiteral("a CAA record is 'flags tag value', e.g. 0 issue \"letsencrypt.org\""));
    const int flags = m.captured(1).toInt();
    if (flags > 255)
        return invalid(field, QStringLiteral("CAA flags are 0 to 255"));
    const QString tag = m.captured(2).toLower();
    static const QStringList tags{QStringLiteral("issue"), QStringLiteral("issuewild"),
                                  QStringLiteral("iodef"), QStringLiteral("issuemail")};
    if (!tags.contains(tag))
        return invalid(field, QStringLiteral("the CAA tag '%1' is not one of %2").arg(tag, tags.join(u", ")));
    QString value = m.captured(3);
    if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
        value = value.mid(1, value.size() - 2);
    if (value.contains(u'"') || value.contains(u'\\'))
        return invalid(field, QStringLiteral("a CAA value must not contain quotes or backslashes"));
    if (tag == QLatin1String("iodef") && !value.startsWith(QLatin1String("mailto:")) &&
        !value.startsWith(QLatin1String("https://")) && !value.startsWith(QLatin1String("http://")))
        return invalid(field, QStringLiteral("an iodef value is a mailto: or http(s):// URL"));
    if (tag != QLatin1String("iodef") && !value.isEmpty() && value != QLatin1String(";")) {
        // issue/issuewild: a CA's domain, optionally followed by "; parameters".
        const QString domain = value.section(u';', 0, 0).trimmed();
        static const QRegularExpression host(QStringLiteral(
            "^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)*[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$"));
        if (!domain.isEmpty() && !host.match(domain).hasMatch())
            return invalid(field, QStringLiteral("'%1' is not a CA's domain name").arg(domain));
    }
    return QStringLiteral("%1 %2 \"%3\"").arg(flags).arg(tag, value);
}

} // namespace

const QStringList &recordTypes()
{
    static const QStringList types{QStringLiteral("A"),   QStringLiteral("AAAA"), QStringLiteral("CNAME"),
                                   QStringLiteral("MX"),  QStringLiteral("TXT"),  QStringLiteral("SRV"),
                                   QStringLiteral("CAA"), QStringLiteral("NS"),   QStringLiteral("PTR")};
    return types;
}

Result<QString> txtContent(const QString &input, const QString &field)
{
    if (input.toUtf8().size() > kMaxTxtBytes)
        return invalid(field, QStringLiteral("a TXT record is at most %1 bytes").arg(kMaxTxtBytes));
    const QString trimmed = input.trimmed();
    if (trimmed.startsWith(u'"')) {
        // Already quoted strings: "part one" "part two", each at most 255 bytes.
        static const QRegularExpression quoted(QStringLiteral("\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*"));
        qsizetype at = 0;
        QStringList parts;
        while (at < trimmed.size()) {
            const auto m = quoted.match(trimmed, at, QRegularExpression::NormalMatch,
                                        QRegularExpression::AnchorAtOffsetMatchOption);
            if (!m.hasMatch())
                return invalid(field, QStringLiteral("quoted TXT strings must each be closed by a quote"));
            QString unescaped = m.captured(1);
            unescaped.replace(QRegularExpression(QStringLiteral("\\\\(.)")), QStringLiteral("\\1"));
            if (unescaped.toUtf8().size() > 255)
                return invalid(field, QStringLiteral("each quoted TXT string is at most 255 bytes"));
            parts << u'"' + m.captured(1) + u'"';
            at = m.capturedEnd();
        }
        if (parts.isEmpty())
            return invalid(field, QStringLiteral("an empty TXT record"));
        return parts.join(u' ');
    }
    // Plain text: split into strings of at most 255 bytes, never inside a UTF-8 character.
    const QByteArray bytes = input.toUtf8();
    QStringList parts;
    qsizetype start = 0;
    do {
        qsizetype end = qMin(start + 255, bytes.size());
        while (end < bytes.size() && end > start && (quint8(bytes.at(end)) & 0xC0) == 0x80)
            --end;
        QString part = QString::fromUtf8(bytes.mid(start, end - start));
        part.replace(u'\\', QStringLiteral("\\\\"));
        part.replace(u'"', QStringLiteral("\\\""));
        parts << u'"' + part + u'"';
        start = end;
    } while (start < bytes.size());
    return parts.join(u' ');
}

Result<QString> recordContent(const QString &type, const QString &input, const QString &owner,
                              const QString &zone, const QString &field)
{
    if (type == QLatin1String("A") || type == QLatin1String("AAAA"))
        return addressContent(type, input, field);
    if (type == QLatin1String("CNAME") || type == QLatin1String("NS") || type == QLatin1String("PTR")) {
        const QStringList w = words(input);
        if (w.size() != 1)
            return invalid(field, QStringLiteral("a %1 record is one host name").arg(type));
        auto target = targetName(w.first(), zone, field);
        if (!target)
            return target.error();
        if (type == QLatin1String("CNAME") && *target == owner)
            return invalid(field, QStringLiteral("a CNAME must not point to itself"));
        return *target;
    }
    if (type == QLatin1String("MX")) {
        const QStringList w = words(input);
        const auto n = w.size() == 2 ? numbers({w.at(0)}, 65535) : std::nullopt;
        if (!n)
            return invalid(field, QStringLiteral("an MX record is 'priority host', priority 0 to 65535"));
        if (w.at(1) == QLatin1String("."))
            return QStringLiteral("%1 .").arg(n->first()); // null MX (RFC 7505)
        auto target = targetName(w.at(1), zone, field);
        if (!target)
            return target.error();
        return QStringLiteral("%1 %2").arg(n->first()).arg(*target);
    }
    if (type == QLatin1String("SRV")) {
        const QStringList w = words(input);
        const auto n = w.size() == 4 ? numbers(w.mid(0, 3), 65535) : std::nullopt;
        if (!n)
            return invalid(
                field, QStringLiteral("an SRV record is 'priority weight port target', numbers 0 to 65535"));
        QString target = QStringLiteral(".");
        if (w.at(3) != QLatin1String(".")) {
            auto t = targetName(w.at(3), zone, field);
            if (!t)
                return t.error();
            target = *t;
        }
        return QStringLiteral("%1 %2 %3 %4").arg(n->at(0)).arg(n->at(1)).arg(n->at(2)).arg(target);
    }
    if (type == QLatin1String("TXT"))
        return txtContent(input, field);
    if (type == QLatin1String("CAA"))
        return caaContent(input, field);
    return makeError(errors::DnsInvalidType, QStringLiteral("unsupported record type %1").arg(type), field);
}

Result<RecordSet> checkChange(const RecordChange &change, const QString &zone, int defaultTtl)
{
    const QString type = change.type.trimmed().toUpper();
    if (!recordTypes().contains(type))
        return makeError(errors::DnsInvalidType,
                         QStringLiteral("type is one of %1").arg(recordTypes().join(QStringLiteral(", "))),
                         change.path + QStringLiteral(".type"));
    auto owner = ownerName(change.name, zone, change.path + QStringLiteral(".name"));
    if (!owner)
        return owner.error();
    RecordSet set;
    set.name = *owner;
    set.type = type;
    set.path = change.path;
    set.ttl = change.ttl.value_or(defaultTtl);
    if (set.ttl < kMinTtl || set.ttl > kMaxTtl)
        return makeError(errors::DnsInvalidTtl,
                         QStringLiteral("ttl is %1 to %2 seconds").arg(kMinTtl).arg(kMaxTtl),
                         change.path + QStringLiteral(".ttl"));
    if (change.remove)
        return set;
    if (change.records.size() > kMaxRecordsPerSet)
        return invalid(change.path + QStringLiteral(".records"),
                       QStringLiteral("at most %1 records in one set").arg(kMaxRecordsPerSet));
    if (type == QLatin1String("SRV") &&
        !QRegularExpression(QStringLiteral("^_[a-z0-9-]+\\._[a-z0-9]+\\.")).match(set.name).hasMatch())
        return makeError(errors::DnsInvalidName,
                         QStringLiteral("an SRV record's name is _service._proto (e.g. _sip._tcp)"),
                         change.path + QStringLiteral(".name"));
    if (type == QLatin1String("CNAME") && change.records.size() > 1)
        return invalid(change.path + QStringLiteral(".records"),
                       QStringLiteral("a CNAME set has one record"));
    for (qsizetype i = 0; i < change.records.size(); ++i) {
        const QString field = QStringLiteral("%1.records[%2]").arg(change.path).arg(i);
        auto content = recordContent(type, change.records.at(i), set.name, zone, field);
        if (!content)
            return content.error();
        if (set.records.contains(*content))
            return invalid(field, QStringLiteral("the record '%1' is in the set twice").arg(*content));
        set.records << *content;
    }
    return set;
}

Status checkBatch(const QList<RecordSet> &sets, const QString &zone,
                  const QMap<QString, QSet<QString>> &existing)
{
    QMap<QString, QSet<QString>> after = existing;
    QSet<QString> seen;
    for (const RecordSet &s : sets) {
        const QString key = s.name + u' ' + s.type;
        if (seen.contains(key))
            return makeError(errors::DnsInvalidRecord,
                             QStringLiteral("%1 %2 is changed twice in one request").arg(s.name, s.type),
                             s.path + QStringLiteral(".name"));
        seen.insert(key);
        if (s.removes())
            after[s.name].remove(s.type);
        else
            after[s.name].insert(s.type);
    }
    for (const RecordSet &s : sets) {
        if (s.removes())
            continue;
        const QSet<QString> &types = after.value(s.name);
        if (s.type == QLatin1String("CNAME") && s.name == zone)
            return makeError(errors::DnsCnameConflict,
                             QStringLiteral("the zone's apex cannot have a CNAME (it has SOA and NS)"),
                             s.path + QStringLiteral(".type"));
        if (types.contains(QStringLiteral("CNAME")) && types.size() > 1) {
            QStringList others = QStringList(types.begin(), types.end());
            others.removeAll(QStringLiteral("CNAME"));
            others.sort();
            return makeError(errors::DnsCnameConflict,
                             QStringLiteral("%1 cannot have a CNAME and other records (%2)")
                                 .arg(s.name, others.join(QStringLiteral(", "))),
                             s.path + QStringLiteral(".type"));
        }
    }
    return {};
}

} // namespace mp::dns
