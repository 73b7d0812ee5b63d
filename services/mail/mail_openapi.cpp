#include "mail/mail_openapi.h"

#include "api/openapi.h"
#include "mail/mail_bodies.h"
#include "mail/mail_hosts.h"

namespace mp::mail {

namespace {

const char *kFragment = R"json({
  "paths": {
    "/api/mail/hosts": {
      "get": {"summary": "The tenant's mail hosts (staff)", "tags": ["mail"],
        "responses": {"200": {"description": "{items: [MailHost]}"}}},
      "post": {"summary": "Register a mail host (staff): its MX name, the PostgreSQL login its Postfix and Dovecot read the mail_host_* views with, where it keeps mail", "tags": ["mail"],
        "responses": {"201": {"description": "MailHost"}, "400": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/mail/plans/{product_id}": {
      "parameters": [{"name": "product_id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "put": {"summary": "Set an email product's limits (staff): mailboxes per domain, quota per mailbox, messages sent an hour per mailbox and per domain", "tags": ["mail"],
        "responses": {"200": {"description": "{product_id, max_mailboxes, max_quota_mb}"}, "404": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/mail/domains": {
      "get": {"summary": "Mail domains (staff: the tenant's; a customer: its own)", "tags": ["mail"],
        "responses": {"200": {"description": "{items: [MailDomain]}"}}},
      "post": {"summary": "Put a domain on a mail host (staff): makes its DKIM key and publishes MX, SPF, DKIM and DMARC through the DNS module", "tags": ["mail"],
        "responses": {"201": {"description": "MailDomain"}, "400": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/mail/domains/{domain}": {
      "parameters": [{"name": "domain", "in": "path", "required": true, "schema": {"type": "string"}, "description": "e.g. example.com"}],
      "get": {"summary": "One mail domain", "tags": ["mail"],
        "responses": {"200": {"description": "MailDomain"}, "404": {"$ref": "#/components/responses/Error"}}},
      "patch": {"summary": "Change a mail domain: catch-all and DMARC policy (its owner too), limits and suspension (staff)", "tags": ["mail"],
        "responses": {"200": {"description": "MailDomain"}, "403": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}},
      "delete": {"summary": "Take the domain off its host at once (staff); its mail data and DNS records go through a job", "tags": ["mail"],
        "responses": {"202": {"description": "{job_id}"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/mail/domains/{domain}/dkim/rotate": {
      "parameters": [{"name": "domain", "in": "path", "required": true, "schema": {"type": "string"}}],
      "post": {"summary": "Make a new DKIM key through a job; the old one stays published until the next rotation", "tags": ["mail"],
        "responses": {"202": {"description": "{job_id}"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}}}},
    "/api/mail/domains/{domain}/dns-check": {
      "parameters": [{"name": "domain", "in": "path", "required": true, "schema": {"type": "string"}}],
      "post": {"summary": "Check now that the authoritative DNS servers serve the domain's MX, SPF, DKIM and DMARC as published; stored on the domain as dns_health", "tags": ["mail"],
        "responses": {"200": {"description": "{ok, checked_at, servers, records: [{record, name, type, expected, ok, found, fix}]}"},
          "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/mail/domains/{domain}/send-holds": {
      "parameters": [{"name": "domain", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"summary": "Mailboxes of the domain whose mail the host held for going over an hourly sending limit, newest first", "tags": ["mail"],
        "responses": {"200": {"description": "{items: [{id, address, limit_kind, limit_per_hour, held, first_held_at, last_held_at, announced_at}]}"},
          "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/mail/domains/{domain}/mailboxes": {
      "parameters": [{"name": "domain", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"summary": "The domain's mailboxes", "tags": ["mail"],
        "responses": {"200": {"description": "{items: [Mailbox]}"}, "404": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Create a mailbox within the plan's limits", "tags": ["mail"],
        "responses": {"201": {"description": "Mailbox"}, "400": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/mail/mailboxes/{id}": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "get": {"summary": "One mailbox", "tags": ["mail"],
        "responses": {"200": {"description": "Mailbox"}, "404": {"$ref": "#/components/responses/Error"}}},
      "patch": {"summary": "Change a mailbox's password, quota, or disable it", "tags": ["mail"],
        "responses": {"200": {"description": "Mailbox"}, "404": {"$ref": "#/components/responses/Error"},
          "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}},
      "delete": {"summary": "Take the mailbox off its host at once; its mail data goes through a job", "tags": ["mail"],
        "responses": {"202": {"description": "{job_id}"}, "404": {"$ref": "#/components/responses/Error"}}}},
    "/api/mail/domains/{domain}/aliases": {
      "parameters": [{"name": "domain", "in": "path", "required": true, "schema": {"type": "string"}}],
      "get": {"summary": "The domain's aliases and forwards", "tags": ["mail"],
        "responses": {"200": {"description": "{items: [MailAlias]}"}, "404": {"$ref": "#/components/responses/Error"}}},
      "post": {"summary": "Create an alias or forward", "tags": ["mail"],
        "responses": {"201": {"description": "MailAlias"}, "400": {"$ref": "#/components/responses/Error"},
          "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"},
          "422": {"$ref": "#/components/responses/Error"}}}},
    "/api/mail/aliases/{id}": {
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "delete": {"summary": "Remove an alias or forward", "tags": ["mail"],
        "responses": {"200": {"description": "MailAlias"}, "404": {"$ref": "#/components/responses/Error"}}}}
  }
})json";

} // namespace

QJsonObject openApiFragment()
{
    using api::OpenApi;
    QJsonObject fragment = OpenApi::fragment(kFragment);
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/mail/hosts"),
                                 MailHosts::body());
    OpenApi::describeRequestBody(fragment, QStringLiteral("put"),
                                 QStringLiteral("/api/mail/plans/{product_id}"), planBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"), QStringLiteral("/api/mail/domains"),
                                 newDomainBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("patch"),
                                 QStringLiteral("/api/mail/domains/{domain}"), domainChangeBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"),
                                 QStringLiteral("/api/mail/domains/{domain}/mailboxes"), newMailboxBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("patch"),
                                 QStringLiteral("/api/mail/mailboxes/{id}"), mailboxChangeBody());
    OpenApi::describeRequestBody(fragment, QStringLiteral("post"),
                                 QStringLiteral("/api/mail/domains/{domain}/aliases"), newAliasBody());
    return fragment;
}

} // namespace mp::mail
