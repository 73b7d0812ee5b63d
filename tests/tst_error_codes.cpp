// Every error code the services declare, with the HTTP status an API answer gives it. The table
// was taken from the string mapping the categories replaced (codes sent only with an explicit
// status carry that status), so a category that changes shows up here rather than in a client.
#include "api/api_errors.h"
#include "billing/billing_errors.h"
#include "catalog/catalog_errors.h"
#include "cloudpods/cloudpod_errors.h"
#include "console_session/session_errors.h"
#include "core/errors.h"
#include "customers/customer_errors.h"
#include "db/db_errors.h"
#include "http/api_context.h"
#include "http/http_errors.h"
#include "jobs/job_errors.h"
#include "module/provisioning_errors.h"
#include "money/money_errors.h"
#include "payments/payment_errors.h"
#include "proxmox/proxmox_errors.h"
#include "service/service_errors.h"
#include "stripe/stripe_errors.h"
#include "subscriptions/subscription_errors.h"
#include "tenancy/tenancy_errors.h"

#include <QSet>
#include <QTest>

using namespace mp;

namespace {

struct Expected {
    ErrorCode code;
    const char *wire;
    int status;
};

const Expected kTable[] = {
    {errors::AccountDisabled, "account_disabled", 403},
    {errors::AlreadyInvoiced, "already_invoiced", 422},
    {errors::AuthenticationFailed, "authentication_failed", 422},
    {errors::BodyTooLarge, "body_too_large", 413},
    {errors::ChangePending, "change_pending", 422},
    {errors::CloudpodBusy, "cloudpod_busy", 422},
    {errors::CloudpodGuestMissing, "cloudpod_guest_missing", 422},
    {errors::CloudpodNoAddress, "cloudpod_no_address", 422},
    {errors::CloudpodNoCapacity, "cloudpod_no_capacity", 422},
    {errors::CloudpodReconcile, "cloudpod_reconcile", 422},
    {errors::CloudpodVmid, "cloudpod_vmid", 422},
    {errors::ConfigInvalid, "config_invalid", 422},
    {errors::ConfigSecretExposed, "config_secret_exposed", 422},
    {errors::ConfigSyntax, "config_syntax", 422},
    {errors::ConfigUnreadable, "config_unreadable", 422},
    {errors::Conflict, "conflict", 409},
    {errors::CurrencyMismatch, "currency_mismatch", 422},
    {errors::CustomerInactive, "customer_inactive", 422},
    {errors::DatabaseError, "database_error", 500},
    {errors::DatabaseUnreachable, "database_unreachable", 422},
    {errors::DomainPricesNotAllowed, "domain_prices_not_allowed", 422},
    {errors::DuplicatePrice, "duplicate_price", 422},
    {errors::EmailTaken, "email_taken", 409},
    {errors::EmbeddedDb, "embedded_db", 422},
    {errors::Forbidden, "forbidden", 403},
    {errors::HeadTooLarge, "head_too_large", 400},
    {errors::Internal, "internal", 500},
    {errors::InvalidAction, "invalid_action", 422},
    {errors::InvalidAmount, "invalid_amount", 422},
    {errors::InvalidArgument, "invalid_argument", 422},
    {errors::InvalidCountry, "invalid_country", 422},
    {errors::InvalidCredentials, "invalid_credentials", 401},
    {errors::InvalidCredentialsFile, "invalid_credentials_file", 422},
    {errors::InvalidCurrency, "invalid_currency", 422},
    {errors::InvalidCycle, "invalid_cycle", 422},
    {errors::InvalidDatabaseUrl, "invalid_database_url", 422},
    {errors::InvalidDescription, "invalid_description", 422},
    {errors::InvalidDomain, "invalid_domain", 422},
    {errors::InvalidEmail, "invalid_email", 422},
    {errors::InvalidHostname, "invalid_hostname", 422},
    {errors::InvalidId, "invalid_id", 422},
    {errors::InvalidKind, "invalid_kind", 422},
    {errors::InvalidLine, "invalid_line", 422},
    {errors::InvalidListen, "invalid_listen", 422},
    {errors::InvalidLogin, "invalid_login", 422},
    {errors::InvalidMaxAttempts, "invalid_max_attempts", 422},
    {errors::InvalidMode, "invalid_mode", 422},
    {errors::InvalidName, "invalid_name", 422},
    {errors::InvalidNumberFormat, "invalid_number_format", 422},
    {errors::InvalidParameter, "invalid_parameter", 400},
    {errors::InvalidPassword, "invalid_password", 422},
    {errors::InvalidPriority, "invalid_priority", 422},
    {errors::InvalidProduct, "invalid_product", 422},
    {errors::InvalidQuantity, "invalid_quantity", 422},
    {errors::InvalidReason, "invalid_reason", 422},
    {errors::InvalidRelated, "invalid_related", 422},
    {errors::InvalidSetting, "invalid_setting", 422},
    {errors::InvalidState, "invalid_state", 422},
    {errors::InvalidStatus, "invalid_status", 422},
    {errors::InvalidSubscription, "invalid_subscription", 422},
    {errors::InvalidTenant, "invalid_tenant", 422},
    {errors::InvalidText, "invalid_text", 422},
    {errors::InvalidTld, "invalid_tld", 422},
    {errors::InvalidTransition, "invalid_transition", 409},
    {errors::InvalidType, "invalid_type", 400},
    {errors::InvalidValue, "invalid_value", 422},
    {errors::InvalidYears, "invalid_years", 422},
    {errors::IpPoolOverlap, "ip_pool_overlap", 409},
    {errors::JobCancelled, "job_cancelled", 422},
    {errors::JobInterrupted, "job_interrupted", 422},
    {errors::JobPermanent, "job_permanent", 422},
    {errors::JobsUnavailable, "jobs_unavailable", 422},
    {errors::LengthRequired, "length_required", 400},
    {errors::ListenFailed, "listen_failed", 422},
    {errors::LoginTaken, "login_taken", 409},
    {errors::MalformedJson, "malformed_json", 400},
    {errors::MethodNotAllowed, "method_not_allowed", 405},
    {errors::MigrationFailed, "migration_failed", 422},
    {errors::MissingField, "missing_field", 422},
    {errors::NameTaken, "name_taken", 409},
    {errors::NegativePrice, "negative_price", 422},
    {errors::NoChange, "no_change", 422},
    {errors::NoPrice, "no_price", 422},
    {errors::NotACustomerToken, "not_a_customer_token", 400},
    {errors::NotFound, "not_found", 404},
    {errors::NotSignedIn, "not_signed_in", 422},
    {errors::NotStaff, "not_staff", 422},
    {errors::OverCredit, "over_credit", 422},
    {errors::Overflow, "overflow", 422},
    {errors::PaymentProviderError, "payment_provider_error", 422},
    {errors::PaymentsNotConfigured, "payments_not_configured", 422},
    {errors::PaymentsUnavailable, "payments_unavailable", 503},
    {errors::PdfUnavailable, "pdf_unavailable", 422},
    {errors::PriceMissing, "price_missing", 422},
    {errors::PricesNotAllowed, "prices_not_allowed", 422},
    {errors::ProductRetired, "product_retired", 422},
    {errors::ProductTypeMismatch, "product_type_mismatch", 422},
    {errors::ProductUnavailable, "product_unavailable", 422},
    {errors::ProxmoxAborted, "proxmox_aborted", 422},
    {errors::ProxmoxAuthentication, "proxmox_authentication", 422},
    {errors::ProxmoxBlockingNotAllowed, "proxmox_blocking_not_allowed", 422},
    {errors::ProxmoxInvalidParameters, "proxmox_invalid_parameters", 422},
    {errors::ProxmoxInvalidRequest, "proxmox_invalid_request", 422},
    {errors::ProxmoxInvalidResponse, "proxmox_invalid_response", 422},
    {errors::ProxmoxInvalidSettings, "proxmox_invalid_settings", 422},
    {errors::ProxmoxNetwork, "proxmox_network", 422},
    {errors::ProxmoxNotImplemented, "proxmox_not_implemented", 422},
    {errors::ProxmoxPermission, "proxmox_permission", 422},
    {errors::ProxmoxServerError, "proxmox_server_error", 422},
    {errors::ProxmoxTaskFailed, "proxmox_task_failed", 422},
    {errors::ProxmoxTaskTimeout, "proxmox_task_timeout", 422},
    {errors::ProxmoxTimeout, "proxmox_timeout", 422},
    {errors::ProxmoxTls, "proxmox_tls", 422},
    {errors::ProxmoxVmidExists, "proxmox_vmid_exists", 422},
    {errors::RateLimited, "rate_limited", 429},
    {errors::RegisterPriceRequired, "register_price_required", 422},
    {errors::RenewalFailed, "renewal_failed", 422},
    {errors::RenewalInvoiced, "renewal_invoiced", 422},
    {errors::RequestTimeout, "request_timeout", 400},
    {errors::Required, "required", 422},
    {errors::SchemaBehind, "schema_behind", 422},
    {errors::SchemaMigrationChanged, "schema_migration_changed", 422},
    {errors::SchemaNewer, "schema_newer", 422},
    {errors::SchemaNotCurrent, "schema_not_current", 503},
    {errors::SchemaUnknownMigration, "schema_unknown_migration", 422},
    {errors::StripeAborted, "stripe_aborted", 422},
    {errors::StripeApiError, "stripe_api_error", 422},
    {errors::StripeAuthenticationError, "stripe_authentication_error", 422},
    {errors::StripeBlockingNotAllowed, "stripe_blocking_not_allowed", 422},
    {errors::StripeCardError, "stripe_card_error", 422},
    {errors::StripeConflict, "stripe_conflict", 422},
    {errors::StripeEventInvalid, "stripe_event_invalid", 422},
    {errors::StripeIdempotencyError, "stripe_idempotency_error", 422},
    {errors::StripeInvalidParams, "stripe_invalid_params", 422},
    {errors::StripeInvalidRequest, "stripe_invalid_request", 422},
    {errors::StripeInvalidResponse, "stripe_invalid_response", 422},
    {errors::StripeNetworkError, "stripe_network_error", 422},
    {errors::StripePermissionError, "stripe_permission_error", 422},
    {errors::StripeRateLimit, "stripe_rate_limit", 422},
    {errors::StripeSignatureMismatch, "stripe_signature_mismatch", 422},
    {errors::StripeSignatureMissing, "stripe_signature_missing", 422},
    {errors::StripeSignatureNoTimestamp, "stripe_signature_no_timestamp", 422},
    {errors::StripeSignatureNoV1, "stripe_signature_no_v1", 422},
    {errors::StripeSignatureStale, "stripe_signature_stale", 422},
    {errors::StripeTimeout, "stripe_timeout", 422},
    {errors::StripeWebhookBodyEmpty, "stripe_webhook_body_empty", 422},
    {errors::StripeWebhookSecretMissing, "stripe_webhook_secret_missing", 422},
    {errors::TemplateNotAllowed, "template_not_allowed", 422},
    {errors::TemplateRequired, "template_required", 422},
    {errors::TextTooLong, "text_too_long", 422},
    {errors::TldNotAllowed, "tld_not_allowed", 422},
    {errors::TldTaken, "tld_taken", 409},
    {errors::TokenReused, "token_reused", 422},
    {errors::TooManyDecimals, "too_many_decimals", 422},
    {errors::TransactionClosed, "transaction_closed", 422},
    {errors::Unauthenticated, "unauthenticated", 401},
    {errors::UnknownAction, "unknown_action", 422},
    {errors::UnknownCustomer, "unknown_customer", 422},
    {errors::UnknownCycle, "unknown_cycle", 422},
    {errors::UnknownField, "unknown_field", 400},
    {errors::UnknownParameter, "unknown_parameter", 400},
    {errors::UnknownProduct, "unknown_product", 422},
    {errors::UnknownStatus, "unknown_status", 422},
    {errors::UnknownTemplate, "unknown_template", 422},
    {errors::UnknownTenant, "unknown_tenant", 422},
    {errors::UnknownType, "unknown_type", 422},
    {errors::UnknownVisibility, "unknown_visibility", 422},
    {errors::WeakPassword, "weak_password", 422},
};

} // namespace

class TestErrorCodes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyCodeKeepsItsWireNameAndStatus()
    {
        for (const Expected &e : kTable) {
            const Error error = makeError(e.code, QStringLiteral("message"), QStringLiteral("field"));
            QCOMPARE(error.code, QString::fromLatin1(e.wire));
            QVERIFY2(statusForError(error) == e.status, e.wire);
        }
    }

    void wireNamesAreUnique()
    {
        QSet<QString> seen;
        for (const Expected &e : kTable) {
            QVERIFY2(!seen.contains(e.code.wireName()), e.wire);
            seen.insert(e.code.wireName());
        }
    }

    void representativeStatuses()
    {
        const auto status = [](const ErrorCode &code) { return statusForError(makeError(code, {})); };
        QCOMPARE(status(errors::NotFound), 404);
        QCOMPARE(status(errors::Conflict), 409);
        QCOMPARE(status(errors::EmailTaken), 409);
        QCOMPARE(status(errors::InvalidTransition), 409);
        QCOMPARE(status(errors::Forbidden), 403);
        QCOMPARE(status(errors::Unauthenticated), 401);
        QCOMPARE(status(errors::DatabaseError), 500);
        QCOMPARE(status(errors::Internal), 500);
        QCOMPARE(status(errors::MalformedJson), 400);
        QCOMPARE(status(errors::UnknownField), 400);
        QCOMPARE(status(errors::InvalidType), 400);
        QCOMPARE(status(errors::InvalidParameter), 400);
        QCOMPARE(status(errors::RateLimited), 429);
        QCOMPARE(status(errors::InvalidValue), 422);
        QCOMPARE(status(errors::Required), 422);
        QCOMPARE(status(errors::CloudpodNoCapacity), 422);
        QCOMPARE(status(errors::StripeCardError), 422);
        QCOMPARE(status(errors::ProxmoxVmidExists), 422);
    }

    void comparesByWireName()
    {
        const Error error = makeError(errors::NotFound, QStringLiteral("no such thing"));
        QVERIFY(error.code == errors::NotFound);
        QVERIFY(error.code != errors::Conflict);
        QCOMPARE(error.category, ErrorCategory::NotFound);
        const Error restated =
            restate(error, QStringLiteral("looking it up: no such thing"), QStringLiteral("id"));
        QVERIFY(restated.code == errors::NotFound);
        QCOMPARE(restated.category, ErrorCategory::NotFound);
        QCOMPARE(restated.field, QStringLiteral("id"));
    }
};

QTEST_GUILESS_MAIN(TestErrorCodes)
#include "tst_error_codes.moc"
