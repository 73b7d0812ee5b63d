#include "billing/billing_openapi.h"

#include "api/openapi.h"

namespace mp::billing {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/api/checkout": {"post": {"summary": "Order a product: order, items and an unpaid, numbered invoice in one transaction",
      "description": "A customer token orders for itself; a staff token orders for customer_id. Without a valid token: 401 with sign_in {url, return_to}.",
      "tags": ["billing"],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CheckoutRequest"}}}},
      "responses": {"201": {"description": "{order_id, invoice_id, invoice_number, currency, amount_due, amount_due_minor, invoice}"},
        "400": {"$ref": "#/components/responses/Error"}, "401": {"description": "{error, sign_in: {url, return_to}}"},
        "403": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/invoices": {
      "get": {"summary": "Invoices, newest first (staff: the tenant's; a customer: its own)", "tags": ["billing"],
        "parameters": [{"name": "status", "in": "query", "schema": {"type": "string"}},
          {"name": "customer_id", "in": "query", "schema": {"type": "string", "format": "uuid"}},
          {"name": "overdue", "in": "query", "schema": {"type": "boolean"}},
          {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "issued on or after"},
          {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "issued on or before"},
          {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["created_at", "-created_at", "total", "-total", "due_date", "-due_date"]}},
          {"$ref": "#/components/parameters/Limit"}, {"$ref": "#/components/parameters/Cursor"}],
        "responses": {"200": {"description": "{items: [Invoice], next_cursor}"}, "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "A manual invoice with items (staff)", "tags": ["billing"],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
          "required": ["customer_id", "items"], "properties": {
            "customer_id": {"type": "string", "format": "uuid"}, "currency": {"type": "string"},
            "status": {"type": "string", "enum": ["unpaid", "draft"], "default": "unpaid"},
            "notes": {"type": "string"},
            "items": {"type": "array", "items": {"type": "object", "required": ["description", "unit_price"], "properties": {
              "description": {"type": "string"}, "quantity": {"type": "integer", "default": 1},
              "unit_price": {"type": "string", "example": "9.99"}}}}}}}}},
        "responses": {"201": {"description": "The invoice"}, "400": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/invoices/{id}": {
      "get": {"summary": "One invoice with items, taxes, totals and payments", "tags": ["billing"],
        "parameters": [{"$ref": "#/components/parameters/Id"}],
        "responses": {"200": {"description": "The invoice"}, "404": {"$ref": "#/components/responses/Error"}}},
      "patch": {"summary": "Change the status (staff): draft->unpaid, unpaid->paid|cancelled, paid->refunded|partially_refunded, partially_refunded->refunded",
        "tags": ["billing"], "parameters": [{"$ref": "#/components/parameters/Id"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object",
          "required": ["status", "reason"], "properties": {"status": {"type": "string"}, "reason": {"type": "string"},
            "payment_method": {"type": "string", "example": "bank_transfer"}, "payment_reference": {"type": "string"}}}}}},
        "responses": {"200": {"description": "The invoice"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"description": "Refused transition: {error, current_status}"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/invoices/{id}/credit-notes": {"post": {"summary": "Credit an issued invoice, in whole or by items (staff)",
      "tags": ["billing"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"201": {"description": "The credit note"}, "404": {"$ref": "#/components/responses/Error"},
        "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/invoices/{id}/pdf": {"get": {"summary": "The invoice as PDF", "tags": ["billing"],
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"200": {"description": "application/pdf"}, "404": {"$ref": "#/components/responses/Error"}}}}
  },
  "components": {"schemas": {
    "CheckoutRequest": {"type": "object", "required": ["product_id"], "properties": {
      "hostname": {"type": "string", "description": "CloudPod products: the pod's host name (one DNS label); generated when absent"},
      "customer_id": {"type": "string", "format": "uuid", "description": "staff only"},
      "product_id": {"type": "string", "format": "uuid"},
      "cycle": {"type": "string", "enum": ["monthly", "quarterly", "semiannual", "annual", "biennial", "triennial", "one_time"]},
      "quantity": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 1},
      "domain": {"type": "string", "description": "domain products: the name to register"},
      "years": {"type": "integer", "minimum": 1, "maximum": 10},
      "currency": {"type": "string", "description": "default: the tenant's currency"}}}
  }}
})json";

} // namespace

QJsonObject openApiFragment()
{
    return api::OpenApi::fragment(kFragment);
}

} // namespace mp::billing
