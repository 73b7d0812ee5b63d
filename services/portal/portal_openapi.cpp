#include "portal/portal_openapi.h"

#include <QJsonDocument>

namespace mp::portal {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/portal": {"get": {"summary": "The customer portal (an HTML page; its views are addressed after '#')", "tags": ["portal"], "security": [],
      "responses": {"200": {"description": "The page", "content": {"text/html": {}}}, "304": {"description": "Not modified"}}}},
    "/payments/success": {"get": {"summary": "Where Stripe Checkout returns after paying: the portal page showing the invoice's state", "tags": ["portal"], "security": [],
      "parameters": [{"name": "session_id", "in": "query", "schema": {"type": "string"}}],
      "responses": {"200": {"description": "The page", "content": {"text/html": {}}}, "304": {"description": "Not modified"}}}},
    "/payments/cancel": {"get": {"summary": "Where Stripe Checkout returns when the customer goes back: the portal page showing the invoice's state", "tags": ["portal"], "security": [],
      "responses": {"200": {"description": "The page", "content": {"text/html": {}}}, "304": {"description": "Not modified"}}}},
    "/portal/assets/{name}": {"get": {"summary": "A file of the portal (script, style, icon); cached for a year when asked for with its current ?v=", "tags": ["portal"], "security": [],
      "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}},
        {"name": "v", "in": "query", "schema": {"type": "string"}}],
      "responses": {"200": {"description": "The file"}, "304": {"description": "Not modified"},
        "404": {"$ref": "#/components/responses/Error"}}}},
    "/portal/session": {
      "get": {"summary": "The browser's session: whether signed in, the customer and the CSRF token; renews the access token before it runs out", "tags": ["portal"], "security": [],
        "responses": {"200": {"description": "The session", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PortalSession"}}}}}},
      "post": {"summary": "Sign in (the body of POST /api/auth/login without tenant_id); sets the HttpOnly session cookie. Needs Content-Type application/json and X-Requested-With: mpanel-portal; throttled like the API's sign-in.", "tags": ["portal"], "security": [],
        "responses": {"200": {"description": "Signed in", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PortalSession"}}}},
          "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"},
          "429": {"$ref": "#/components/responses/Error"}}},
      "delete": {"summary": "Sign out: revokes the customer session and clears the cookie (needs X-CSRF-Token)", "tags": ["portal"], "security": [],
        "responses": {"200": {"description": "Signed out"}, "401": {"$ref": "#/components/responses/Error"},
          "403": {"$ref": "#/components/responses/Error"}}}},
    "/portal/signup": {"post": {"summary": "Sign up (the body of POST /api/auth/signup without tenant_id) and sign in; throttled like the API's signup", "tags": ["portal"], "security": [],
      "responses": {"201": {"description": "Signed up", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PortalSession"}}}},
        "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"},
        "429": {"$ref": "#/components/responses/Error"}}}},
    "/portal/api/{path}": {
      "parameters": [{"name": "path", "in": "path", "required": true, "schema": {"type": "string"},
        "description": "The rest of an /api/ path (one segment or more): /portal/api/invoices is GET /api/invoices"}],
      "get": {"summary": "The JSON API as the signed-in customer (session cookie)", "tags": ["portal"], "security": [],
        "responses": {"200": {"description": "The API's answer"}, "401": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "The JSON API as the signed-in customer (session cookie and X-CSRF-Token)", "tags": ["portal"], "security": [],
        "responses": {"200": {"description": "The API's answer"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}},
      "put": {"summary": "The JSON API as the signed-in customer (session cookie and X-CSRF-Token)", "tags": ["portal"], "security": [],
        "responses": {"200": {"description": "The API's answer"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}},
      "patch": {"summary": "The JSON API as the signed-in customer (session cookie and X-CSRF-Token)", "tags": ["portal"], "security": [],
        "responses": {"200": {"description": "The API's answer"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}},
      "delete": {"summary": "The JSON API as the signed-in customer (session cookie and X-CSRF-Token)", "tags": ["portal"], "security": [],
        "responses": {"200": {"description": "The API's answer"}, "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}}
  },
  "components": {"schemas": {
    "PortalSession": {"type": "object", "properties": {
      "signed_in": {"type": "boolean"},
      "csrf_token": {"type": "string", "description": "Send as X-CSRF-Token with every POST, PUT, PATCH and DELETE"},
      "customer_id": {"type": "string", "format": "uuid"},
      "customer": {"$ref": "#/components/schemas/Customer"}}}
  }}
})json";

} // namespace

QJsonObject openApiFragment()
{
    return QJsonDocument::fromJson(kFragment).object();
}

} // namespace mp::portal
