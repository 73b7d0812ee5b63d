#include "monitoring/monitoring_openapi.h"

#include "api/openapi.h"
#include "monitoring/monitoring_bodies.h"

namespace mp::monitoring {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/api/monitoring/overview": {"get": {"summary": "Nodes with their latest metrics, checks with their status, services down and open alerts (staff)",
      "tags": ["monitoring"],
      "responses": {"200": {"description": "{nodes: [{id, name, exporter_url, interval_s, status, last_error, last_scrape_at, latest: {metric: value}}], checks: [MonitoringCheck], services_down, services_degraded, open_alerts}"},
        "401": {"$ref": "#/components/responses/Error"}}}},
    "/api/monitoring/series": {"get": {"summary": "One node's metric over time, averaged per step (staff)",
      "tags": ["monitoring"],
      "parameters": [
        {"name": "node", "in": "query", "required": true, "schema": {"type": "string", "format": "uuid"}},
        {"name": "metric", "in": "query", "required": true, "schema": {"type": "string", "enum": ["cpu_percent", "memory_percent", "memory_available_bytes", "load1", "load5", "load15", "disk_percent", "net_receive_bytes_per_s", "net_transmit_bytes_per_s"]}},
        {"name": "from", "in": "query", "schema": {"type": "string", "format": "date-time"}, "description": "default: an hour before to"},
        {"name": "to", "in": "query", "schema": {"type": "string", "format": "date-time"}, "description": "default: now"},
        {"name": "step", "in": "query", "schema": {"type": "integer", "minimum": 1}, "description": "seconds per point; at most 2000 points"}],
      "responses": {"200": {"description": "{node, metric, step, points: [{at, value}]}"},
        "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"},
        "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/monitoring/slow-queries": {"get": {"summary": "Slow statements: without from/to the recorded list; with them, what ran in that window, diffed from pg_stat_statements snapshots (staff)",
      "tags": ["monitoring"],
      "parameters": [
        {"name": "from", "in": "query", "schema": {"type": "string", "format": "date-time"}},
        {"name": "to", "in": "query", "schema": {"type": "string", "format": "date-time"}},
        {"name": "min_mean_ms", "in": "query", "schema": {"type": "number", "minimum": 0}}],
      "responses": {"200": {"description": "{items: [{queryid, query, calls, mean_ms, max_ms, total_ms, first_seen, last_seen}]}"},
        "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/api/monitoring/alerts": {"get": {"summary": "Monitoring alerts, newest first; open=true for those not cleared (staff)",
      "tags": ["monitoring"],
      "parameters": [{"name": "open", "in": "query", "schema": {"type": "boolean"}},
        {"name": "customer_id", "in": "query", "schema": {"type": "string", "format": "uuid"}, "description": "only the alerts of this customer's services"}],
      "responses": {"200": {"description": "{items: [{id, kind (check_down, node_down, disk_full, slow_query, job_failing), check_id, node_id, customer_id, subject, message, flapping, opened_at, closed_at}]}"},
        "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/api/monitoring/checks": {
      "get": {"summary": "Service checks with their status (staff)", "tags": ["monitoring"],
        "responses": {"200": {"description": "{items: [MonitoringCheck {id, name, kind, target, expect_status, expect_keyword, interval_s, down_interval_s, node_id, customer_id, enabled, status, latency_ms, message, checked_at, changed_at}]}"},
          "401": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Define a service check: HTTP (status, keyword), TCP connect, TLS certificate expiry or DNS answer (owner, admin)",
        "tags": ["monitoring"],
        "responses": {"201": {"description": "MonitoringCheck"}, "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/monitoring/nodes": {"post": {"summary": "Register a node whose node_exporter the poll job scrapes (owner, admin)",
      "tags": ["monitoring"],
      "responses": {"201": {"description": "{id, name, exporter_url, interval_s, status}"}, "400": {"$ref": "#/components/responses/Error"},
        "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/metrics": {"get": {"summary": "The service's metrics for the caller's tenant in the Prometheus text format (staff token): jobs, queue, webhooks, checks, nodes, alerts",
      "tags": ["monitoring"],
      "responses": {"200": {"description": "text/plain; version=0.0.4"}, "401": {"$ref": "#/components/responses/Error"}}}}
  }
})json";

} // namespace

QJsonObject openApiFragment()
{
    using api::OpenApi;
    QJsonObject fragment = OpenApi::fragment(kFragment);
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/monitoring/checks"),
                                 checkBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/monitoring/nodes"),
                                 nodeBody());
    return fragment;
}

} // namespace mp::monitoring
