#include "subscriptions/subscription_openapi.h"

#include "api/openapi.h"
#include "subscriptions/subscription_bodies.h"

namespace mp::subscriptions {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/api/subscriptions": {"get": {"summary": "Subscriptions, newest first (staff: the tenant's; a customer: its own)",
      "tags": ["subscriptions"],
      "parameters": [
        {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["pending", "active", "past_due", "suspended", "cancelled", "expired"]}},
        {"name": "product_id", "in": "query", "schema": {"type": "string", "format": "uuid"}},
        {"name": "customer_id", "in": "query", "schema": {"type": "string", "format": "uuid"}, "description": "staff only; a customer always sees its own"},
        {"name": "due_within_days", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 3650},
         "description": "running subscriptions whose next due date (tenant-local) is at most this many days away"},
        {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["created_at", "-created_at", "next_due_date", "-next_due_date"]}},
        {"$ref": "#/components/parameters/Limit"}, {"$ref": "#/components/parameters/Cursor"}],
      "responses": {"200": {"description": "{items: [Subscription], next_cursor}"}, "400": {"$ref": "#/components/responses/Error"},
        "401": {"$ref": "#/components/responses/Error"}}}},
    "/api/subscriptions/{id}": {"get": {"summary": "One subscription with its product, customer, invoices (and their payments), expected provisioning state, the real state of each provisioned service (provisioning.services: each CloudPod with its state, address and how to connect) and history",
      "tags": ["subscriptions"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"200": {"description": "SubscriptionDetail"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/subscriptions/{id}/cancel": {"post": {"summary": "Cancel now (service terminated, no prorated credit) or at the period end (no more renewals, expires then)",
      "description": "Staff, or the customer who owns the subscription.",
      "tags": ["subscriptions"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"200": {"description": "SubscriptionDetail"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/subscriptions/{id}/change": {"post": {"summary": "Upgrade or downgrade to another product or cycle, prorated over the rest of the current period",
      "description": "Staff, or the customer who owns the subscription. Prorated = (new price brought to the current period's months - old price) x quantity x remaining days / period days (tenant-local calendar days), rounded half away from zero. More to pay: an invoice (Location), the change applies when it is paid; the same request again returns the pending change (200) and its one invoice. Less: applied now with a credit note against the invoice that paid the current period. Refused: another currency, a hidden or retired product, another product type, a one-time cycle, a subscription that is not active or is ending, a next period already invoiced.",
      "tags": ["subscriptions"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"200": {"description": "SubscriptionChange: the pending change a double submit found"},
        "201": {"description": "SubscriptionChange {id, kind: upgrade|downgrade, status: pending|applied, from, to, currency, days_remaining, period_days, prorated_minor, invoice_id, credit_note_id}"},
        "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
        "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/subscriptions/{id}/suspend": {"post": {"summary": "Suspend an active or past-due subscription and its service (staff)",
      "tags": ["subscriptions"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"200": {"description": "SubscriptionDetail"}, "403": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/subscriptions/{id}/unsuspend": {"post": {"summary": "Unsuspend (staff): active again, or past_due when its period is still unpaid",
      "tags": ["subscriptions"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"200": {"description": "SubscriptionDetail"}, "403": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/subscriptions/{id}/renew-now": {"post": {"summary": "Issue the next period's renewal invoice now, whatever the lead time (staff)",
      "tags": ["subscriptions"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"201": {"description": "SubscriptionDetail; Location: the new invoice"}, "403": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"},
        "422": {"$ref": "#/components/responses/Error"}}}}
  }
})json";

} // namespace

QJsonObject openApiFragment()
{
    using api::OpenApi;
    QJsonObject fragment = OpenApi::fragment(kFragment);
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"),
                                 QStringLiteral("/api/subscriptions/{id}/cancel"), cancelBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"),
                                 QStringLiteral("/api/subscriptions/{id}/change"), changeBody());
    return fragment;
}

} // namespace mp::subscriptions
