#include "providers/providers_openapi.h"

#include "api/openapi.h"

namespace mp::providers {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/api/system/providers": {"get": {"summary": "Whether each provider is the sandbox's emulator, test or live (staff)",
      "description": "Stripe: sandbox when no MPANEL_STRIPE_SECRET_KEY is set and MPANEL_STRIPE_API_BASE is not Stripe's (the emulator); test or live by the key otherwise, wherever the base points; off when neither a key nor an emulator is configured. Proxmox: each cluster's mode, live or sandbox (mpanel-proxmox-emulator on loopback); proxmox.mode is the enabled clusters' common mode, mixed, or none.",
      "tags": ["system"],
      "responses": {"200": {"description": "ProviderOverview", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProviderOverview"}}}},
        "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}}
  },
  "components": {"schemas": {
    "ProviderStatus": {"type": "object", "properties": {
      "provider": {"type": "string", "enum": ["stripe", "proxmox"]}, "id": {"type": "string", "format": "uuid"},
      "name": {"type": "string"}, "mode": {"type": "string", "enum": ["off", "sandbox", "test", "live"]},
      "endpoint": {"type": "string", "example": "http://127.0.0.1:12111"}, "enabled": {"type": "boolean"},
      "detail": {"type": "string", "example": "Stripe emulator, no Stripe account: no real money moves"}}},
    "ProviderOverview": {"type": "object", "properties": {
      "stripe": {"$ref": "#/components/schemas/ProviderStatus"},
      "proxmox": {"type": "object", "properties": {
        "mode": {"type": "string", "enum": ["sandbox", "live", "mixed", "none"]},
        "clusters": {"type": "array", "items": {"$ref": "#/components/schemas/ProviderStatus"}}}}}}}}
})json";

} // namespace

QJsonObject openApiFragment()
{
    return api::OpenApi::fragment(kFragment);
}

} // namespace mp::providers
