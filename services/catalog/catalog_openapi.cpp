#include "catalog/catalog_openapi.h"

#include "api/openapi.h"

namespace mp::catalog {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/api/products": {
      "get": {"summary": "List products, grouped by type", "tags": ["catalog"],
        "description": "Staff see every product; a customer token sees active products only.",
        "parameters": [
          {"$ref": "#/components/parameters/Limit"}, {"$ref": "#/components/parameters/Cursor"},
          {"name": "sort", "in": "query", "schema": {"type": "string", "default": "type",
            "enum": ["type", "-type", "name", "-name", "created_at", "-created_at"]}},
          {"name": "type", "in": "query", "schema": {"$ref": "#/components/schemas/ProductType"}},
          {"name": "visibility", "in": "query", "schema": {"type": "string", "enum": ["active", "hidden", "retired"]}},
          {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "Case-insensitive substring of the name"}],
        "responses": {"200": {"description": "A page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProductPage"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Create a product (staff)", "tags": ["catalog"],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProductInput"}}}},
        "responses": {"201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Product"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}
    },
    "/api/products/{id}": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "get": {"summary": "One product", "tags": ["catalog"],
        "responses": {"200": {"description": "The product", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Product"}}}},
          "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}},
      "put": {"summary": "Update a product (staff); absent fields keep their value, prices replace all prices", "tags": ["catalog"],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProductUpdate"}}}},
        "responses": {"200": {"description": "Updated", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Product"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}},
      "delete": {"summary": "Delete a product never ordered, or retire one that was (staff)", "tags": ["catalog"],
        "responses": {"200": {"description": "What happened", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProductRemoval"}}}},
          "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}}}
    },
    "/api/cloudpod-templates": {
      "get": {"summary": "The tenant's CloudPod templates (staff)", "tags": ["catalog"],
        "responses": {"200": {"description": "All templates", "content": {"application/json": {"schema": {"type": "object",
          "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/CloudPodTemplate"}}, "next_cursor": {"type": "string", "nullable": true}}}}}},
          "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Create a template (staff)", "tags": ["catalog"],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CloudPodTemplateInput"}}}},
        "responses": {"201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CloudPodTemplate"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}
    },
    "/api/cloudpod-templates/{id}": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "get": {"summary": "One template (staff)", "tags": ["catalog"],
        "responses": {"200": {"description": "The template", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CloudPodTemplate"}}}},
          "404": {"$ref": "#/components/responses/Error"}}},
      "put": {"summary": "Edit a template (staff); absent fields keep their value", "tags": ["catalog"],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CloudPodTemplateInput"}}}},
        "responses": {"200": {"description": "Updated", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CloudPodTemplate"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}
    }
  },
  "components": {"schemas": {
    "Amount": {"type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$", "example": "9.99",
      "description": "A decimal string with at most the currency's decimals; never a JSON number."},
    "CyclePrice": {"type": "object", "required": ["cycle", "currency", "amount"], "properties": {
      "cycle": {"type": "string", "enum": ["monthly", "quarterly", "semiannual", "annual", "biennial", "triennial", "one_time"]},
      "currency": {"type": "string", "description": "ISO 4217", "example": "EUR"},
      "amount": {"$ref": "#/components/schemas/Amount"},
      "setup_fee": {"$ref": "#/components/schemas/Amount"},
      "amount_minor": {"type": "integer", "readOnly": true},
      "setup_fee_minor": {"type": "integer", "readOnly": true}}},
    "DomainPrice": {"type": "object", "required": ["action", "years", "currency", "amount"], "properties": {
      "action": {"type": "string", "enum": ["register", "renew", "transfer"]},
      "years": {"type": "integer", "minimum": 1, "maximum": 10},
      "currency": {"type": "string", "example": "EUR"},
      "amount": {"$ref": "#/components/schemas/Amount"},
      "amount_minor": {"type": "integer", "readOnly": true}}},
    "ProductUpdate": {"type": "object", "additionalProperties": false, "properties": {
      "name": {"type": "string", "minLength": 1, "maxLength": 200},
      "description": {"type": "string", "maxLength": 10000},
      "visibility": {"type": "string", "enum": ["active", "hidden", "retired"]},
      "template_id": {"type": "string", "format": "uuid", "nullable": true, "description": "Required for cloudpod products"},
      "tld": {"type": "string", "nullable": true, "example": "co.uk", "description": "Required for domain products"},
      "prices": {"type": "array", "items": {"$ref": "#/components/schemas/CyclePrice"}},
      "domain_prices": {"type": "array", "items": {"$ref": "#/components/schemas/DomainPrice"},
        "description": "Domain products: at least one register price"}}},
    "ProductInput": {"allOf": [{"$ref": "#/components/schemas/ProductUpdate"},
      {"type": "object", "required": ["type", "name"], "properties": {"type": {"$ref": "#/components/schemas/ProductType"}}}]},
    "Product": {"type": "object", "properties": {
      "id": {"type": "string", "format": "uuid"}, "type": {"$ref": "#/components/schemas/ProductType"},
      "name": {"type": "string"}, "description": {"type": "string"},
      "visibility": {"type": "string", "enum": ["active", "hidden", "retired"]},
      "template_id": {"type": "string", "format": "uuid", "nullable": true},
      "tld": {"type": "string", "nullable": true},
      "prices": {"type": "array", "items": {"$ref": "#/components/schemas/CyclePrice"}},
      "domain_prices": {"type": "array", "items": {"$ref": "#/components/schemas/DomainPrice"}},
      "ever_ordered": {"type": "boolean"},
      "created_at": {"type": "string", "format": "date-time"}, "updated_at": {"type": "string", "format": "date-time"}}},
    "ProductPage": {"type": "object", "properties": {
      "items": {"type": "array", "items": {"$ref": "#/components/schemas/Product"}},
      "next_cursor": {"type": "string", "nullable": true}}},
    "ProductRemoval": {"type": "object", "properties": {
      "id": {"type": "string", "format": "uuid"},
      "outcome": {"type": "string", "enum": ["deleted", "retired"]},
      "message": {"type": "string"},
      "product": {"$ref": "#/components/schemas/Product"}}},
    "CloudPodTemplateInput": {"type": "object", "additionalProperties": false, "properties": {
      "name": {"type": "string", "maxLength": 100},
      "cpu_cores": {"type": "integer", "minimum": 1, "maximum": 512},
      "ram_mb": {"type": "integer", "minimum": 128},
      "disk_gb": {"type": "integer", "minimum": 1},
      "network_bridge": {"type": "string", "example": "vmbr0"},
      "network_vlan": {"type": "integer", "minimum": 1, "maximum": 4094, "nullable": true},
      "network_rate_mbps": {"type": "integer", "minimum": 1, "nullable": true},
      "guest_kind": {"type": "string", "enum": ["lxc", "qemu"]},
      "ostemplate": {"type": "string", "nullable": true, "description": "LXC: the ostemplate volume"},
      "vm_template_id": {"type": "integer", "nullable": true, "description": "QEMU: the template VMID to clone"},
      "placement_kind": {"type": "string", "enum": ["node", "pool"]},
      "placement_target": {"type": "string"}}},
    "CloudPodTemplate": {"allOf": [{"$ref": "#/components/schemas/CloudPodTemplateInput"},
      {"type": "object", "properties": {"id": {"type": "string", "format": "uuid"},
        "created_at": {"type": "string", "format": "date-time"}, "updated_at": {"type": "string", "format": "date-time"}}}]}
  }}
})json";

} // namespace

QJsonObject openApiFragment()
{
    return api::OpenApi::fragment(kFragment);
}

} // namespace mp::catalog
