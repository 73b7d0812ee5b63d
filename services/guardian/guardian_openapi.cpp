#include "guardian/guardian_openapi.h"

#include "api/openapi.h"
#include "guardian/guardian_bodies.h"

namespace mp::guardian {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/api/guardian/scans": {
      "get": {"summary": "Security scans, newest first (staff)", "tags": ["guardian"],
        "responses": {"200": {"description": "{items: [GuardianScan {id, status: queued|running|completed|failed, origin, host, source_ids, window_from, window_to, lines_read, bytes_read, events, findings, reason, requested_by, created_at, started_at, finished_at}]}"},
          "401": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Queue a scan of log sources: a host's or the named ones, incremental or over a time window (owner, admin)",
        "tags": ["guardian"],
        "responses": {"202": {"description": "GuardianScan with job_id"}, "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/guardian/scans/{id}": {"get": {"summary": "One scan; it ends completed, or failed with a reason (staff)", "tags": ["guardian"],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "responses": {"200": {"description": "GuardianScan"}, "401": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/guardian/findings": {"get": {"summary": "Findings, most severe first (staff)", "tags": ["guardian"],
      "parameters": [
        {"name": "severity", "in": "query", "schema": {"type": "string", "enum": ["low", "medium", "high"]}},
        {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["brute_force", "password_spraying", "account_attack", "probing", "flood", "spam_burst"]}},
        {"name": "resource", "in": "query", "schema": {"type": "string"}, "description": "the mailbox, domain, pod or host"},
        {"name": "open", "in": "query", "schema": {"type": "boolean"}}],
      "responses": {"200": {"description": "{items: [GuardianFinding {id, kind, severity, subject, address, account, customer_id, resource_type, resource, host, count, first_seen, last_seen, evidence: [{source, line, text}], status, allowlisted, scan_id, resolved_at, resolved_by, resolution_note, created_at, updated_at}]}"},
        "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/api/guardian/findings/{id}": {"get": {"summary": "One finding with its evidence (staff)", "tags": ["guardian"],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "responses": {"200": {"description": "GuardianFinding"}, "401": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/guardian/findings/{id}/resolve": {"post": {"summary": "Resolve an open finding; its pending remediation tasks are dismissed (owner, admin)", "tags": ["guardian"],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "responses": {"200": {"description": "GuardianFinding"}, "401": {"$ref": "#/components/responses/Error"},
        "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/guardian/remediations": {"get": {"summary": "Remediation tasks, pending first (staff)", "tags": ["guardian"],
      "parameters": [{"name": "status", "in": "query", "schema": {"type": "string", "enum": ["pending", "applied", "dismissed", "failed"]}}],
      "responses": {"200": {"description": "{items: [GuardianRemediation {id, finding_id, action: block_address|lock_mailbox|notify_customer, target, status, automatic, result, decided_by, decided_at, created_at, finding_kind, severity, subject, customer_id, resource_type, resource}]}"},
        "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/api/guardian/remediations/{id}/approve": {"post": {"summary": "Apply a pending task once: block the address on every host of the tenant (escalating ban), lock the mailbox or notify the customer (owner, admin)", "tags": ["guardian"],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "responses": {"200": {"description": "GuardianRemediation"}, "401": {"$ref": "#/components/responses/Error"},
        "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/guardian/remediations/{id}/dismiss": {"post": {"summary": "Dismiss a pending task (owner, admin)", "tags": ["guardian"],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "responses": {"200": {"description": "GuardianRemediation"}, "401": {"$ref": "#/components/responses/Error"},
        "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/guardian/blocks": {"get": {"summary": "Address blocks in force on every host of the tenant (staff)", "tags": ["guardian"],
      "responses": {"200": {"description": "{items: [{id, address, offence, ban_s, starts_at, expires_at, remediation_id}]}"},
        "401": {"$ref": "#/components/responses/Error"}}}},
    "/api/guardian/allowlist": {
      "get": {"summary": "Addresses and networks never blocked (staff)", "tags": ["guardian"],
        "responses": {"200": {"description": "{items: [{id, cidr, note, created_at}]}"}, "401": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Allow an address or network (owner, admin)", "tags": ["guardian"],
        "responses": {"201": {"description": "{id, cidr, note, created_at}"}, "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/guardian/sources": {
      "get": {"summary": "Log sources the scans read, with where their reading stands (staff)", "tags": ["guardian"],
        "responses": {"200": {"description": "{items: [{id, host, path, format, resource, enabled, cursor_offset, cursor_lines, last_read_at, created_at}]}"},
          "401": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Add a log source of a host (owner, admin)", "tags": ["guardian"],
        "responses": {"201": {"description": "the source"}, "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/guardian/settings": {
      "get": {"summary": "The tenant's thresholds, ban times, auto policy and firewall mode (staff)", "tags": ["guardian"],
        "responses": {"200": {"description": "GuardianSettings"}, "401": {"$ref": "#/components/responses/Error"}}},
      "put": {"summary": "Change Guardian settings; absent fields keep their value (owner, admin)", "tags": ["guardian"],
        "responses": {"200": {"description": "GuardianSettings"}, "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}}
  }
})json";

} // namespace

QJsonObject openApiFragment()
{
    using api::OpenApi;
    QJsonObject fragment = OpenApi::fragment(kFragment);
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/guardian/scans"),
                                 scanBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/guardian/sources"),
                                 sourceBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/guardian/allowlist"),
                                 allowlistBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("put"), QStringLiteral("/api/guardian/settings"),
                                 settingsBody());
    for (const char *path : {"/api/guardian/findings/{id}/resolve", "/api/guardian/remediations/{id}/approve",
                             "/api/guardian/remediations/{id}/dismiss"})
        OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QLatin1String(path), decisionBody());
    return fragment;
}

} // namespace mp::guardian
