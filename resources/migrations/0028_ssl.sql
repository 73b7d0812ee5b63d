-- SSL certificates from an ACME CA (Let's Encrypt, or Pebble in the sandbox). mPanel keeps one
-- ACME account per tenant and CA, and per certificate what was asked (names, challenge type),
-- the order in progress (so a retried job resumes it instead of ordering again) and what was
-- issued. Private keys are sealed with the service's own key (ssl_key_vault) before they are
-- stored; nobody reads them back through SQL in the clear.

CREATE TABLE ssl_acme_accounts (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    directory_url text NOT NULL CHECK (length(directory_url) <= 500),
    account_url text CHECK (length(account_url) <= 500),
    account_key_sealed text NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, directory_url)
);

CREATE TABLE ssl_certificates (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    customer_id uuid,
    -- Lower-case DNS names; a wildcard only with dns-01.
    names text[] NOT NULL CHECK (cardinality(names) BETWEEN 1 AND 100),
    challenge text NOT NULL DEFAULT 'http-01' CHECK (challenge IN ('http-01', 'dns-01')),
    -- pending: never issued yet; valid: issued and in force; renewing: a valid one being
    -- replaced; failed: the last issuance ended without a certificate; revoked.
    status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'valid', 'renewing', 'failed', 'revoked')),
    directory_url text,
    -- The order in progress and the key its CSR is signed with, committed before the CA is asked
    -- to validate: a retried job picks both up.
    order_url text,
    pending_key_sealed text,
    orders_placed integer NOT NULL DEFAULT 0,
    certificate_pem text,
    private_key_sealed text,
    serial text,
    issuer text,
    not_before timestamptz,
    not_after timestamptz,
    ari_id text,
    -- When the renewal job is due: a third of the lifetime left, or the CA's ARI window.
    renew_at timestamptz,
    renewal_source text CHECK (renewal_source IN ('lifetime', 'ari')),
    last_error text CHECK (length(last_error) <= 2000),
    revoked_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX ssl_certificates_list_idx ON ssl_certificates (tenant_id, created_at DESC, id);
CREATE INDEX ssl_certificates_customer_idx ON ssl_certificates (tenant_id, customer_id) WHERE customer_id IS NOT NULL;

-- HTTP-01 key authorizations the companion service answers at /.well-known/acme-challenge/<token>
-- while an order is being validated.
CREATE TABLE ssl_http_challenges (
    token text PRIMARY KEY CHECK (token ~ '^[A-Za-z0-9_-]{16,128}$'),
    tenant_id uuid NOT NULL,
    certificate_id uuid NOT NULL,
    key_authorization text NOT NULL CHECK (length(key_authorization) <= 300),
    created_at timestamptz NOT NULL,
    FOREIGN KEY (tenant_id, certificate_id) REFERENCES ssl_certificates (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ssl_http_challenges_certificate_idx ON ssl_http_challenges (tenant_id, certificate_id);

-- Accounts, certificates and challenges change through the service's jobs, never by hand.
SELECT mpanel_isolate_tenant_table('ssl_acme_accounts', false);
SELECT mpanel_isolate_tenant_table('ssl_certificates', false);
SELECT mpanel_isolate_tenant_table('ssl_http_challenges', false);
-- Staff logins read no sealed key.
REVOKE SELECT ON ssl_acme_accounts FROM mpanel_staff;
REVOKE SELECT ON ssl_certificates FROM mpanel_staff;
GRANT SELECT (tenant_id, directory_url, account_url, created_at) ON ssl_acme_accounts TO mpanel_staff;
GRANT SELECT (id, tenant_id, customer_id, names, challenge, status, directory_url, order_url, orders_placed,
              certificate_pem, serial, issuer, not_before, not_after, ari_id, renew_at, renewal_source,
              last_error, revoked_at, created_at, updated_at)
    ON ssl_certificates TO mpanel_staff;

-- The CA asks without a tenant: answers the key authorization for a token, nothing else.
CREATE FUNCTION mpanel_ssl_http_challenge(challenge_token text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT key_authorization FROM ssl_http_challenges WHERE token = challenge_token
$$;
REVOKE ALL ON FUNCTION mpanel_ssl_http_challenge(text) FROM PUBLIC;

SELECT mpanel_notify_changes_of('ssl_certificates', 'mpanel_changed_ssl_certificates');
