#include "notifications/notification_openapi.h"

#include "api/openapi.h"
#include "notifications/notification_bodies.h"

namespace mp::notifications {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/api/notifications/settings": {
      "get": {"summary": "The tenant's mail settings: sender address and SMTP relay (owner, admin); the password is never answered",
        "tags": ["notifications"],
        "responses": {"200": {"description": "MailSettings {from_address, from_name, reply_to, smtp_host, smtp_port, tls_mode, smtp_user, password_set, max_attempts, renewal_notice_days, enabled, updated_at}"},
          "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}}},
      "put": {"summary": "Set the tenant's mail settings (owner, admin)",
        "description": "Replaces every setting; smtp_password is write-only (absent keeps the stored one, null removes it). tls_mode none is refused for a relay not on this machine. Refused values answer 400/422 naming the field.",
        "tags": ["notifications"],
        "responses": {"200": {"description": "MailSettings"}, "400": {"$ref": "#/components/responses/Error"},
          "401": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/notifications/outbox": {"get": {"summary": "Notification mail, newest first, with delivery status, attempts and the relay's last error (staff)",
      "tags": ["notifications"],
      "parameters": [
        {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["queued", "sent", "failed"]}},
        {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["created_at", "-created_at"]}},
        {"$ref": "#/components/parameters/Limit"}, {"$ref": "#/components/parameters/Cursor"}],
      "responses": {"200": {"description": "{items: [OutboxMessage {id, customer_id, to, template, status, attempts, subject, last_error, next_attempt_at, last_attempt_at, created_at, sent_at, failed_at}], next_cursor}"},
        "400": {"$ref": "#/components/responses/Error"}, "401": {"$ref": "#/components/responses/Error"}}}},
    "/api/notifications/outbox/{id}/retry": {"post": {"summary": "Send a failed (or waiting) message again now, with a fresh attempt budget (staff)",
      "tags": ["notifications"], "parameters": [{"$ref": "#/components/parameters/Id"}],
      "responses": {"200": {"description": "OutboxMessage"}, "403": {"$ref": "#/components/responses/Error"},
        "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}}}}
  }
})json";

} // namespace

QJsonObject openApiFragment()
{
    using api::OpenApi;
    QJsonObject fragment = OpenApi::fragment(kFragment);
    OpenApi::describeRequestBody(fragment, QStringLiteral("put"),
                                 QStringLiteral("/api/notifications/settings"), mailSettingsBody());
    return fragment;
}

} // namespace mp::notifications
