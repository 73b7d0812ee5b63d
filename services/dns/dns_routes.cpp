#include "dns/dns_routes.h"

#include "api/responses.h"
#include "core/clock.h"
#include "core/errors.h"
#include "core/uuid_text.h"
#include "dns/dns_bodies.h"
#include "dns/dns_names.h"
#include "dns/dns_reverse.h"
#include "dns/dns_servers.h"
#include "dns/dns_settings.h"
#include "dns/dns_zone_file.h"
#include "dns/dns_zone_files.h"
#include "dns/dns_zone_template.h"
#include "dns/dns_zones.h"
#include "http/api_context.h"
#include "http/router.h"
#include "http/tenant_routes.h"

#include <QJsonArray>
#include <QUuid>

namespace mp::dns {

namespace {

using api::errorResponse;

HttpResponse items(const QList<QJsonObject> &objects)
{
    QJsonArray array;
    for (const QJsonObject &o : objects)
        array.append(o);
    return HttpResponse::json(200, QJsonObject{{QStringLiteral("items"), array}});
}

// The zone in the path, if the caller may see it: staff any of the tenant's, a customer only
// its own (another customer's zone answers exactly as a missing one).
Result<DnsZone> visibleZone(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    const Error missing = makeError(errors::NotFound, QStringLiteral("no such zone"), QStringLiteral("name"));
    auto name = canonicalZone(request.pathParams.value(QStringLiteral("name")), QStringLiteral("name"));
    if (!name)
        return missing;
    auto zone = DnsZones::find(tx.db(), *name);
    if (!zone)
        return zone.error().code == errors::NotFound ? missing : zone.error();
    if (!isStaff(caller) && zone->customerId != caller.customerId)
        return missing;
    return zone;
}

QJsonObject queuedJson(const Queued &q)
{
    return {{QStringLiteral("zone"), q.zone.toJson()},
            {QStringLiteral("job_id"), q.jobId},
            {QStringLiteral("change_id"), q.changeId}};
}

HttpResponse queued(const Result<Queued> &q)
{
    return q ? HttpResponse::json(202, queuedJson(*q)) : errorResponse(q.error());
}

HttpResponse listZones(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    ZoneFilter filter;
    for (const auto &[name, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        if (name == QLatin1String("customer_id") && isStaff(caller)) {
            if (!isUuid(value))
                return HttpResponse::error(400, errors::InvalidParameter,
                                           QStringLiteral("customer_id must be a uuid"), name);
            filter.customerId = value;
        } else if (name == QLatin1String("after")) {
            filter.after = value.toLower();
        } else if (name == QLatin1String("limit")) {
            bool ok = false;
            filter.limit = value.toInt(&ok);
            if (!ok || filter.limit < 1 || filter.limit > 1000)
                return HttpResponse::error(400, errors::InvalidParameter,
                                           QStringLiteral("limit is 1 to 1000"), name);
        } else {
            return HttpResponse::error(400, errors::UnknownParameter,
                                       QStringLiteral("unknown parameter '%1'").arg(name), name);
        }
    }
    if (!isStaff(caller))
        filter.customerId = caller.customerId;
    auto zones = DnsZones::list(tx.db(), filter);
    if (!zones)
        return errorResponse(zones.error());
    QList<QJsonObject> out;
    for (const DnsZone &z : std::as_const(*zones))
        out.append(z.toJson());
    return items(out);
}

HttpResponse zoneDetail(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto zone = visibleZone(request, tx, caller);
    if (!zone)
        return errorResponse(zone.error());
    auto pending = DnsZones::pendingChanges(tx.db(), zone->id);
    if (!pending)
        return errorResponse(pending.error());
    QJsonObject body = zone->toJson();
    QJsonArray list;
    for (const QJsonObject &p : std::as_const(*pending))
        list.append(p);
    body.insert(QStringLiteral("pending"), list);
    return HttpResponse::json(200, body);
}

// The zone a body asks for (POST /api/dns/zones, an import's zone when missing).
Result<NewZone> newZoneFrom(const api::BodyValues &body)
{
    NewZone zone;
    zone.name = body.string(QStringLiteral("name"), QString());
    zone.customerId = body.string(QStringLiteral("customer_id"), QString());
    zone.serverId = body.string(QStringLiteral("server_id"), QString());
    zone.dnssec = body.boolean(QStringLiteral("dnssec")).value_or(false);
    for (const auto &[key, value] : {std::pair{QStringLiteral("customer_id"), zone.customerId},
                                     std::pair{QStringLiteral("server_id"), zone.serverId}}) {
        if (!value.isEmpty() && !isUuid(value))
            return makeError(errors::InvalidValue, QStringLiteral("%1 must be a uuid").arg(key), key);
    }
    return zone;
}

HttpResponse createZone(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto body = newZoneBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto zone = newZoneFrom(*body);
    if (!zone)
        return errorResponse(zone.error());
    return queued(DnsZones::create(tx, *zone, actorOf(caller), Clock::current().now()));
}

// A zone file into the named zone: one the caller may see, or (staff) a new one made with it.
HttpResponse importZone(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto body = zoneImportBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    auto input = newZoneFrom(*body);
    if (!input)
        return errorResponse(input.error());
    auto name = canonicalZone(input->name, QStringLiteral("name"));
    if (!name)
        return errorResponse(name.error());
    const QDateTime now = Clock::current().now();
    auto zone = DnsZones::find(tx.db(), *name);
    if (!zone && zone.error().code == errors::NotFound && isStaff(caller)) {
        auto created = DnsZones::create(tx, *input, actorOf(caller), now);
        if (!created)
            return errorResponse(created.error());
        zone = created->zone;
    } else if (zone && !isStaff(caller) && zone->customerId != caller.customerId) {
        zone = makeError(errors::NotFound, QStringLiteral("no such zone"), QStringLiteral("name"));
    }
    if (!zone)
        return errorResponse(zone.error());
    auto imported = ZoneFiles::importInto(tx, *zone, body->string(QStringLiteral("zone_file"), QString()),
                                          actorOf(caller), now);
    if (!imported)
        return errorResponse(imported.error());
    QJsonObject answer = queuedJson(imported->queued);
    answer.insert(QStringLiteral("record_sets"), imported->recordSets);
    answer.insert(QStringLiteral("skipped"), imported->skipped);
    return HttpResponse::json(202, answer);
}

HttpResponse exportZone(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto zone = visibleZone(request, tx, caller);
    if (!zone)
        return errorResponse(zone.error());
    auto text = ZoneFiles::exportZone(tx.db(), *zone);
    if (!text)
        return errorResponse(text.error());
    HttpResponse response;
    response.status = 200;
    response.contentType = "text/dns; charset=utf-8";
    response.body = text->toUtf8();
    response.headers.append(
        {"Content-Disposition", QStringLiteral("attachment; filename=\"%1zone\"").arg(zone->name).toUtf8()});
    return response;
}

HttpResponse changeRecords(const HttpRequest &request, TenantTransaction &tx, const Caller &caller)
{
    auto zone = visibleZone(request, tx, caller);
    if (!zone)
        return errorResponse(zone.error());
    auto body = recordChangesBody().parse(request);
    if (!body)
        return errorResponse(body.error());
    const QList<api::BodyValues> input = body->objects(QStringLiteral("changes"));
    if (input.isEmpty())
        return HttpResponse::error(422, errors::Required, QStringLiteral("changes lists at least one change"),
                                   QStringLiteral("changes"));
    if (input.size() > 10000)
        return HttpResponse::error(422, errors::InvalidValue,
                                   QStringLiteral("at most 10000 changes in one request"),
                                   QStringLiteral("changes"));
    QList<RecordChange> changes;
    for (const api::BodyValues &c : input) {
        RecordChange change;
        change.path = c.prefix();
        change.name = c.string(QStringLiteral("name"), QString());
        change.type = c.string(QStringLiteral("type"), QString());
        if (const auto ttl = c.integer(QStringLiteral("ttl")))
            change.ttl = int(*ttl);
        change.records = c.strings(QStringLiteral("records"));
        change.remove = c.string(QStringLiteral("changetype"), QString()) == QLatin1String("DELETE") ||
                        change.records.isEmpty();
        changes.append(change);
    }
    return queued(DnsZones::change(tx, *zone, changes, actorOf(caller), Clock::current().now()));
}

} // namespace

void registerDnsRoutes(Router &router, ApiContext &context)
{
    ApiContext *ctx = &context;
    const auto anyone = [ctx](bool write, TenantRouteWork work) {
        return callerRoute(*ctx, write, std::move(work));
    };
    const auto staff = [ctx](bool write, TenantRouteWork work) {
        return staffRoute(*ctx, write, std::move(work));
    };

    router.add(QStringLiteral("GET"), QStringLiteral("/api/dns/zones"), anyone(false, &listZones));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/dns/zones"), staff(true, &createZone));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/dns/zones/{name}"), anyone(false, &zoneDetail));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/dns/zones/import"), anyone(true, &importZone),
               kMaxZoneFileChars * 2 + 64 * 1024);
    router.add(QStringLiteral("GET"), QStringLiteral("/api/dns/zones/{name}/export"),
               anyone(false, &exportZone));
    router.add(QStringLiteral("DELETE"), QStringLiteral("/api/dns/zones/{name}"),
               staff(true, [](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
                   auto zone = visibleZone(r, tx, c);
                   if (!zone)
                       return errorResponse(zone.error());
                   return queued(DnsZones::remove(tx, *zone, actorOf(c), Clock::current().now()));
               }));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/dns/zones/{name}/records"),
               anyone(false, [](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
                   auto zone = visibleZone(r, tx, c);
                   if (!zone)
                       return errorResponse(zone.error());
                   auto records = DnsZones::records(tx.db(), zone->id);
                   if (!records)
                       return errorResponse(records.error());
                   QList<QJsonObject> out;
                   for (const DnsRecordRow &row : std::as_const(*records))
                       out.append(row.toJson());
                   return items(out);
               }));
    router.add(QStringLiteral("PATCH"), QStringLiteral("/api/dns/zones/{name}/records"),
               anyone(true, &changeRecords));

    // Staff, or the customer who owns the zone.
    router.add(QStringLiteral("POST"), QStringLiteral("/api/dns/zones/{name}/dnssec"),
               anyone(true, [](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
                   auto zone = visibleZone(r, tx, c);
                   if (!zone)
                       return errorResponse(zone.error());
                   auto body = dnssecBody().parse(r);
                   if (!body)
                       return errorResponse(body.error());
                   return queued(DnsZones::setDnssec(tx, *zone,
                                                     body->boolean(QStringLiteral("enabled")).value_or(false),
                                                     actorOf(c), Clock::current().now()));
               }));
    // Reverse DNS of services' addresses: a customer their own pods', staff any.
    router.add(QStringLiteral("GET"), QStringLiteral("/api/dns/reverse"),
               anyone(false, [](const HttpRequest &, TenantTransaction &tx, const Caller &c) {
                   auto ptrs = ReverseDns::list(tx.db(), isStaff(c) ? QString() : c.customerId);
                   if (!ptrs)
                       return errorResponse(ptrs.error());
                   QList<QJsonObject> out;
                   for (const ReversePtr &p : std::as_const(*ptrs))
                       out.append(p.toJson());
                   return items(out);
               }));
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/dns/reverse/{address}"),
               anyone(true, [](const HttpRequest &r, TenantTransaction &tx, const Caller &c) {
                   auto body = reversePtrBody().parse(r);
                   if (!body)
                       return errorResponse(body.error());
                   return queued(ReverseDns::setPtr(tx, r.pathParams.value(QStringLiteral("address")),
                                                    body->string(QStringLiteral("ptr"), QString()),
                                                    isStaff(c) ? QString() : c.customerId, actorOf(c),
                                                    Clock::current().now()));
               }));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/dns/servers"),
               staff(false, [](const HttpRequest &, TenantTransaction &tx, const Caller &) {
                   auto servers = DnsServers::list(tx);
                   return servers ? items(*servers) : errorResponse(servers.error());
               }));
    router.add(QStringLiteral("POST"), QStringLiteral("/api/dns/servers"),
               staff(true, [](const HttpRequest &r, TenantTransaction &tx, const Caller &) {
                   auto body = DnsServers::serverBody().parse(r);
                   if (!body)
                       return errorResponse(body.error());
                   auto created = DnsServers::create(tx, *body, Clock::current().now());
                   if (!created)
                       return errorResponse(created.error());
                   HttpResponse response = HttpResponse::json(201, *created);
                   response.headers.append({"Location", QByteArrayLiteral("/api/dns/servers")});
                   return response;
               }));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/dns/template"),
               staff(false, [](const HttpRequest &, TenantTransaction &tx, const Caller &) {
                   auto sets = DnsZoneTemplate::read(tx.db());
                   return sets ? HttpResponse::json(200, QJsonObject{{QStringLiteral("record_sets"), *sets}})
                               : errorResponse(sets.error());
               }));
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/dns/template"),
               staff(true, [](const HttpRequest &r, TenantTransaction &tx, const Caller &) {
                   auto body = DnsZoneTemplate::body().parse(r);
                   if (!body)
                       return errorResponse(body.error());
                   auto sets = DnsZoneTemplate::write(tx, *body, Clock::current().now());
                   return sets ? HttpResponse::json(200, QJsonObject{{QStringLiteral("record_sets"), *sets}})
                               : errorResponse(sets.error());
               }));
    router.add(QStringLiteral("GET"), QStringLiteral("/api/dns/settings"),
               staff(false, [](const HttpRequest &, TenantTransaction &tx, const Caller &) {
                   auto s = DnsSettingsStore::read(tx.db());
                   return s ? HttpResponse::json(200, s->toJson()) : errorResponse(s.error());
               }));
    router.add(QStringLiteral("PUT"), QStringLiteral("/api/dns/settings"),
               staff(true, [](const HttpRequest &r, TenantTransaction &tx, const Caller &) {
                   auto body = DnsSettingsStore::body().parse(r);
                   if (!body)
                       return errorResponse(body.error());
                   auto s = DnsSettingsStore::write(tx, *body, Clock::current().now());
                   return s ? HttpResponse::json(200, s->toJson()) : errorResponse(s.error());
               }));
}

} // namespace mp::dns
