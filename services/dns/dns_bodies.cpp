#include "dns/dns_bodies.h"

#include "dns/dns_errors.h"
#include "dns/dns_record_rules.h"
#include "dns/dns_zone_file.h"

namespace mp::dns {

const api::RequestBody &newZoneBody()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("DnsZoneInput"))
            .add(BodyField::string(QStringLiteral("name"))
                     .required()
                     .describe(
                         QStringLiteral("the zone's apex, e.g. example.com (the trailing dot is optional)")))
            .add(BodyField::string(QStringLiteral("customer_id"))
                     .format(QStringLiteral("uuid"))
                     .describe(QStringLiteral("the customer who owns it and may edit it")))
            .add(BodyField::string(QStringLiteral("server_id"))
                     .format(QStringLiteral("uuid"))
                     .describe(QStringLiteral("default: the tenant's primary PowerDNS server")))
            .add(BodyField::boolean(QStringLiteral("dnssec"))
                     .describe(QStringLiteral("sign the zone from the start")));
    return body;
}

api::RequestBody recordSetBody(const QString &schema, const QString &nameDescription, bool recordsRequired)
{
    using api::BodyField;
    BodyField records =
        BodyField::strings(QStringLiteral("records"))
            .describe(QStringLiteral(
                "presentation format: 192.0.2.1, 10 mail, v=spf1 -all, 0 issue \"ca.example\""));
    if (recordsRequired) {
        BodyField required = std::move(records).required();
        records = std::move(required);
    }
    return api::RequestBody(schema)
        .add(BodyField::string(QStringLiteral("name")).required().describe(nameDescription))
        .add(
            BodyField::string(QStringLiteral("type")).required().oneOf(recordTypes(), errors::DnsInvalidType))
        .add(BodyField::integer(QStringLiteral("ttl"))
                 .minimum(kMinTtl)
                 .maximum(kMaxTtl)
                 .outOfRange(errors::DnsInvalidTtl)
                 .describe(QStringLiteral("default: the tenant's default TTL")))
        .add(std::move(records));
}

const api::RequestBody &recordChangesBody()
{
    using api::BodyField;
    static const api::RequestBody change =
        recordSetBody(
            QStringLiteral("DnsRecordChange"),
            QStringLiteral("relative to the zone (www, @ for the apex) or absolute with the trailing dot"),
            false)
            .add(BodyField::string(QStringLiteral("changetype"))
                     .required()
                     .oneOf({QStringLiteral("REPLACE"), QStringLiteral("DELETE")},
                            errors::DnsInvalidChangetype)
                     .describe(QStringLiteral(
                         "REPLACE sets exactly these records (none: the set goes); DELETE removes the set")));
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("DnsRecordChanges"))
            .add(BodyField::objects(QStringLiteral("changes"), change)
                     .required()
                     .describe(QStringLiteral(
                         "applied together: one job, one PATCH to PowerDNS, one serial step")));
    return body;
}

const api::RequestBody &dnssecBody()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("DnsDnssecInput"))
            .add(BodyField::boolean(QStringLiteral("enabled"))
                     .required()
                     .describe(QStringLiteral("true: PowerDNS signs the zone (a CSK); false: it stops")));
    return body;
}

const api::RequestBody &zoneImportBody()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("DnsZoneImport"))
            .add(BodyField::string(QStringLiteral("name"))
                     .required()
                     .describe(QStringLiteral("the zone the file is for; staff: made when missing")))
            .add(BodyField::string(QStringLiteral("zone_file"))
                     .required()
                     .maxLength(kMaxZoneFileChars)
                     .describe(QStringLiteral(
                         "BIND zone-file text ($ORIGIN, $TTL, (), comments); SOA and DNSSEC records are "
                         "skipped, every other set replaces the zone's set of that name and type")))
            .add(BodyField::string(QStringLiteral("customer_id"))
                     .format(QStringLiteral("uuid"))
                     .describe(QStringLiteral("staff, for a zone made by the import: who owns it")))
            .add(BodyField::string(QStringLiteral("server_id"))
                     .format(QStringLiteral("uuid"))
                     .describe(QStringLiteral("staff, for a zone made by the import: default the primary")));
    return body;
}

const api::RequestBody &reversePtrBody()
{
    using api::BodyField;
    static const api::RequestBody body =
        api::RequestBody(QStringLiteral("DnsReversePtr"))
            .add(
                BodyField::string(QStringLiteral("ptr"))
                    .required()
                    .maxLength(254)
                    .describe(QStringLiteral("the host name the address answers to, e.g. mail.example.com")));
    return body;
}

} // namespace mp::dns
