-- Catalog (products, prices, CloudPod templates, TLD prices) and customer accounts (profiles,
-- sign-in sessions, failed sign-in throttling). Every table carries tenant_id and sits under
-- row-level security; composite foreign keys (tenant_id, id) make a cross-tenant reference
-- impossible even for the schema owner.
--
-- Enumerations are text + CHECK rather than enum types: later issues add values (a new product
-- type, a new cycle) in a transactional migration, and binding text needs no casts.

-- Trigram indexes back the case-insensitive substring search over a million customers.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE cloudpod_templates (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    cpu_cores integer NOT NULL CHECK (cpu_cores BETWEEN 1 AND 512),
    ram_mb integer NOT NULL CHECK (ram_mb BETWEEN 128 AND 4194304),
    disk_gb integer NOT NULL CHECK (disk_gb BETWEEN 1 AND 65536),
    network_bridge text NOT NULL DEFAULT 'vmbr0' CHECK (network_bridge ~ '^[A-Za-z0-9_.-]{1,15}$'),
    network_vlan integer CHECK (network_vlan BETWEEN 1 AND 4094),
    network_rate_mbps integer CHECK (network_rate_mbps BETWEEN 1 AND 100000),
    -- LXC containers are created from an ostemplate; QEMU VMs are cloned from a template VM.
    guest_kind text NOT NULL CHECK (guest_kind IN ('lxc', 'qemu')),
    ostemplate text CHECK (length(ostemplate) BETWEEN 1 AND 255),
    vm_template_id integer CHECK (vm_template_id BETWEEN 100 AND 999999999),
    placement_kind text NOT NULL CHECK (placement_kind IN ('node', 'pool')),
    placement_target text NOT NULL CHECK (placement_target ~ '^[A-Za-z0-9_.-]{1,63}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((guest_kind = 'lxc' AND ostemplate IS NOT NULL AND vm_template_id IS NULL)
        OR (guest_kind = 'qemu' AND vm_template_id IS NOT NULL AND ostemplate IS NULL)),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX cloudpod_templates_name_uq ON cloudpod_templates (tenant_id, lower(name));

CREATE TABLE products (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    type text NOT NULL CHECK (type IN ('cloudpod', 'domain', 'email', 'backup', 'ssl', 'other')),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    description text NOT NULL DEFAULT '' CHECK (length(description) <= 10000),
    visibility text NOT NULL DEFAULT 'active' CHECK (visibility IN ('active', 'hidden', 'retired')),
    template_id uuid,
    tld text CHECK (tld ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$'),
    -- Set by checkout (the orders issue) the first time the product is ordered; from then on
    -- DELETE retires the product instead of removing it.
    first_ordered_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, template_id) REFERENCES cloudpod_templates (tenant_id, id),
    CHECK ((type = 'cloudpod') = (template_id IS NOT NULL)),
    CHECK ((type = 'domain') = (tld IS NOT NULL))
);
-- Listing groups by type, then name; the id breaks ties for keyset paging.
CREATE INDEX products_listing_idx ON products (tenant_id, type, lower(name), id);
CREATE INDEX products_name_idx ON products (tenant_id, lower(name), id);
CREATE INDEX products_template_idx ON products (tenant_id, template_id) WHERE template_id IS NOT NULL;
-- One live product per TLD; retired ones may pile up.
CREATE UNIQUE INDEX products_tld_uq ON products (tenant_id, tld) WHERE tld IS NOT NULL AND visibility <> 'retired';

CREATE TABLE product_prices (
    tenant_id uuid NOT NULL,
    product_id uuid NOT NULL,
    cycle text NOT NULL CHECK (cycle IN ('monthly', 'quarterly', 'semiannual', 'annual', 'biennial',
                                         'triennial', 'one_time')),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
    setup_fee_minor bigint NOT NULL DEFAULT 0 CHECK (setup_fee_minor >= 0),
    PRIMARY KEY (product_id, cycle, currency),
    FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX product_prices_tenant_idx ON product_prices (tenant_id);

CREATE TABLE tld_prices (
    tenant_id uuid NOT NULL,
    product_id uuid NOT NULL,
    action text NOT NULL CHECK (action IN ('register', 'renew', 'transfer')),
    years smallint NOT NULL CHECK (years BETWEEN 1 AND 10),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
    PRIMARY KEY (product_id, action, years, currency),
    FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX tld_prices_tenant_idx ON tld_prices (tenant_id);

CREATE TABLE customers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254 AND position('@' IN email) > 1),
    company text NOT NULL DEFAULT '' CHECK (length(company) <= 200),
    address_line1 text NOT NULL DEFAULT '' CHECK (length(address_line1) <= 200),
    address_line2 text NOT NULL DEFAULT '' CHECK (length(address_line2) <= 200),
    city text NOT NULL DEFAULT '' CHECK (length(city) <= 100),
    postal_code text NOT NULL DEFAULT '' CHECK (length(postal_code) <= 20),
    region text NOT NULL DEFAULT '' CHECK (length(region) <= 100),
    country char(2) CHECK (country ~ '^[A-Z]{2}$'),
    tax_id text NOT NULL DEFAULT '' CHECK (length(tax_id) <= 50),
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'closed')),
    notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 10000),
    password_hash text, -- argon2id (libsodium crypto_pwhash_str); NULL: cannot sign in
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX customers_email_uq ON customers (tenant_id, lower(email));
-- Keyset orders for the list: by name, by creation.
CREATE INDEX customers_name_idx ON customers (tenant_id, lower(name), id);
CREATE INDEX customers_created_idx ON customers (tenant_id, created_at, id);
-- Case-insensitive prefix and substring search (LIKE on the lowered columns).
CREATE INDEX customers_name_trgm ON customers USING gin (lower(name) gin_trgm_ops);
CREATE INDEX customers_email_trgm ON customers USING gin (lower(email) gin_trgm_ops);
CREATE INDEX customers_company_trgm ON customers USING gin (lower(company) gin_trgm_ops);

-- A signed-in device. Logging out or reusing an already rotated refresh token revokes the whole
-- session, and with it every token issued under it.
CREATE TABLE customer_sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    customer_id uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    remote_address text,
    revoked_at timestamptz,
    revoke_reason text,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_sessions_customer_idx ON customer_sessions (tenant_id, customer_id);

-- Access and refresh tokens, stored as SHA-256 (the tokens are 256 random bits: a slow hash
-- buys nothing and every request needs one index probe). A refresh token is used once.
CREATE TABLE customer_tokens (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL,
    session_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('access', 'refresh')),
    token_hash bytea NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    FOREIGN KEY (tenant_id, session_id) REFERENCES customer_sessions (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_tokens_session_idx ON customer_tokens (tenant_id, session_id);

-- Failed sign-ins, one row each, keyed by account (lowered email) and by remote address. The
-- throttle counts rows in a sliding window, so every service instance sees the same count.
CREATE TABLE sign_in_failures (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    scope text NOT NULL CHECK (scope IN ('account', 'address')),
    key text NOT NULL CHECK (length(key) <= 300),
    at timestamptz NOT NULL
);
CREATE INDEX sign_in_failures_key_idx ON sign_in_failures (tenant_id, scope, key, at);

SELECT mpanel_isolate_tenant_table('cloudpod_templates');
SELECT mpanel_isolate_tenant_table('products');
SELECT mpanel_isolate_tenant_table('product_prices');
SELECT mpanel_isolate_tenant_table('tld_prices');
SELECT mpanel_isolate_tenant_table('customers');
-- Credentials and throttling are the service's business: staff may look, never write.
SELECT mpanel_isolate_tenant_table('customer_sessions', false);
SELECT mpanel_isolate_tenant_table('customer_tokens', false);
SELECT mpanel_isolate_tenant_table('sign_in_failures', false);
-- Staff logins never read credential hashes.
REVOKE SELECT ON customer_tokens FROM mpanel_staff;
GRANT SELECT (id, tenant_id, session_id, kind, created_at, expires_at, used_at) ON customer_tokens TO mpanel_staff;
REVOKE SELECT, UPDATE ON customers FROM mpanel_staff;
GRANT SELECT (id, tenant_id, name, email, company, address_line1, address_line2, city, postal_code, region,
              country, tax_id, status, notes, created_at, updated_at) ON customers TO mpanel_staff;
GRANT UPDATE (name, email, company, address_line1, address_line2, city, postal_code, region, country, tax_id,
              status, notes, updated_at) ON customers TO mpanel_staff;

-- Four starter CloudPod templates for every new tenant: sizes a small host sells, as LXC
-- containers from the Debian 12 template, placed in the "cloudpods" pool. Staff edit them.
CREATE FUNCTION mpanel_seed_cloudpod_templates() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO cloudpod_templates (tenant_id, name, cpu_cores, ram_mb, disk_gb, network_bridge,
                                    network_rate_mbps, guest_kind, ostemplate, placement_kind, placement_target)
    VALUES (NEW.id, 'Mini', 1, 1024, 20, 'vmbr0', 100, 'lxc',
            'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst', 'pool', 'cloudpods'),
           (NEW.id, 'Pro', 2, 4096, 60, 'vmbr0', 250, 'lxc',
            'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst', 'pool', 'cloudpods'),
           (NEW.id, 'Business', 4, 8192, 160, 'vmbr0', 500, 'lxc',
            'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst', 'pool', 'cloudpods'),
           (NEW.id, 'Enterprise', 8, 16384, 320, 'vmbr0', 1000, 'lxc',
            'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst', 'pool', 'cloudpods');
    RETURN NEW;
END $$;
CREATE TRIGGER tenants_seed_cloudpod_templates AFTER INSERT ON tenants
    FOR EACH ROW EXECUTE FUNCTION mpanel_seed_cloudpod_templates();

-- Existing tenants get the starters too.
INSERT INTO cloudpod_templates (tenant_id, name, cpu_cores, ram_mb, disk_gb, network_bridge, network_rate_mbps,
                                guest_kind, ostemplate, placement_kind, placement_target)
SELECT t.id, s.name, s.cpu, s.ram, s.disk, 'vmbr0', s.rate, 'lxc',
       'local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst', 'pool', 'cloudpods'
FROM tenants t
CROSS JOIN (VALUES ('Mini', 1, 1024, 20, 100), ('Pro', 2, 4096, 60, 250), ('Business', 4, 8192, 160, 500),
                   ('Enterprise', 8, 16384, 320, 1000)) AS s (name, cpu, ram, disk, rate);
