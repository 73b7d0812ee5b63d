#include "catalog/catalog_openapi.h"

#include "api/openapi.h"
#include "catalog/cloudpod_templates.h"
#include "catalog/product_json.h"

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
        "responses": {"201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CloudPodTemplate"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}
    },
    "/api/cloudpod-templates/{id}": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "get": {"summary": "One template (staff)", "tags": ["catalog"],
        "responses": {"200": {"description": "The template", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CloudPodTemplate"}}}},
          "404": {"$ref": "#/components/responses/Error"}}},
      "put": {"summary": "Edit a template (staff); absent fields keep their value", "tags": ["catalog"],
        "responses": {"200": {"description": "Updated", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CloudPodTemplate"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}
    }
  },
  "components": {"schemas": {
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
    "CloudPodTemplate": {"allOf": [{"$ref": "#/components/schemas/CloudPodTemplateInput"},
      {"type": "object", "properties": {"id": {"type": "string", "format": "uuid"},
        "created_at": {"type": "string", "format": "date-time"}, "updated_at": {"type": "string", "format": "date-time"}}}]}
  }}
})json";

} // namespace

QJsonObject openApiFragment()
{
    using api::OpenApi;
    QJsonObject fragment = OpenApi::fragment(kFragment);
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/products"),
                                 ProductJson::createBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("put"), QStringLiteral("/api/products/{id}"),
                                 ProductJson::updateBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/cloudpod-templates"),
                                 CloudPodTemplates::body());
    OpenApi::describeRequestBody(fragment, QStringLiteral("put"),
                                 QStringLiteral("/api/cloudpod-templates/{id}"), CloudPodTemplates::body());
    return fragment;
}

} // namespace mp::catalog
