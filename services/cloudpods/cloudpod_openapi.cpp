#include "cloudpods/cloudpod_openapi.h"

#include "api/openapi.h"
#include "cloudpods/cloudpod_bodies.h"
#include "cloudpods/proxmox_clusters.h"

namespace mp::cloudpods {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/api/cloudpods": {
      "get": {"summary": "CloudPods, newest first (staff: the tenant's; a customer: its own)", "tags": ["cloudpods"],
        "parameters": [{"name": "status", "in": "query", "schema": {"type": "string",
            "enum": ["pending", "provisioning", "active", "suspended", "error", "terminated"]}},
          {"name": "node", "in": "query", "schema": {"type": "string"}},
          {"name": "customer_id", "in": "query", "schema": {"type": "string", "format": "uuid"}, "description": "staff only"},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500, "default": 100}}],
        "responses": {"200": {"description": "{items: [CloudPod]}"}, "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Create a pod for a customer (staff): the pod row and its provisioning job in one transaction",
        "tags": ["cloudpods"],
        "responses": {"201": {"description": "The pod (CloudPodDetail)"}, "400": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/cloudpods/{id}": {"get": {"summary": "One pod: status, address, template, node, job history with logs, last error",
      "tags": ["cloudpods"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"200": {"description": "CloudPodDetail"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/cloudpods/{id}/retry": {"post": {"summary": "Provision a pod in error again (staff); the worker adopts a guest it already created",
      "tags": ["cloudpods"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"202": {"description": "CloudPodDetail"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/cloudpods/{id}/suspend": {"post": {"summary": "Stop the pod's guest (staff), through a job", "tags": ["cloudpods"],
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"202": {"description": "CloudPodDetail"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/cloudpods/{id}/unsuspend": {"post": {"summary": "Start the pod's guest again (staff), through a job", "tags": ["cloudpods"],
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"202": {"description": "CloudPodDetail"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/cloudpods/{id}/terminate": {"post": {"summary": "Stop and destroy the guest with purge, release node allocation, VMID and address (staff)",
      "tags": ["cloudpods"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"202": {"description": "CloudPodDetail"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/cloudpod-findings": {"get": {"summary": "What reconciliation found (staff): orphan guests tagged by mPanel, pods whose guest is gone",
      "tags": ["cloudpods"], "parameters": [{"name": "all", "in": "query", "schema": {"type": "boolean"}, "description": "include resolved findings"}],
      "responses": {"200": {"description": "{items: [{id, cluster_id, cluster, kind, pod_id, node, vmid, detail, first_seen_at, last_seen_at, resolved_at}]}"}}}},
    "/api/cloudpod-findings/check": {"post": {"summary": "Reconcile the tenant's clusters now (staff): queues cloudpod.reconcile once; asked again while it runs, it runs once more",
      "tags": ["cloudpods"],
      "responses": {"202": {"description": "{job_id, created}: created false when a queued or running check answers"}}}},
    "/api/proxmox/clusters": {
      "get": {"summary": "Proxmox clusters (staff); the token secret is never returned", "tags": ["cloudpods"],
        "responses": {"200": {"description": "{items: [ProxmoxCluster]}"}}},
      "post": {"summary": "Connect a Proxmox cluster (staff)", "tags": ["cloudpods"],
        "responses": {"201": {"description": "ProxmoxCluster"}, "400": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/proxmox/clusters/{id}": {
      "get": {"summary": "One cluster (staff)", "tags": ["cloudpods"], "parameters": [{"$ref": "#/components/parameters/Id"}],
        "responses": {"200": {"description": "ProxmoxCluster"}, "404": {"$ref": "#/components/responses/Error"}}},
      "patch": {"summary": "Change a cluster (staff); send token_secret only to replace it", "tags": ["cloudpods"],
        "parameters": [{"$ref": "#/components/parameters/Id"}],
        "responses": {"200": {"description": "ProxmoxCluster"}, "404": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/proxmox/clusters/{id}/nodes": {
      "get": {"summary": "The cluster's nodes with capacity and committed resources (staff)", "tags": ["cloudpods"],
        "parameters": [{"$ref": "#/components/parameters/Id"}],
        "responses": {"200": {"description": "{items: [ProxmoxNode]}"}, "404": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Add a node with its capacity (staff)", "tags": ["cloudpods"],
        "parameters": [{"$ref": "#/components/parameters/Id"}],
        "responses": {"201": {"description": "ProxmoxNode"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/proxmox/nodes": {"get": {"summary": "Every node with capacity and committed cores, RAM and disk (staff)",
      "tags": ["cloudpods"], "responses": {"200": {"description": "{items: [ProxmoxNode]}"}}}},
    "/api/ip-pools": {
      "get": {"summary": "IP pools with their size and allocated count (staff)", "tags": ["cloudpods"],
        "responses": {"200": {"description": "{items: [IpPool]}"}}},
      "post": {"summary": "Define an IP pool for a cluster or one node (staff)", "tags": ["cloudpods"],
        "responses": {"201": {"description": "IpPool"}, "400": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}}
  },
  "components": {"schemas": {
    "CloudPod": {"type": "object", "properties": {
      "id": {"type": "string"}, "customer_id": {"type": "string"}, "subscription_id": {"type": "string", "nullable": true},
      "template": {"type": "object"}, "hostname": {"type": "string"}, "status": {"type": "string"},
      "address": {"type": "string", "nullable": true}, "cluster": {"type": "string", "nullable": true},
      "node": {"type": "string", "nullable": true}, "vmid": {"type": "integer", "nullable": true},
      "last_error": {"type": "string", "nullable": true}}}
  }}
})json";

} // namespace

QJsonObject openApiFragment()
{
    using api::OpenApi;
    QJsonObject fragment = OpenApi::fragment(kFragment);
    const QString post = QStringLiteral("post");
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/cloudpods"), newPodBody());
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/proxmox/clusters"),
                                 ProxmoxClusters::clusterBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("patch"),
                                 QStringLiteral("/api/proxmox/clusters/{id}"),
                                 ProxmoxClusters::clusterBody());
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/proxmox/clusters/{id}/nodes"),
                                 ProxmoxClusters::nodeBody());
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/ip-pools"),
                                 ProxmoxClusters::poolBody());
    return fragment;
}

} // namespace mp::cloudpods
