#include "cloudpods/pod_access_openapi.h"

#include "api/openapi.h"
#include "cloudpods/cloudpod_bodies.h"

namespace mp::cloudpods {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/api/cloudpods/{id}/reset-password": {"post": {"summary": "A new password for the login user of a running VM, set through the QEMU guest agent; shown once in this answer and kept nowhere once set. A container is refused (cloudpod_reset_unsupported): Proxmox has no API call for it, reinstall instead. The customer for their own pod; staff as owner, admin or support",
      "tags": ["cloudpods"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"202": {"description": "{pod_id, user, root_password}"}, "403": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"},
        "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/cloudpods/{id}/reinstall": {"post": {"summary": "Erase the guest and build it again from its template, keeping its name, VMID, address and SSH keys (confirm: the host name). The customer for their own pod; staff as owner, admin or support",
      "tags": ["cloudpods"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"202": {"description": "CloudPodDetail, with root_password (shown once) when one was generated"},
        "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/ssh-keys": {
      "get": {"summary": "SSH public keys saved on a customer's profile (a customer: its own; staff: ?customer_id=)", "tags": ["cloudpods"],
        "parameters": [{"name": "customer_id", "in": "query", "schema": {"type": "string", "format": "uuid"}, "description": "staff only"}],
        "responses": {"200": {"description": "{items: [{id, customer_id, name, public_key, fingerprint, created_at}]}"},
          "422": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Save an SSH public key on a profile; pods ordered afterwards get it (checked: type, base64, blob)", "tags": ["cloudpods"],
        "responses": {"201": {"description": "{id, customer_id, name, public_key, fingerprint, created_at}"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/ssh-keys/{id}": {"delete": {"summary": "Remove a saved SSH public key (pods keep the keys they were created with)",
      "tags": ["cloudpods"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"200": {"description": "{deleted: true}"}, "404": {"$ref": "#/components/responses/Error"}}}}
  }
})json";

} // namespace

QJsonObject podAccessOpenApi()
{
    using api::OpenApi;
    QJsonObject fragment = OpenApi::fragment(kFragment);
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"),
                                 QStringLiteral("/api/cloudpods/{id}/reinstall"), reinstallBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/ssh-keys"),
                                 sshKeyBody());
    return fragment;
}

} // namespace mp::cloudpods
