#include "domains/domains_openapi.h"

#include "api/openapi.h"
#include "domains/domain_search.h"
#include "domains/domains_bodies.h"
#include "domains/registrar_accounts.h"

namespace mp::domains {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/api/domains": {
      "get": {"summary": "Domains by name (staff: the tenant's; a customer: its own), with status, expiry, registrar, name servers and linked zone", "tags": ["domains"],
        "parameters": [{"name": "customer_id", "in": "query", "schema": {"type": "string", "format": "uuid"}, "description": "staff only"},
          {"name": "expiring_within_days", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 3650}, "description": "only domains that expire within that many days"},
          {"name": "after", "in": "query", "schema": {"type": "string"}, "description": "keyset: domains named after this one"},
          {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 200}}],
        "responses": {"200": {"description": "{items: [Domain]}"}, "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"}}}},
    "/api/domains/search": {
      "post": {"summary": "A name in every TLD the catalog sells: availability from the registrar (one check for up to 200 TLDs), prices from the catalog", "tags": ["domains"],
        "responses": {"200": {"description": "{query, registrar, items: [{domain, tld, product_id, status, available, premium, orderable, currency, register_price, renew_price, transfer_price}]}"},
          "400": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"},
          "503": {"$ref": "#/components/responses/Error"}}}},
    "/api/domains/transfer": {
      "post": {"summary": "Order a transfer in with its EPP code: the order and its unpaid invoice; paying it sends the transfer", "tags": ["domains"],
        "responses": {"201": {"description": "{order_id, invoice_id, invoice_number, currency, amount_due}"},
          "400": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/domains/registrar": {
      "get": {"summary": "The tenant's registrar account (staff); the API key is never returned", "tags": ["domains"],
        "responses": {"200": {"description": "{registrar, api_base, api_key_set, mode, payment_id, updated_at}"},
          "422": {"$ref": "#/components/responses/Error"}}},
      "put": {"summary": "Set the tenant's registrar account (staff); sandbox only on loopback", "tags": ["domains"],
        "responses": {"200": {"description": "{registrar, api_base, api_key_set, mode, payment_id, updated_at}"},
          "400": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/domains/prices": {
      "get": {"summary": "Per TLD the catalog sells: its one-year prices and the registrar's cost from the last daily price sync, with the margin where both are in one currency (staff)", "tags": ["domains"],
        "responses": {"200": {"description": "{items: [{tld, currency, register_price_minor, renew_price_minor, cost_currency, register_cost_minor, renew_cost_minor, cost_fetched_at, register_margin_minor}]}"}}}},
    "/api/domains/{id}": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "get": {"summary": "One domain (staff also see the registrar's words of the last failure)", "tags": ["domains"],
        "responses": {"200": {"description": "Domain"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/domains/{id}/renew": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "post": {"summary": "Issue the renewal invoice now; paying it renews the domain at the registrar for the year paid", "tags": ["domains"],
        "responses": {"201": {"description": "{domain: Domain, invoice_id}"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/domains/{id}/nameservers": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "post": {"summary": "Set the domain's name servers at the registrar, through a job", "tags": ["domains"],
        "responses": {"202": {"description": "{domain: Domain, job_id}"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/domains/{id}/lock": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "post": {"summary": "Turn the registrar lock on or off (off before a transfer out), through a job", "tags": ["domains"],
        "responses": {"202": {"description": "{domain: Domain, job_id}"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/domains/{id}/auth-code": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "post": {"summary": "Have the registrar send the EPP code to the registrant's e-mail (for a transfer out), through a job", "tags": ["domains"],
        "responses": {"202": {"description": "{domain: Domain, job_id}"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/domains/{id}/dnssec": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "post": {"summary": "Hand the DS records of the domain's signed zone to the registry through the registrar, through a job", "tags": ["domains"],
        "responses": {"202": {"description": "{domain: Domain, job_id}"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/domains/{id}/retry": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "post": {"summary": "Retry a failed registration or transfer (staff): the job looks at the registrar first, so nothing is registered twice", "tags": ["domains"],
        "responses": {"202": {"description": "{domain: Domain, job_id}"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}}}}
  }
})json";

} // namespace

QJsonObject openApiFragment()
{
    using api::OpenApi;
    QJsonObject fragment = OpenApi::fragment(kFragment);
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/domains/search"),
                                 DomainSearch::body());
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/domains/transfer"),
                                 transferBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("put"), QStringLiteral("/api/domains/registrar"),
                                 RegistrarAccounts::body());
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"),
                                 QStringLiteral("/api/domains/{id}/nameservers"), nameserversBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/domains/{id}/lock"),
                                 lockBody());
    return fragment;
}

} // namespace mp::domains
