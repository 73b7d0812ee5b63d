#include "dns/dns_settings.h"

#include "core/errors.h"
#include "db/sql.h"
#include "db/tenant_transaction.h"
#include "dns/dns_errors.h"
#include "dns/dns_names.h"
#include "dns/dns_record_rules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace mp::dns {

QString DnsSettings::soaFor(const QString &zone) const
{
    const QString mname = !soaMname.isEmpty() ? soaMname : nameservers.value(0);
    if (mname.isEmpty())
        return {};
    const QString rname = !soaRname.isEmpty() ? soaRname : QStringLiteral("hostmaster.") + zone;
    return QStringLiteral("%1 %2 0 10800 3600 604800 3600").arg(mname, rname);
}

QJsonObject DnsSettings::toJson() const
{
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return {{QStringLiteral("pod_zone"), orNull(podZone)},
            {QStringLiteral("soa_mname"), orNull(soaMname)},
            {QStringLiteral("soa_rname"), orNull(soaRname)},
            {QStringLiteral("nameservers"), QJsonArray::fromStringList(nameservers)},
            {QStringLiteral("default_ttl"), defaultTtl}};
}

const api::RequestBody &DnsSettingsStore::body()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("DnsSettingsInput"))
            .add(BodyField::string(QStringLiteral("pod_zone"))
                     .nullable()
                     .describe(QStringLiteral("the zone CloudPods get their names in: <pod>.<pod_zone>")))
            .add(BodyField::string(QStringLiteral("soa_mname"))
                     .nullable()
                     .describe(
                         QStringLiteral("the SOA's primary name server; default: the first name server")))
            .add(BodyField::string(QStringLiteral("soa_rname"))
                     .nullable()
                     .describe(QStringLiteral(
                         "the SOA's mailbox as a name (hostmaster.example.net.) or an address")))
            .add(BodyField::strings(QStringLiteral("nameservers"))
                     .describe(QStringLiteral("the NS records every new zone gets")))
            .add(BodyField::integer(QStringLiteral("default_ttl"))
                     .minimum(kMinTtl)
                     .maximum(kMaxTtl)
                     .outOfRange(errors::DnsInvalidTtl));
    return body;
}

Result<DnsSettings> DnsSettingsStore::read(const QSqlDatabase &db)
{
    auto q =
        sql::exec(db, QStringLiteral("SELECT coalesce(pod_zone, ''), coalesce(soa_mname, ''), "
                                     "coalesce(soa_rname, ''), array_to_json(nameservers)::text, default_ttl "
                                     "FROM dns_settings"));
    if (!q)
        return q.error();
    DnsSettings s;
    if (!q->next())
        return s;
    s.podZone = q->value(0).toString();
    s.soaMname = q->value(1).toString();
    s.soaRname = q->value(2).toString();
    for (const QJsonValue &v : QJsonDocument::fromJson(q->value(3).toString().toUtf8()).array())
        s.nameservers << v.toString();
    s.defaultTtl = q->value(4).toInt();
    return s;
}

Result<DnsSettings> DnsSettingsStore::write(TenantTransaction &tx, const api::BodyValues &body,
                                            const QDateTime &now)
{
    auto current = read(tx.db());
    if (!current)
        return current.error();
    DnsSettings s = *current;
    const auto hostField = [&body](const QString &key, QString &into) -> Status {
        if (!body.has(key))
            return {};
        const QString v = body.string(key, QString()).trimmed();
        if (v.isEmpty()) {
            into.clear();
            return {};
        }
        auto name = targetName(v.endsWith(u'.') ? v : v + u'.', QStringLiteral("."), key);
        if (!name)
            return name.error();
        into = *name;
        return {};
    };
    if (body.has(QStringLiteral("pod_zone"))) {
        const QString v = body.string(QStringLiteral("pod_zone"), QString()).trimmed();
        if (v.isEmpty()) {
            s.podZone.clear();
        } else {
            auto zone = canonicalZone(v, QStringLiteral("pod_zone"));
            if (!zone)
                return zone.error();
            s.podZone = *zone;
        }
    }
    if (auto r = hostField(QStringLiteral("soa_mname"), s.soaMname); !r)
        return r.error();
    if (body.has(QStringLiteral("soa_rname"))) {
        QString v = body.string(QStringLiteral("soa_rname"), QString()).trimmed();
        // hostmaster@example.net is written as hostmaster.example.net. in a SOA.
        if (v.count(u'@') == 1 && !v.section(u'@', 0, 0).contains(u'.'))
            v.replace(u'@', u'.');
        QString name;
        if (!v.isEmpty()) {
            auto n =
                targetName(v.endsWith(u'.') ? v : v + u'.', QStringLiteral("."), QStringLiteral("soa_rname"));
            if (!n)
                return n.error();
            name = *n;
        }
        s.soaRname = name;
    }
    if (body.has(QStringLiteral("nameservers"))) {
        QStringList names;
        const QStringList input = body.strings(QStringLiteral("nameservers"));
        for (qsizetype i = 0; i < input.size(); ++i) {
            const QString v = input.at(i).trimmed();
            auto n = targetName(v.endsWith(u'.') ? v : v + u'.', QStringLiteral("."),
                                QStringLiteral("nameservers[%1]").arg(i));
            if (!n)
                return n.error();
            if (!names.contains(*n))
                names << *n;
        }
        s.nameservers = names;
    }
    if (auto ttl = body.integer(QStringLiteral("default_ttl")))
        s.defaultTtl = int(*ttl);
    const auto orNull = [](const QString &v) {
        return v.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(v);
    };
    auto q = sql::exec(
        tx.db(),
        QStringLiteral(
            "INSERT INTO dns_settings (tenant_id, pod_zone, soa_mname, soa_rname, nameservers, default_ttl, "
            "updated_at) VALUES (?::uuid, ?, ?, ?, ARRAY(SELECT jsonb_array_elements_text(?::jsonb)), ?, "
            "?::timestamptz) ON CONFLICT (tenant_id) DO UPDATE SET pod_zone = EXCLUDED.pod_zone, "
            "soa_mname = EXCLUDED.soa_mname, soa_rname = EXCLUDED.soa_rname, nameservers = "
            "EXCLUDED.nameservers, default_ttl = EXCLUDED.default_ttl, updated_at = EXCLUDED.updated_at"),
        {tx.tenantId(), orNull(s.podZone), orNull(s.soaMname), orNull(s.soaRname),
         QString::fromUtf8(
             QJsonDocument(QJsonArray::fromStringList(s.nameservers)).toJson(QJsonDocument::Compact)),
         s.defaultTtl, now.toUTC()});
    if (!q)
        return q.error();
    return s;
}

} // namespace mp::dns
