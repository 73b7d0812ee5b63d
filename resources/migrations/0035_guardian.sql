-- Guardian: security scans over mail, web, DNS and SSH logs. The log sources a tenant's hosts
-- keep (with the cursor of incremental reading), the scans, the findings the analyzers made,
-- the remediation tasks they raised, the address blocks in force on every host of the tenant
-- (the database is the store the hosts share), the allowlist, the thresholds, and the nftables
-- scripts the firewall job applied or recorded.

CREATE TABLE guardian_settings (
    tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
    -- Authentication failures, probes and floods are counted within this window.
    window_s integer NOT NULL DEFAULT 600 CHECK (window_s BETWEEN 10 AND 86400),
    brute_force_threshold integer NOT NULL DEFAULT 10 CHECK (brute_force_threshold BETWEEN 1 AND 100000),
    -- One address failing on this many accounts is spraying, not guessing one password.
    spray_accounts integer NOT NULL DEFAULT 5 CHECK (spray_accounts BETWEEN 2 AND 100000),
    -- One account failing from this many addresses (/64 for IPv6) is a distributed attack on it.
    account_addresses integer NOT NULL DEFAULT 5 CHECK (account_addresses BETWEEN 2 AND 100000),
    probe_threshold integer NOT NULL DEFAULT 10 CHECK (probe_threshold BETWEEN 1 AND 100000),
    flood_threshold integer NOT NULL DEFAULT 50 CHECK (flood_threshold BETWEEN 1 AND 1000000),
    -- Messages one mailbox sends within spam_window_s before it is a burst.
    spam_threshold integer NOT NULL DEFAULT 200 CHECK (spam_threshold BETWEEN 1 AND 1000000),
    spam_window_s integer NOT NULL DEFAULT 3600 CHECK (spam_window_s BETWEEN 60 AND 86400),
    -- Remediation of high findings runs without a person approving it.
    auto_remediate boolean NOT NULL DEFAULT false,
    -- A repeat offender's ban is ban_factor times the last one, up to ban_max_s.
    ban_base_s integer NOT NULL DEFAULT 600 CHECK (ban_base_s BETWEEN 60 AND 31536000),
    ban_factor integer NOT NULL DEFAULT 4 CHECK (ban_factor BETWEEN 1 AND 100),
    ban_max_s integer NOT NULL DEFAULT 2592000 CHECK (ban_max_s BETWEEN 60 AND 31536000),
    -- record: the firewall job stores the nftables script it would run; nft: it runs `nft -f -`.
    firewall_mode text NOT NULL DEFAULT 'record' CHECK (firewall_mode IN ('record', 'nft')),
    updated_at timestamptz NOT NULL
);
SELECT mpanel_isolate_tenant_table('guardian_settings');

CREATE TABLE guardian_sources (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    -- The node or mail/web host the log belongs to; its firewall gets the tenant's blocks.
    host text NOT NULL CHECK (host ~ '^[A-Za-z0-9_.-]{1,253}$'),
    path text NOT NULL CHECK (path ~ '^/' AND length(path) <= 1000),
    format text NOT NULL CHECK (format IN ('sshd', 'postfix', 'dovecot', 'nginx-access', 'nginx-error', 'bind',
                                           'nsd', 'pdns', 'auto')),
    -- What the log is about when its lines do not say: a domain, a pod's host name.
    resource text CHECK (length(resource) BETWEEN 1 AND 253),
    enabled boolean NOT NULL DEFAULT true,
    cursor_inode bigint NOT NULL DEFAULT 0,
    cursor_head bytea NOT NULL DEFAULT '',
    cursor_offset bigint NOT NULL DEFAULT 0 CHECK (cursor_offset >= 0),
    cursor_lines bigint NOT NULL DEFAULT 0 CHECK (cursor_lines >= 0),
    last_read_at timestamptz,
    created_at timestamptz NOT NULL,
    UNIQUE (tenant_id, host, path)
);
SELECT mpanel_isolate_tenant_table('guardian_sources');

CREATE TABLE guardian_scans (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    -- scheduled: the schedule's incremental read of every enabled source; requested: staff's.
    origin text NOT NULL CHECK (origin IN ('scheduled', 'requested')),
    host text,
    source_ids uuid[] NOT NULL,
    -- A scan with a window reads its sources whole and keeps the events inside it; one without
    -- reads what was appended since the last read.
    window_from timestamptz,
    window_to timestamptz,
    lines_read bigint NOT NULL DEFAULT 0,
    bytes_read bigint NOT NULL DEFAULT 0,
    events integer NOT NULL DEFAULT 0,
    findings integer NOT NULL DEFAULT 0,
    reason text CHECK (length(reason) <= 2000),
    requested_by text,
    created_at timestamptz NOT NULL,
    started_at timestamptz,
    finished_at timestamptz,
    CHECK ((window_from IS NULL) = (window_to IS NULL) AND (window_from IS NULL OR window_from < window_to))
);
SELECT mpanel_isolate_tenant_table('guardian_scans');
CREATE INDEX guardian_scans_list_idx ON guardian_scans (tenant_id, created_at DESC);
SELECT mpanel_notify_changes_of('guardian_scans', 'mpanel_changed_guardian');

CREATE TABLE guardian_findings (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    kind text NOT NULL CHECK (kind IN ('brute_force', 'password_spraying', 'account_attack', 'probing', 'flood',
                                       'spam_burst')),
    severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
    -- What it is about: an address (an IPv6 /64) or an account.
    subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 320),
    address text,
    account text,
    customer_id uuid,
    resource_type text CHECK (resource_type IN ('mailbox', 'domain', 'pod', 'host')),
    resource text,
    host text,
    count integer NOT NULL CHECK (count > 0),
    first_seen timestamptz NOT NULL,
    last_seen timestamptz NOT NULL,
    -- [{source, line, text}], the first lines that made it.
    evidence jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(evidence) = 'array'),
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    scan_id uuid,
    allowlisted boolean NOT NULL DEFAULT false,
    resolved_at timestamptz,
    resolved_by text,
    resolution_note text CHECK (length(resolution_note) <= 2000),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, id)
);
SELECT mpanel_isolate_tenant_table('guardian_findings');
-- One open finding per kind and subject: later scans add to it.
CREATE UNIQUE INDEX guardian_findings_open_uq ON guardian_findings (tenant_id, kind, subject) WHERE status = 'open';
CREATE INDEX guardian_findings_list_idx ON guardian_findings (tenant_id, last_seen DESC);
SELECT mpanel_notify_changes_of('guardian_findings', 'mpanel_changed_guardian');

CREATE TABLE guardian_remediations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    finding_id uuid NOT NULL,
    action text NOT NULL CHECK (action IN ('block_address', 'lock_mailbox', 'notify_customer')),
    target text NOT NULL CHECK (length(target) BETWEEN 1 AND 320),
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'dismissed', 'failed')),
    automatic boolean NOT NULL DEFAULT false,
    result text CHECK (length(result) <= 2000),
    decided_by text,
    decided_at timestamptz,
    created_at timestamptz NOT NULL,
    UNIQUE (finding_id, action),
    FOREIGN KEY (tenant_id, finding_id) REFERENCES guardian_findings (tenant_id, id) ON DELETE CASCADE
);
SELECT mpanel_isolate_tenant_table('guardian_remediations');
CREATE INDEX guardian_remediations_list_idx ON guardian_remediations (tenant_id, status, created_at DESC);
SELECT mpanel_notify_changes_of('guardian_remediations', 'mpanel_changed_guardian');

-- Blocks in force on every host of the tenant until expires_at.
CREATE TABLE guardian_blocks (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    address text NOT NULL CHECK (length(address) BETWEEN 2 AND 50),
    remediation_id uuid,
    -- The how-many-th block of this address in this tenant (ban times escalate with it).
    offence integer NOT NULL CHECK (offence >= 1),
    ban_s integer NOT NULL CHECK (ban_s > 0),
    starts_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    lifted_at timestamptz,
    CHECK (expires_at > starts_at)
);
SELECT mpanel_isolate_tenant_table('guardian_blocks');
CREATE INDEX guardian_blocks_address_idx ON guardian_blocks (tenant_id, address, starts_at DESC);
CREATE INDEX guardian_blocks_force_idx ON guardian_blocks (tenant_id, expires_at) WHERE lifted_at IS NULL;
SELECT mpanel_notify_changes_of('guardian_blocks', 'mpanel_changed_guardian');

CREATE TABLE guardian_allowlist (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    -- An address or a network, canonical ("10.0.0.0/8", "2001:db8::/32").
    cidr text NOT NULL CHECK (length(cidr) BETWEEN 2 AND 50),
    note text CHECK (length(note) <= 500),
    created_at timestamptz NOT NULL,
    UNIQUE (tenant_id, cidr)
);
SELECT mpanel_isolate_tenant_table('guardian_allowlist');
SELECT mpanel_notify_changes_of('guardian_allowlist', 'mpanel_changed_guardian');

-- What the firewall job ran (or, in record mode, would have run) on each host: the exact script.
CREATE TABLE guardian_firewall_runs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    host text NOT NULL,
    mode text NOT NULL CHECK (mode IN ('record', 'nft')),
    script text NOT NULL,
    elements integer NOT NULL,
    applied boolean NOT NULL,
    output text,
    created_at timestamptz NOT NULL
);
SELECT mpanel_isolate_tenant_table('guardian_firewall_runs');
CREATE INDEX guardian_firewall_runs_host_idx ON guardian_firewall_runs (tenant_id, host, id DESC);

-- Locking a mailbox that sent a spam burst. mail_mailboxes is closed to staff logins (0027: the
-- password hashes), yet a staff member approving the task in the console locks it: this
-- function sets only `enabled`, only in the caller's tenant (the service's tenant setting, or
-- the staff login's tenant when that login may write), and returns the mailbox locked.
CREATE FUNCTION mpanel_guardian_lock_mailbox(p_address text, p_at timestamptz) RETURNS SETOF uuid
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE mail_mailboxes mb SET enabled = false, updated_at = p_at
    FROM mail_domains md
    WHERE md.id = mb.domain_id AND md.tenant_id = mb.tenant_id
      AND mb.tenant_id = coalesce(mpanel_setting_tenant(),
                                  CASE WHEN mpanel_staff_can_write() THEN mpanel_staff_tenant() END)
      AND mb.local_part || '@' || md.name = p_address
    RETURNING mb.id
$$;
REVOKE ALL ON FUNCTION mpanel_guardian_lock_mailbox(text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mpanel_guardian_lock_mailbox(text, timestamptz) TO mpanel_app, mpanel_staff;
