#include "billing/billing_openapi.h"

#include "api/openapi.h"
#include "billing/billing_bodies.h"
#include "billing/company_settings.h"
#include "billing/tax_rate_store.h"

namespace mp::billing {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/api/checkout": {"post": {"summary": "Order a product: order, items and an unpaid, numbered invoice in one transaction",
      "description": "A customer token orders for itself; a staff token orders for customer_id. Without a valid token: 401 with sign_in {url, return_to}.",
      "tags": ["billing"],
      "responses": {"201": {"description": "{order_id, invoice_id, invoice_number, currency, amount_due, amount_due_minor, invoice, access}; access (only when the line asked for it, e.g. a generated root password) is shown once and kept nowhere"},
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
        "responses": {"201": {"description": "The invoice"}, "400": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/invoices/{id}": {
      "get": {"summary": "One invoice with items, taxes, totals and payments", "tags": ["billing"],
        "parameters": [{"$ref": "#/components/parameters/Id"}],
        "responses": {"200": {"description": "The invoice"}, "404": {"$ref": "#/components/responses/Error"}}},
      "patch": {"summary": "Change the status (staff): draft->unpaid, unpaid->paid|cancelled, paid->refunded|partially_refunded, partially_refunded->refunded",
        "tags": ["billing"], "parameters": [{"$ref": "#/components/parameters/Id"}],
        "responses": {"200": {"description": "The invoice"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"description": "Refused transition: {error, current_status}"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/invoices/{id}/credit-notes": {"post": {"summary": "Credit an issued invoice, in whole or by items (staff)",
      "tags": ["billing"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"201": {"description": "The credit note"}, "404": {"$ref": "#/components/responses/Error"},
        "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/invoices/{id}/pdf": {"get": {"summary": "The invoice as PDF", "tags": ["billing"],
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"200": {"description": "application/pdf"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/billing/settings": {
      "get": {"summary": "The company and tax settings (staff): seller block, country, numbering, payment terms, price mode, reverse charge, logo type and size",
        "tags": ["billing"], "responses": {"200": {"description": "The settings"}, "401": {"$ref": "#/components/responses/Error"}}},
      "put": {"summary": "Change the company and tax settings (staff); fields left out keep their value, logo null removes the logo",
        "tags": ["billing"], "responses": {"200": {"description": "The settings"}, "400": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/tax-rates": {
      "get": {"summary": "The tenant's tax rates by buyer country with their validity (staff)", "tags": ["billing"],
        "responses": {"200": {"description": "{items: [{id, country, name, rate, rate_ppm, valid_from, valid_to}]}"}}},
      "post": {"summary": "Add a tax rate (staff); a rate change is a new row starting the day the old one ends", "tags": ["billing"],
        "responses": {"201": {"description": "The rate"}, "400": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/tax-rates/{id}": {"delete": {"summary": "Remove a tax rate (staff); issued invoices keep the rate they were issued with",
      "tags": ["billing"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"200": {"description": "{deleted: true}"}, "403": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"}}}}
  }
})json";

} // namespace

QJsonObject openApiFragment()
{
    using api::OpenApi;
    QJsonObject fragment = OpenApi::fragment(kFragment);
    const QString post = QStringLiteral("post");
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/checkout"), checkoutBody());
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/invoices"), invoiceBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("patch"), QStringLiteral("/api/invoices/{id}"),
                                 invoiceStatusBody());
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/invoices/{id}/credit-notes"),
                                 creditNoteBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("put"), QStringLiteral("/api/billing/settings"),
                                 CompanySettingsStore::body());
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/tax-rates"), TaxRateStore::body());
    return fragment;
}

} // namespace mp::billing
