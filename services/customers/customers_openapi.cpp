#include "customers/customers_openapi.h"

#include "api/openapi.h"
#include "customers/auth_bodies.h"
#include "customers/customer_json.h"

namespace mp::customers {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/api/customers": {
      "get": {"summary": "List and search customers (staff)", "tags": ["customers"],
        "parameters": [
          {"$ref": "#/components/parameters/Limit"}, {"$ref": "#/components/parameters/Cursor"},
          {"name": "sort", "in": "query", "schema": {"type": "string", "default": "name",
            "enum": ["name", "-name", "email", "-email", "created_at", "-created_at"]}},
          {"name": "q", "in": "query", "schema": {"type": "string"},
            "description": "Ignoring case: from 3 characters a substring of name, email or company; 1 or 2 characters match the start of the name"},
          {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["active", "suspended", "closed"]}}],
        "responses": {"200": {"description": "A page", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CustomerPage"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Create a customer (staff)", "tags": ["customers"],
        "responses": {"201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Customer"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}
    },
    "/api/customers/{id}": {
      "parameters": [{"$ref": "#/components/parameters/Id"}],
      "get": {"summary": "One customer (staff: any of the tenant's; a customer: only itself)", "tags": ["customers"],
        "responses": {"200": {"description": "The customer", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Customer"}}}},
          "401": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}},
      "put": {"summary": "Update a customer; absent fields keep their value. Customers may change name, email, company, address, country and tax_id of their own record.", "tags": ["customers"],
        "responses": {"200": {"description": "Updated", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Customer"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}
    },
    "/api/auth/signup": {"post": {"summary": "Create a customer account with a password and sign in", "tags": ["auth"], "security": [],
      "responses": {"201": {"description": "Signed up", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Tokens"}}}},
        "400": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"},
        "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/auth/login": {"post": {"summary": "Sign in with email and password", "tags": ["auth"], "security": [],
      "description": "5 failures for one account or 20 from one address within 15 minutes answer 429 with Retry-After.",
      "responses": {"200": {"description": "Signed in", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Tokens"}}}},
        "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"},
        "403": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"},
        "429": {"$ref": "#/components/responses/Error"}}}},
    "/api/auth/refresh": {"post": {"summary": "Trade a refresh token for a new token pair (the old refresh token stops working; reusing it revokes the session)", "tags": ["auth"], "security": [],
      "responses": {"200": {"description": "New tokens", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Tokens"}}}},
        "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/api/auth/logout": {"post": {"summary": "Revoke the session of a refresh token (in the body) or of the bearer access token", "tags": ["auth"],
      "responses": {"200": {"description": "Signed out"}, "400": {"$ref": "#/components/responses/Error"},
        "401": {"$ref": "#/components/responses/Error"}}}},
    "/api/auth/password-reset": {"post": {"summary": "Ask for a password-reset link by mail (valid one hour, once)", "tags": ["auth"], "security": [],
      "description": "Always 202, whether or not the address has an account. At most 3 mails per account per hour (further requests send nothing); 10 requests per client address per hour, then 429 with Retry-After.",
      "responses": {"202": {"description": "{status: accepted}"}, "400": {"$ref": "#/components/responses/Error"},
        "422": {"$ref": "#/components/responses/Error"}, "429": {"$ref": "#/components/responses/Error"}}}},
    "/api/auth/password-reset/confirm": {"post": {"summary": "Set a new password with the token from the mailed link; the token works once, every other link of the account stops working and every session is signed out", "tags": ["auth"], "security": [],
      "responses": {"200": {"description": "{status: password_set, customer_id}"}, "400": {"$ref": "#/components/responses/Error"},
        "422": {"$ref": "#/components/responses/Error"}}}}
  },
  "components": {"schemas": {
    "Customer": {"type": "object", "properties": {
      "id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}, "email": {"type": "string"},
      "company": {"type": "string"}, "address": {"$ref": "#/components/schemas/Address"},
      "country": {"type": "string", "nullable": true}, "tax_id": {"type": "string"},
      "status": {"type": "string", "enum": ["active", "suspended", "closed"]},
      "notes": {"type": "string", "description": "Only in staff answers"},
      "has_password": {"type": "boolean"},
      "created_at": {"type": "string", "format": "date-time"}, "updated_at": {"type": "string", "format": "date-time"}}},
    "CustomerPage": {"type": "object", "properties": {
      "items": {"type": "array", "items": {"$ref": "#/components/schemas/Customer"}},
      "next_cursor": {"type": "string", "nullable": true}}},
    "Tokens": {"type": "object", "properties": {
      "token_type": {"type": "string", "example": "Bearer"},
      "access_token": {"type": "string", "description": "mpc_..., valid for expires_in seconds"},
      "expires_in": {"type": "integer"},
      "refresh_token": {"type": "string", "description": "mpr_..., single use"},
      "refresh_expires_in": {"type": "integer"},
      "customer_id": {"type": "string", "format": "uuid"},
      "customer": {"$ref": "#/components/schemas/Customer"}}}
  }}
})json";

} // namespace

QJsonObject openApiFragment()
{
    using api::OpenApi;
    QJsonObject fragment = OpenApi::fragment(kFragment);
    const QString post = QStringLiteral("post");
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/customers"), CustomerJson::staffBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("put"), QStringLiteral("/api/customers/{id}"),
                                 CustomerJson::staffBody());
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/auth/signup"),
                                 CustomerJson::signupBody());
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/auth/login"), loginBody());
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/auth/refresh"), refreshTokenBody());
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/auth/logout"), refreshTokenBody(),
                                 false);
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/auth/password-reset"),
                                 passwordResetRequestBody());
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/auth/password-reset/confirm"),
                                 passwordResetConfirmBody());
    return fragment;
}

} // namespace mp::customers
