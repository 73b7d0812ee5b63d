#include "dns/dns_openapi.h"

#include "api/openapi.h"
#include "dns/dns_bodies.h"
#include "dns/dns_servers.h"
#include "dns/dns_settings.h"
#include "dns/dns_zone_template.h"

namespace mp::dns {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/api/dns/zones": {
      "get": {"summary": "DNS zones by name (staff: the tenant's; a customer: its own)", "tags": ["dns"],
        "parameters": [{"name": "customer_id", "in": "query", "schema": {"type": "string", "format": "uuid"}, "description": "staff only"},
          {"name": "after", "in": "query", "schema": {"type": "string"}, "description": "keyset: zones named after this one"},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 200}}],
        "responses": {"200": {"description": "{items: [DnsZone]}"}, "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Create a zone on the tenant's PowerDNS (staff): answers once its job is queued", "tags": ["dns"],
        "responses": {"202": {"description": "{zone: DnsZone, job_id}"}, "400": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/dns/zones/{name}": {
      "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}, "description": "the zone, e.g. example.com"}],
      "get": {"summary": "One zone with its serial and pending changes (each with its job)", "tags": ["dns"],
        "responses": {"200": {"description": "DnsZone with pending: [change]"}, "404": {"$ref": "#/components/responses/Error"}}},
      "delete": {"summary": "Delete the zone (staff), through a job", "tags": ["dns"],
        "responses": {"202": {"description": "{zone: DnsZone, job_id}"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/dns/zones/{name}/records": {
      "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"summary": "The zone's record sets as mPanel holds them; pending: not yet on the server", "tags": ["dns"],
        "responses": {"200": {"description": "{items: [{name, type, ttl, records, pending, source_type, source_id}]}"},
          "404": {"$ref": "#/components/responses/Error"}}},
      "patch": {"summary": "Change record sets: every change is checked first (CNAME exclusivity, names inside the zone, record syntax, TTL); all go out as one PATCH in one job. Answers once queued, with the job id",
        "tags": ["dns"],
        "responses": {"202": {"description": "{zone: DnsZone, job_id, change_id}"}, "400": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/dns/zones/import": {
      "post": {"summary": "Import a BIND zone file into a zone (staff: made when missing; a customer: its own zones). Each record set in the file replaces the zone's set of that name and type, through the same checks as PATCH records; a fault refuses the whole file with field zone_file and a message naming the line",
        "tags": ["dns"],
        "responses": {"202": {"description": "{zone: DnsZone, job_id, change_id, record_sets, skipped}"}, "400": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/dns/zones/{name}/export": {
      "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"summary": "The zone as a BIND zone file (text/dns): SOA, then every record set mPanel holds for it", "tags": ["dns"],
        "responses": {"200": {"description": "text/dns"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/dns/zones/{name}/dnssec": {
      "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}],
      "post": {"summary": "Sign the zone or stop signing it (staff, or the customer who owns it), through its job; the zone's ds field then lists the DS records for the registry",
        "tags": ["dns"],
        "responses": {"202": {"description": "{zone: DnsZone, job_id, change_id}"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/dns/reverse": {
      "get": {"summary": "PTR records of services' addresses (a CloudPod's): a customer sees its own, staff all", "tags": ["dns"],
        "responses": {"200": {"description": "{items: [{address, name, ptr, ttl, pending, customer_id, source_type, source_id}]}"}}}},
    "/api/dns/reverse/{address}": {
      "parameters": [{"name": "address", "in": "path", "required": true, "schema": {"type": "string"}, "description": "IPv4 or IPv6 address"}],
      "put": {"summary": "Set the PTR of an address: a customer only of its own pods' addresses (another's answers 404), staff any; through the zone's job",
        "tags": ["dns"],
        "responses": {"202": {"description": "{zone: DnsZone, job_id, change_id}"}, "404": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/dns/servers": {
      "get": {"summary": "The tenant's PowerDNS servers (staff); the API key is never returned", "tags": ["dns"],
        "responses": {"200": {"description": "{items: [DnsServer]}"}}},
      "post": {"summary": "Register a PowerDNS server (staff); sandbox only on loopback", "tags": ["dns"],
        "responses": {"201": {"description": "DnsServer"}, "400": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/dns/template": {
      "get": {"summary": "The tenant's zone template: record sets every new forward zone gets besides its NS (staff)", "tags": ["dns"],
        "responses": {"200": {"description": "{record_sets: [{name, type, ttl, records}]}"}}},
      "put": {"summary": "Replace the zone template (staff); every set is checked as for a zone; zones made before keep their records", "tags": ["dns"],
        "responses": {"200": {"description": "{record_sets: [...]}"}, "400": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/dns/settings": {
      "get": {"summary": "The tenant's DNS settings: pod zone, SOA names, name servers, default TTL (staff)", "tags": ["dns"],
        "responses": {"200": {"description": "DnsSettings"}}},
      "put": {"summary": "Change the tenant's DNS settings (staff); fields left out keep their value", "tags": ["dns"],
        "responses": {"200": {"description": "DnsSettings"}, "400": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}}
  }
})json";

} // namespace

QJsonObject openApiFragment()
{
    using api::OpenApi;
    QJsonObject fragment = OpenApi::fragment(kFragment);
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/dns/zones"),
                                 newZoneBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("patch"),
                                 QStringLiteral("/api/dns/zones/{name}/records"), recordChangesBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"),
                                 QStringLiteral("/api/dns/zones/{name}/dnssec"), dnssecBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/dns/zones/import"),
                                 zoneImportBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("put"),
                                 QStringLiteral("/api/dns/reverse/{address}"), reversePtrBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/dns/servers"),
                                 DnsServers::serverBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("put"), QStringLiteral("/api/dns/template"),
                                 DnsZoneTemplate::body());
    OpenApi::describeRequestBody(fragment, QStringLiteral("put"), QStringLiteral("/api/dns/settings"),
                                 DnsSettingsStore::body());
    return fragment;
}

} // namespace mp::dns
