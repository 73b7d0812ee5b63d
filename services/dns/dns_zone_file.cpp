#include "dns/dns_zone_file.h"

#include "dns/dns_errors.h"
#include "dns/dns_names.h"

#include <QHash>
#include <QRegularExpression>

namespace mp::dns {

namespace {

const QString kField = QStringLiteral("zone_file");

Error atLine(int line, const QString &message)
{
    return makeError(errors::DnsInvalidZoneFile, QStringLiteral("line %1: %2").arg(line).arg(message),
                     kField);
}

// One entry: its tokens (parentheses joined the lines they span), the line it starts on, and
// whether it started with blank space (then it has no owner: the previous one applies).
struct Entry {
    int line = 0;
    bool blankOwner = false;
    QStringList tokens;
};

Result<QList<Entry>> entries(const QString &text)
{
    QList<Entry> out;
    Entry current;
    int line = 1;
    int depth = 0;
    int openedAt = 0;
    bool lineStart = true;
    const auto finish = [&] {
        if (!current.tokens.isEmpty())
            out.append(current);
        current = Entry{};
    };
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (lineStart && depth == 0) {
            finish();
            current.line = line;
            current.blankOwner = c == u' ' || c == u'\t';
        }
        lineStart = false;
        if (c == u'\n') {
            ++line;
            lineStart = true;
            ++i;
        } else if (c == u' ' || c == u'\t' || c == u'\r') {
            ++i;
        } else if (c == u';') {
            while (i < text.size() && text.at(i) != u'\n')
                ++i;
        } else if (c == u'(') {
            if (depth++ == 0)
                openedAt = line;
            ++i;
        } else if (c == u')') {
            if (--depth < 0)
                return atLine(line, QStringLiteral("')' without '('"));
            ++i;
        } else if (c == u'"') {
            const int startLine = line;
            qsizetype end = i + 1;
            while (end < text.size() && text.at(end) != u'"') {
                if (text.at(end) == u'\\')
                    ++end;
                else if (text.at(end) == u'\n')
                    return atLine(startLine, QStringLiteral("a quoted string is not closed on its line"));
                ++end;
            }
            if (end >= text.size())
                return atLine(startLine, QStringLiteral("a quoted string is not closed"));
            current.tokens << text.mid(i, end - i + 1);
            i = end + 1;
        } else {
            qsizetype end = i;
            while (end < text.size()) {
                const QChar d = text.at(end);
                if (d == u'\\' && end + 1 < text.size()) {
                    end += 2;
                    continue;
                }
                if (d.isSpace() || d == u';' || d == u'(' || d == u')' || d == u'"')
                    break;
                ++end;
            }
            current.tokens << text.mid(i, end - i);
            i = end;
        }
    }
    if (depth > 0)
        return atLine(openedAt, QStringLiteral("'(' is never closed"));
    finish();
    return out;
}

// "3600", "1h", "1h30m", "2d", "1w": seconds, or nullopt when the token is no TTL.
std::optional<qint64> ttlSeconds(const QString &token)
{
    static const QRegularExpression plain(QStringLiteral("^\\d{1,10}$"));
    static const QRegularExpression units(QStringLiteral("^(\\d{1,7}[smhdwSMHDW])+$"));
    if (plain.match(token).hasMatch())
        return token.toLongLong();
    if (!units.match(token).hasMatch())
        return std::nullopt;
    qint64 total = 0;
    static const QRegularExpression part(QStringLiteral("(\\d+)([smhdwSMHDW])"));
    for (auto it = part.globalMatch(token); it.hasNext();) {
        const auto m = it.next();
        static const QHash<QChar, qint64> factor{
            {u's', 1}, {u'm', 60}, {u'h', 3600}, {u'd', 86400}, {u'w', 604800}};
        total += m.captured(1).toLongLong() * factor.value(m.captured(2).at(0).toLower());
    }
    return total;
}

// A name as the file writes it, absolute: "@" is the origin, a name without the final dot is
// relative to it.
QString absolute(const QString &token, const QString &origin)
{
    const QString n = token.toLower();
    if (n == QLatin1String("@"))
        return origin;
    if (n.endsWith(u'.'))
        return n;
    return n + u'.' + origin;
}

// Types PowerDNS makes for a signed zone: an export of a signed zone imports without them.
bool madeByPowerDns(const QString &type)
{
    static const QStringList types{QStringLiteral("SOA"),   QStringLiteral("DNSKEY"),
                                   QStringLiteral("RRSIG"), QStringLiteral("NSEC"),
                                   QStringLiteral("NSEC3"), QStringLiteral("NSEC3PARAM"),
                                   QStringLiteral("CDS"),   QStringLiteral("CDNSKEY")};
    return types.contains(type);
}

// The record's data in the form the API takes, names made absolute against the origin.
Result<QString> rdata(const QString &type, QStringList data, const QString &origin, int line)
{
    const auto nameAt = [&](qsizetype index) {
        if (index < data.size() && data.at(index) != QLatin1String("."))
            data[index] = absolute(data.at(index), origin);
    };
    if (type == QLatin1String("CNAME") || type == QLatin1String("NS") || type == QLatin1String("PTR"))
        nameAt(0);
    else if (type == QLatin1String("MX"))
        nameAt(1);
    else if (type == QLatin1String("SRV"))
        nameAt(3);
    else if (type == QLatin1String("TXT")) {
        // Unquoted words are strings of their own, as BIND reads them.
        for (QString &part : data) {
            if (!part.startsWith(u'"'))
                part = u'"' + part + u'"';
        }
    }
    if (data.isEmpty())
        return atLine(line, QStringLiteral("the %1 record has no data").arg(type));
    return data.join(u' ');
}

} // namespace

QString zoneFileField(int line)
{
    return kField + u':' + QString::number(line);
}

Error zoneFileError(const Error &error)
{
    if (!error.field.startsWith(kField + u':'))
        return error;
    Error out = error;
    const QString line = error.field.mid(kField.size() + 1).section(u'.', 0, 0);
    out.field = kField;
    out.message = QStringLiteral("line %1: %2").arg(line, error.message);
    return out;
}

Result<ZoneFileContent> parseZoneFile(const QString &text, const QString &zone, int defaultTtl)
{
    if (text.size() > kMaxZoneFileChars)
        return makeError(errors::DnsInvalidZoneFile,
                         QStringLiteral("a zone file is at most %1 characters").arg(kMaxZoneFileChars),
                         kField);
    auto list = entries(text);
    if (!list)
        return list.error();
    ZoneFileContent out;
    QHash<QString, qsizetype> setAt; // "name type" -> index in out.changes
    QString origin = zone;
    QString owner;
    std::optional<int> fileTtl;
    std::optional<int> lastTtl;
    for (const Entry &e : std::as_const(*list)) {
        const QString first = e.tokens.first();
        if (!e.blankOwner && first.startsWith(u'$')) {
            const QString directive = first.toUpper();
            if (directive == QLatin1String("$ORIGIN") && e.tokens.size() == 2) {
                origin = absolute(e.tokens.at(1), origin);
                if (!inZone(origin, zone))
                    return atLine(e.line,
                                  QStringLiteral("$ORIGIN %1 is not inside the zone %2").arg(origin, zone));
                continue;
            }
            if (directive == QLatin1String("$TTL") && e.tokens.size() == 2) {
                const auto ttl = ttlSeconds(e.tokens.at(1));
                if (!ttl || *ttl < kMinTtl || *ttl > kMaxTtl)
                    return atLine(e.line,
                                  QStringLiteral("$TTL is %1 to %2 seconds").arg(kMinTtl).arg(kMaxTtl));
                fileTtl = int(*ttl);
                continue;
            }
            if (directive == QLatin1String("$ORIGIN") || directive == QLatin1String("$TTL"))
                return atLine(e.line, QStringLiteral("%1 takes one value").arg(directive));
            return atLine(e.line, QStringLiteral("%1 is not supported").arg(first));
        }
        qsizetype at = 0;
        if (!e.blankOwner) {
            owner = absolute(first, origin);
            at = 1;
        } else if (owner.isEmpty()) {
            return atLine(e.line, QStringLiteral("the first record names its owner"));
        }
        std::optional<int> ttl;
        QString type;
        for (; at < e.tokens.size(); ++at) {
            const QString token = e.tokens.at(at);
            if (const auto seconds = ttlSeconds(token); seconds && !ttl) {
                if (*seconds < kMinTtl || *seconds > kMaxTtl)
                    return atLine(e.line, QStringLiteral("the TTL %1 is not %2 to %3 seconds")
                                              .arg(token)
                                              .arg(kMinTtl)
                                              .arg(kMaxTtl));
                ttl = int(*seconds);
                continue;
            }
            const QString upper = token.toUpper();
            if (upper == QLatin1String("IN"))
                continue;
            if (upper == QLatin1String("CH") || upper == QLatin1String("HS") || upper == QLatin1String("CS"))
                return atLine(e.line, QStringLiteral("only class IN is served"));
            type = upper;
            ++at;
            break;
        }
        if (type.isEmpty())
            return atLine(e.line, QStringLiteral("the record has no type"));
        if (madeByPowerDns(type)) {
            ++out.skipped;
            continue;
        }
        if (!recordTypes().contains(type))
            return atLine(e.line, QStringLiteral("the type %1 is not one of %2")
                                      .arg(type, recordTypes().join(QStringLiteral(", "))));
        auto name = ownerName(owner, zone, kField);
        if (!name)
            return atLine(e.line, name.error().message);
        auto data = rdata(type, e.tokens.mid(at), origin, e.line);
        if (!data)
            return data.error();
        auto content = recordContent(type, *data, *name, zone, kField);
        if (!content)
            return atLine(e.line, content.error().message);
        // RFC 2308: a record without a TTL has $TTL; with no $TTL, the last one given (RFC 1035).
        const int effective = ttl.value_or(fileTtl.value_or(lastTtl.value_or(defaultTtl)));
        if (ttl)
            lastTtl = ttl;
        const QString key = *name + u' ' + type;
        if (auto found = setAt.constFind(key); found != setAt.cend()) {
            RecordChange &set = out.changes[*found];
            if (!set.records.contains(*content))
                set.records << *content;
            continue;
        }
        RecordChange change;
        change.name = *name;
        change.type = type;
        change.ttl = effective;
        change.records << *content;
        change.path = zoneFileField(e.line);
        setAt.insert(key, out.changes.size());
        out.changes.append(change);
    }
    return out;
}

QString writeZoneFile(const QString &zone, const QString &soa, int soaTtl, const QList<DnsRecordRow> &sets)
{
    QString out;
    out += QStringLiteral("$ORIGIN %1\n").arg(zone);
    out += QStringLiteral("$TTL %1\n").arg(soaTtl);
    if (!soa.isEmpty())
        out += QStringLiteral("@\t%1\tIN\tSOA\t%2\n").arg(soaTtl).arg(soa);
    for (const DnsRecordRow &set : sets) {
        const QString owner = relativeName(set.name, zone);
        for (const QString &record : set.records)
            out += QStringLiteral("%1\t%2\tIN\t%3\t%4\n").arg(owner).arg(set.ttl).arg(set.type, record);
    }
    return out;
}

} // namespace mp::dns
