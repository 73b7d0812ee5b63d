-- Domains at a registrar (Namesilo first): the tenant's registrar account, the domains it holds
-- for customers, and what an order line says it is for (register or transfer in).
--
-- A paid domain line makes a subscription (annual, the first period as long as the years paid)
-- whose provisioner records the domain here as 'pending' and queues its domains.register job
-- (unique per domain). The job looks at the registrar before registering (a lost answer may
-- have registered it), so however often it runs the registrar registers the name once.

CREATE TABLE domain_registrars (
    tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
    registrar text NOT NULL DEFAULT 'namesilo' CHECK (registrar IN ('namesilo')),
    api_base text NOT NULL CHECK (api_base ~ '^https?://' AND length(api_base) <= 500),
    -- Write-only: the API and the console never read it back.
    api_key text NOT NULL CHECK (length(api_key) BETWEEN 1 AND 500),
    mode text NOT NULL DEFAULT 'live' CHECK (mode IN ('live', 'sandbox')),
    -- The account's verified card profile; NULL: account funds pay.
    payment_id text CHECK (length(payment_id) <= 100),
    updated_at timestamptz NOT NULL,
    -- The sandbox is an emulator on this machine, never a remote account.
    CONSTRAINT domain_registrars_sandbox_on_loopback
        CHECK (mode <> 'sandbox' OR api_base ~* '^https?://(127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|localhost|\[::1\])(:[0-9]{1,5})?(/|$)')
);

CREATE TABLE domains (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    customer_id uuid NOT NULL,
    subscription_id uuid,
    order_item_id uuid,
    -- Lower case, no trailing dot: 'example.com'.
    name text NOT NULL CHECK (name ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$' AND length(name) <= 253),
    registrar text NOT NULL,
    origin text NOT NULL CHECK (origin IN ('register', 'transfer')),
    years smallint NOT NULL CHECK (years BETWEEN 1 AND 10),
    -- pending (paid, job queued) -> active; registration_failed (the registrar's words in
    -- last_error; staff retry or refund); transfer_pending -> active or transfer_failed; an
    -- active domain past its expiry: grace -> redemption -> expired, never straight to gone.
    status text NOT NULL DEFAULT 'pending' CHECK (status IN (
        'pending', 'active', 'registration_failed', 'transfer_pending', 'transfer_failed',
        'grace', 'redemption', 'expired', 'cancelled')),
    expires_on date,
    registered_on date,
    nameservers text[] NOT NULL DEFAULT '{}',
    locked boolean NOT NULL DEFAULT false,
    privacy boolean NOT NULL DEFAULT false,
    auto_renew boolean NOT NULL DEFAULT true,
    zone_id uuid,
    last_error text CHECK (length(last_error) <= 2000),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES subscriptions (tenant_id, id)
);
-- One domain per subscription: a raced activation inserts nothing twice.
CREATE UNIQUE INDEX domains_subscription_uq ON domains (subscription_id);
CREATE INDEX domains_name_idx ON domains (tenant_id, name);
CREATE INDEX domains_customer_idx ON domains (tenant_id, customer_id, name);
CREATE INDEX domains_expiry_idx ON domains (tenant_id, expires_on, id);

-- What the daily domains.sync job found the registrar holding differently from mPanel's rows
-- (the registrar's facts are then recorded; the finding tells staff what moved).
CREATE TABLE domain_findings (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL,
    domain_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('expiry_differs', 'nameservers_differ', 'missing_at_registrar')),
    detail text NOT NULL CHECK (length(detail) <= 2000),
    first_seen_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    resolved_at timestamptz,
    FOREIGN KEY (tenant_id, domain_id) REFERENCES domains (tenant_id, id) ON DELETE CASCADE
);
-- One open finding per domain and kind: the next run refreshes it instead of adding another.
CREATE UNIQUE INDEX domain_findings_open_uq ON domain_findings (domain_id, kind) WHERE resolved_at IS NULL;
CREATE INDEX domain_findings_tenant_idx ON domain_findings (tenant_id, id DESC);

-- The registrar's cost per TLD as its price list (getPrices) last gave it, for the margin staff see.
CREATE TABLE domain_registrar_prices (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    tld text NOT NULL CHECK (length(tld) BETWEEN 1 AND 63),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    registration_minor bigint CHECK (registration_minor >= 0),
    renew_minor bigint CHECK (renew_minor >= 0),
    transfer_minor bigint CHECK (transfer_minor >= 0),
    fetched_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, tld)
);

-- What a domain order line is for; NULL on lines of other products. Older domain lines were
-- registrations.
ALTER TABLE order_items ADD COLUMN domain_action text CHECK (domain_action IN ('register', 'transfer'));
UPDATE order_items SET domain_action = 'register' WHERE domain_name IS NOT NULL AND domain_action IS NULL;

SELECT mpanel_isolate_tenant_table('domain_registrars');
-- Domains change through the service's rules; staff logins make the same writes as a side
-- effect (marking a domain invoice paid in the console records the domain and queues its job).
SELECT mpanel_isolate_tenant_table('domains');
-- Written by the sync jobs; staff logins may make the same writes (the rule of 0021).
SELECT mpanel_isolate_tenant_table('domain_findings');
SELECT mpanel_isolate_tenant_table('domain_registrar_prices');
-- Closed on purpose like dns_servers (0017, 0024): staff may see that a key is set, never read it.
REVOKE SELECT, INSERT, UPDATE, DELETE ON domain_registrars FROM mpanel_staff;
GRANT SELECT (tenant_id, registrar, api_base, mode, payment_id, updated_at) ON domain_registrars TO mpanel_staff;

SELECT mpanel_notify_changes_of('domains', 'mpanel_changed_domains');
