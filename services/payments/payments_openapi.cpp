#include "payments/payments_openapi.h"

#include "api/openapi.h"
#include "api/request_body.h"
#include "payments/payment_bodies.h"

namespace mp::payments {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/webhooks/stripe": {"post": {"summary": "Stripe webhook endpoint (signed with Stripe-Signature; no bearer token)",
      "description": "Verifies Stripe-Signature (HMAC-SHA256 of t.body, any v1, 300 s tolerance) against every secret in MPANEL_STRIPE_WEBHOOK_SECRET, stores the event once by its id and applies it in the same transaction. Duplicates and unknown types answer 200.",
      "tags": ["payments"], "security": [],
      "parameters": [{"name": "Stripe-Signature", "in": "header", "required": true, "schema": {"type": "string"}}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "description": "A Stripe Event object"}}}},
      "responses": {"200": {"description": "{received: true, id, duplicate, result}"},
        "400": {"$ref": "#/components/responses/Error"}, "500": {"description": "Not stored; Stripe retries"}}}},
    "/api/invoices/{id}/pay": {"post": {"summary": "Pay an unpaid invoice online: a Stripe Checkout Session (the invoice's customer or staff)",
      "tags": ["payments"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"200": {"description": "{checkout_url, session_id}"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}, "502": {"$ref": "#/components/responses/Error"},
        "503": {"$ref": "#/components/responses/Error"}}}},
    "/api/invoices/{id}/refund": {"post": {"summary": "Refund the Stripe payment of a paid invoice, in full or in part (staff)",
      "tags": ["payments"], "parameters": [{"$ref": "#/components/parameters/Id"},
        {"name": "Idempotency-Key", "in": "header", "required": false, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "{refund, refund_status, payment: Payment}"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"},
        "502": {"$ref": "#/components/responses/Error"}}}},
    "/api/payments": {"get": {"summary": "Stripe payments, newest first (staff), keyset pages", "tags": ["payments"],
      "parameters": [{"name": "customer", "in": "query", "schema": {"type": "string", "format": "uuid"}},
        {"name": "invoice", "in": "query", "schema": {"type": "string", "format": "uuid"}},
        {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["pending", "succeeded", "failed", "refunded", "partially_refunded", "disputed", "held"]},
         "description": "held: payments held for staff review, whatever their payment status"},
        {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["created_at", "-created_at", "amount", "-amount"]}},
        {"$ref": "#/components/parameters/Limit"}, {"$ref": "#/components/parameters/Cursor"}],
      "responses": {"200": {"description": "{items: [Payment], next_cursor}"}, "400": {"$ref": "#/components/responses/Error"},
        "403": {"$ref": "#/components/responses/Error"}}}},
    "/api/payments/{id}/resolve": {"post": {"summary": "Decide a payment held for review, once (staff): apply it to its invoice, refund it with Stripe, or dismiss the hold",
      "description": "Writes an audit_log row (payment.resolve) and resolves the payment_held flag. A payment already resolved, or never held, is 409. refund calls Stripe outside any transaction with the key mpanel-resolve-{id}.",
      "tags": ["payments"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"200": {"description": "Payment"}, "400": {"$ref": "#/components/responses/Error"},
        "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"},
        "502": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}}}},
    "/api/invoice-flags": {"get": {"summary": "What staff must look at on invoices: held payments and disputes (staff), keyset pages", "tags": ["payments"],
      "parameters": [{"name": "state", "in": "query", "schema": {"type": "string", "enum": ["open", "resolved", "all"], "default": "open"}},
        {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["payment_held", "disputed"]}},
        {"name": "invoice", "in": "query", "schema": {"type": "string", "format": "uuid"}},
        {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["created_at", "-created_at"]}},
        {"$ref": "#/components/parameters/Limit"}, {"$ref": "#/components/parameters/Cursor"}],
      "responses": {"200": {"description": "{items: [{id, invoice_id, invoice_number, payment_id, kind, detail, created_at, resolved_at}], next_cursor}"},
        "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}},
    "/api/cards": {"get": {"summary": "A customer's saved cards (the customer's own; staff name customer_id), refreshed from Stripe when it answers",
      "tags": ["payments"],
      "parameters": [{"name": "customer_id", "in": "query", "schema": {"type": "string", "format": "uuid"}}],
      "responses": {"200": {"description": "{items: [SavedCard], synced: false when Stripe did not answer and the stored list is shown}"},
        "403": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/cards/{id}/default": {"post": {"summary": "Make a saved card the one renewals charge (the customer, or staff)",
      "tags": ["payments"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"200": {"description": "SavedCard"}, "403": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/cards/{id}": {"delete": {"summary": "Remove a saved card: detached at Stripe for good (the customer, or staff)",
      "tags": ["payments"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"200": {"description": "{deleted: true}"}, "403": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"}, "502": {"$ref": "#/components/responses/Error"},
        "503": {"$ref": "#/components/responses/Error"}}}}
  },
  "components": {"schemas": {
    "Payment": {"type": "object", "properties": {
      "id": {"type": "string", "format": "uuid"}, "invoice_id": {"type": "string", "format": "uuid"},
      "customer_id": {"type": "string", "format": "uuid"}, "payment_intent": {"type": "string"},
      "amount": {"type": "string"}, "amount_minor": {"type": "integer"}, "currency": {"type": "string"},
      "status": {"type": "string", "enum": ["pending", "succeeded", "failed", "refunded", "partially_refunded", "disputed"]},
      "refunded": {"type": "string"}, "refunded_minor": {"type": "integer"},
      "decline_code": {"type": "string"}, "decline_message": {"type": "string"},
      "review_state": {"type": "string", "enum": ["held", "resolved"]}, "review_reason": {"type": "string"},
      "dispute_status": {"type": "string"}}},
    "SavedCard": {"type": "object", "properties": {
      "id": {"type": "string", "format": "uuid"}, "customer_id": {"type": "string", "format": "uuid"},
      "payment_method": {"type": "string"}, "brand": {"type": "string"}, "last4": {"type": "string"},
      "exp_month": {"type": "integer"}, "exp_year": {"type": "integer"}, "default": {"type": "boolean"},
      "created_at": {"type": "string", "format": "date-time"}}}}}
})json";

} // namespace

QJsonObject openApiFragment()
{
    using api::OpenApi;
    QJsonObject fragment = OpenApi::fragment(kFragment);
    const QString post = QStringLiteral("post");
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/invoices/{id}/pay"), api::emptyBody(),
                                 false);
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/invoices/{id}/refund"), refundBody(),
                                 false);
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/payments/{id}/resolve"), resolveBody());
    OpenApi::describeRequestBody(fragment, post, QStringLiteral("/api/cards/{id}/default"), api::emptyBody(),
                                 false);
    return fragment;
}

} // namespace mp::payments
