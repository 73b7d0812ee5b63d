#include "ssl/ssl_openapi.h"

#include "api/openapi.h"
#include "ssl/ssl_bodies.h"

namespace mp::ssl {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/api/ssl/certificates": {
      "get": {"summary": "SSL certificates with their expiry and next renewal (staff: the tenant's; a customer: its own)", "tags": ["ssl"],
        "parameters": [{"name": "customer_id", "in": "query", "schema": {"type": "string", "format": "uuid"}, "description": "staff only"}],
        "responses": {"200": {"description": "{items: [SslCertificate]}"}, "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Obtain a certificate for names from the ACME CA (staff): answers once its issue job is queued", "tags": ["ssl"],
        "responses": {"202": {"description": "{certificate: SslCertificate, job_id}"}, "400": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/ssl/certificates/{id}": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "get": {"summary": "One certificate with its PEM chain and its latest job (when it runs, the last error)", "tags": ["ssl"],
        "responses": {"200": {"description": "SslCertificate with certificate_pem, order_url, ari_id, job"},
          "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/ssl/certificates/{id}/renew": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "post": {"summary": "Renew now (staff): a new order; the current certificate stays in force until the new one replaces it", "tags": ["ssl"],
        "responses": {"202": {"description": "{certificate: SslCertificate, job_id}"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/ssl/certificates/{id}/revoke": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "post": {"summary": "Revoke the certificate at the CA (staff), through a job", "tags": ["ssl"],
        "responses": {"202": {"description": "{certificate: SslCertificate, job_id}"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/ssl/account/key-rollover": {
      "post": {"summary": "Give the tenant's ACME account a new key (staff): RFC 8555 keyChange, through a job", "tags": ["ssl"],
        "responses": {"202": {"description": "{job_id}"}, "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}}}},
    "/.well-known/acme-challenge/{token}": {
      "parameters": [{"name": "token", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"summary": "HTTP-01 answer for the ACME CA's validator (no credentials): the key authorization as text/plain", "tags": ["ssl"],
        "responses": {"200": {"description": "the key authorization"}, "404": {"description": "no such challenge"}}}}
  }
})json";

} // namespace

QJsonObject openApiFragment()
{
    using api::OpenApi;
    QJsonObject fragment = OpenApi::fragment(kFragment);
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/ssl/certificates"),
                                 certificateRequestBody());
    return fragment;
}

} // namespace mp::ssl
