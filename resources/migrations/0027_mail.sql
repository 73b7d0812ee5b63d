-- Email hosting on Postfix and Dovecot: the mail hosts staff register per tenant, the mail
-- domains on them, mailboxes, aliases (forwards) and catch-alls, the DKIM keys per domain, and
-- the mail limits of each email product. mPanel owns these tables; a mail host's Postfix and
-- Dovecot read them only through the mail_host_* views below, over a login of their own that is
-- a member of mpanel_mail_reader and can read nothing else.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mpanel_mail_reader') THEN
        CREATE ROLE mpanel_mail_reader NOLOGIN;
    END IF;
END $$;

CREATE TABLE mail_hosts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    name text NOT NULL CHECK (name ~ '^[A-Za-z0-9_.-]{1,63}$'),
    -- The name the domains' MX records point at.
    mx_host text NOT NULL CHECK (mx_host ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'
                                 AND length(mx_host) <= 253),
    -- The PostgreSQL login the host's Postfix and Dovecot use: the views show it its own domains.
    reader_login text NOT NULL UNIQUE CHECK (reader_login ~ '^[a-z_][a-z0-9_]{0,62}$'),
    -- Where the host keeps mail (<mail_root>/<domain>/<local part>), for removing a mailbox's data.
    mail_root text NOT NULL CHECK (mail_root ~ '^/' AND length(mail_root) <= 500),
    is_default boolean NOT NULL DEFAULT false,
    enabled boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX mail_hosts_name_uq ON mail_hosts (tenant_id, lower(name));
-- New domains go to the tenant's default host.
CREATE UNIQUE INDEX mail_hosts_default_uq ON mail_hosts (tenant_id) WHERE is_default AND enabled;

-- What an email product gives: NULL is no limit.
CREATE TABLE mail_plans (
    tenant_id uuid NOT NULL,
    product_id uuid NOT NULL,
    max_mailboxes integer CHECK (max_mailboxes BETWEEN 0 AND 100000),
    max_quota_mb integer CHECK (max_quota_mb BETWEEN 1 AND 10485760),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, product_id),
    FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id)
);

CREATE TABLE mail_domains (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    host_id uuid NOT NULL,
    -- Lower case, no trailing dot: 'example.com'.
    name text NOT NULL CHECK (name ~ '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$'
                              AND length(name) <= 253),
    customer_id uuid,
    -- The email subscription that put it there (NULL: staff did).
    subscription_id uuid,
    -- active: mail flows; suspended: the host refuses it; deleting: its mailboxes are being removed.
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'deleting')),
    max_mailboxes integer CHECK (max_mailboxes BETWEEN 0 AND 100000),
    max_quota_mb integer CHECK (max_quota_mb BETWEEN 1 AND 10485760),
    -- Mail to an address with no mailbox or alias goes here (NULL: refused).
    catch_all text CHECK (length(catch_all) <= 254 AND catch_all ~ '^[^@\s]+@[^@\s]+$'),
    dmarc_policy text NOT NULL DEFAULT 'quarantine' CHECK (dmarc_policy IN ('none', 'quarantine', 'reject')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, host_id) REFERENCES mail_hosts (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
CREATE UNIQUE INDEX mail_domains_name_uq ON mail_domains (tenant_id, name);
-- A subscription puts one domain on a host, once however often it is activated.
CREATE UNIQUE INDEX mail_domains_subscription_uq ON mail_domains (tenant_id, subscription_id)
    WHERE subscription_id IS NOT NULL;
CREATE INDEX mail_domains_customer_idx ON mail_domains (tenant_id, customer_id, name);
CREATE INDEX mail_domains_host_idx ON mail_domains (host_id, name);

CREATE TABLE mail_mailboxes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    domain_id uuid NOT NULL,
    local_part text NOT NULL CHECK (local_part ~ '^[a-z0-9!#$%&''*+=?^_`{|}~-]+(\.[a-z0-9!#$%&''*+=?^_`{|}~-]+)*$'
                                    AND length(local_part) <= 64),
    -- '{ARGON2ID}$argon2id$...': the scheme prefix tells Dovecot how to verify it.
    password_hash text NOT NULL CHECK (password_hash ~ '^\{[A-Z0-9-]+\}' AND length(password_hash) <= 500),
    quota_mb integer NOT NULL CHECK (quota_mb BETWEEN 1 AND 10485760),
    enabled boolean NOT NULL DEFAULT true,
    -- deleting: gone from the host's views at once; the row goes once its mail data is removed.
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deleting')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, id),
    UNIQUE (domain_id, local_part),
    FOREIGN KEY (tenant_id, domain_id) REFERENCES mail_domains (tenant_id, id)
);
CREATE INDEX mail_mailboxes_tenant_idx ON mail_mailboxes (tenant_id, domain_id, local_part);

-- An address that delivers to others: mailboxes here, or a forward anywhere. Listing the
-- mailbox of the same address among the destinations keeps a copy.
CREATE TABLE mail_aliases (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    domain_id uuid NOT NULL,
    local_part text NOT NULL CHECK (local_part ~ '^[a-z0-9!#$%&''*+=?^_`{|}~-]+(\.[a-z0-9!#$%&''*+=?^_`{|}~-]+)*$'
                                    AND length(local_part) <= 64),
    destinations text[] NOT NULL CHECK (cardinality(destinations) BETWEEN 1 AND 50),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (domain_id, local_part),
    FOREIGN KEY (tenant_id, domain_id) REFERENCES mail_domains (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX mail_aliases_tenant_idx ON mail_aliases (tenant_id, domain_id, local_part);

-- A domain's DKIM keys: the active one signs; a retired one stays published until the next
-- rotation, so mail signed just before a rotation still verifies.
CREATE TABLE mail_dkim_keys (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    domain_id uuid NOT NULL,
    selector text NOT NULL CHECK (selector ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    -- PKCS#8 PEM, for the mail host's signer only: staff and the API never read it back.
    private_key text NOT NULL CHECK (length(private_key) <= 10000),
    -- base64 DER SubjectPublicKeyInfo, the p= of the TXT record.
    public_key text NOT NULL CHECK (length(public_key) <= 2000),
    status text NOT NULL CHECK (status IN ('active', 'retired')),
    created_at timestamptz NOT NULL,
    UNIQUE (domain_id, selector),
    FOREIGN KEY (tenant_id, domain_id) REFERENCES mail_domains (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX mail_dkim_keys_active_uq ON mail_dkim_keys (domain_id) WHERE status = 'active';
CREATE INDEX mail_dkim_keys_tenant_idx ON mail_dkim_keys (tenant_id, domain_id);

SELECT mpanel_isolate_tenant_table('mail_hosts');
SELECT mpanel_isolate_tenant_table('mail_plans');
-- Domains, mailboxes, aliases and keys change through the service's rules (limits, hashing,
-- DNS); staff logins write them as a side effect of console commands (a subscription suspended
-- or terminated from the console suspends or removes its mail domain).
SELECT mpanel_isolate_tenant_table('mail_domains');
SELECT mpanel_isolate_tenant_table('mail_mailboxes');
SELECT mpanel_isolate_tenant_table('mail_aliases');
SELECT mpanel_isolate_tenant_table('mail_dkim_keys');
-- Staff never read a password hash or a private key.
REVOKE SELECT ON mail_mailboxes FROM mpanel_staff;
GRANT SELECT (id, tenant_id, domain_id, local_part, quota_mb, enabled, status, created_at, updated_at)
    ON mail_mailboxes TO mpanel_staff;
REVOKE SELECT ON mail_dkim_keys FROM mpanel_staff;
GRANT SELECT (id, tenant_id, domain_id, selector, public_key, status, created_at) ON mail_dkim_keys TO mpanel_staff;

-- What a mail host reads. The views run as their owner (past row-level security) and show a
-- login only the domains of the host it is registered for, active and enabled.
CREATE VIEW mail_host_domains AS
    SELECT d.name AS domain
      FROM mail_domains d JOIN mail_hosts h ON h.id = d.host_id
     WHERE h.reader_login = session_user AND h.enabled AND d.status = 'active';

-- Dovecot's passdb and userdb, Postfix's virtual_mailbox_maps.
CREATE VIEW mail_host_mailboxes AS
    SELECT m.local_part || '@' || d.name AS email, d.name AS domain, m.local_part,
           m.password_hash AS password, m.quota_mb::bigint * 1048576 AS quota_bytes,
           '*:bytes=' || (m.quota_mb::bigint * 1048576)::text AS quota_rule
      FROM mail_mailboxes m
      JOIN mail_domains d ON d.id = m.domain_id
      JOIN mail_hosts h ON h.id = d.host_id
     WHERE h.reader_login = session_user AND h.enabled AND d.status = 'active'
       AND m.enabled AND m.status = 'active';

-- Postfix's virtual_alias_maps, one row per destination: aliases; each mailbox to itself (so a
-- catch-all never takes its mail) unless an alias of the same address says where it goes; and
-- the catch-all as '@domain', which Postfix tries last.
CREATE VIEW mail_host_aliases AS
    SELECT a.local_part || '@' || d.name AS address, unnest(a.destinations) AS destination
      FROM mail_aliases a
      JOIN mail_domains d ON d.id = a.domain_id
      JOIN mail_hosts h ON h.id = d.host_id
     WHERE h.reader_login = session_user AND h.enabled AND d.status = 'active'
    UNION ALL
    SELECT m.local_part || '@' || d.name, m.local_part || '@' || d.name
      FROM mail_mailboxes m
      JOIN mail_domains d ON d.id = m.domain_id
      JOIN mail_hosts h ON h.id = d.host_id
     WHERE h.reader_login = session_user AND h.enabled AND d.status = 'active'
       AND m.enabled AND m.status = 'active'
       AND NOT EXISTS (SELECT 1 FROM mail_aliases a WHERE a.domain_id = m.domain_id AND a.local_part = m.local_part)
    UNION ALL
    SELECT '@' || d.name, d.catch_all
      FROM mail_domains d JOIN mail_hosts h ON h.id = d.host_id
     WHERE h.reader_login = session_user AND h.enabled AND d.status = 'active' AND d.catch_all IS NOT NULL;

-- The signer's keys (OpenDKIM or rspamd on the host): the active key of each domain.
CREATE VIEW mail_host_dkim AS
    SELECT d.name AS domain, k.selector, k.private_key
      FROM mail_dkim_keys k
      JOIN mail_domains d ON d.id = k.domain_id
      JOIN mail_hosts h ON h.id = d.host_id
     WHERE h.reader_login = session_user AND h.enabled AND d.status = 'active' AND k.status = 'active';

REVOKE ALL ON mail_host_domains, mail_host_mailboxes, mail_host_aliases, mail_host_dkim FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO mpanel_mail_reader;
GRANT SELECT ON mail_host_domains, mail_host_mailboxes, mail_host_aliases, mail_host_dkim TO mpanel_mail_reader;

-- The console's Email section reloads on these.
SELECT mpanel_notify_changes_of('mail_domains', 'mpanel_changed_mail');
SELECT mpanel_notify_changes_of('mail_mailboxes', 'mpanel_changed_mail');
SELECT mpanel_notify_changes_of('mail_aliases', 'mpanel_changed_mail');
SELECT mpanel_notify_changes_of('mail_hosts', 'mpanel_changed_mail');
