-- DNS hosting on PowerDNS: the servers staff register per tenant, the tenant's DNS settings, the
-- zones mPanel manages and their record sets as mPanel wants them. mPanel's rows are the desired
-- state: an API change validates against them, writes them and marks the touched record sets
-- dirty; the zone's dns.sync_zone job sends every dirty record set of the zone as ONE PATCH and
-- clears the marks in the transaction that completes the job, so a retried job that finds
-- nothing dirty sends nothing.

CREATE TABLE dns_servers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    name text NOT NULL CHECK (name ~ '^[A-Za-z0-9_.-]{1,63}$'),
    api_base text NOT NULL CHECK (api_base ~ '^https?://' AND length(api_base) <= 500),
    -- Write-only, like a Proxmox token: the API and the console never read it back.
    api_key text NOT NULL CHECK (length(api_key) BETWEEN 1 AND 500),
    server_id text NOT NULL DEFAULT 'localhost' CHECK (server_id ~ '^[A-Za-z0-9_.-]{1,63}$'),
    -- Where the server answers DNS queries (host:port), for checks that a change is served.
    dns_address text CHECK (length(dns_address) <= 200),
    role text NOT NULL DEFAULT 'primary' CHECK (role IN ('primary', 'secondary')),
    mode text NOT NULL DEFAULT 'live' CHECK (mode IN ('live', 'sandbox')),
    enabled boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, id),
    -- The sandbox is a PowerDNS on this machine, never a remote server.
    CONSTRAINT dns_servers_sandbox_on_loopback
        CHECK (mode <> 'sandbox' OR api_base ~* '^https?://(127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|localhost|\[::1\])(:[0-9]{1,5})?(/|$)')
);
CREATE UNIQUE INDEX dns_servers_name_uq ON dns_servers (tenant_id, lower(name));
-- One primary per tenant: zones are created there.
CREATE UNIQUE INDEX dns_servers_primary_uq ON dns_servers (tenant_id) WHERE role = 'primary' AND enabled;

-- What every zone the tenant makes gets: SOA names, NS records, and the zone CloudPods get their
-- names in (<pod>.<pod_zone>).
CREATE TABLE dns_settings (
    tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
    pod_zone text CHECK (pod_zone ~ '^([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.)+$'),
    soa_mname text CHECK (length(soa_mname) <= 253),
    soa_rname text CHECK (length(soa_rname) <= 253),
    nameservers text[] NOT NULL DEFAULT '{}',
    default_ttl integer NOT NULL DEFAULT 3600 CHECK (default_ttl BETWEEN 60 AND 604800),
    updated_at timestamptz NOT NULL
);

CREATE TABLE dns_zones (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    server_id uuid NOT NULL,
    -- Canonical, lower case, with the trailing dot: 'example.com.'.
    name text NOT NULL CHECK (name ~ '^([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?\.)+$' AND length(name) <= 254),
    customer_id uuid,
    kind text NOT NULL DEFAULT 'Native' CHECK (kind IN ('Native', 'Master')),
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'deleting', 'error')),
    dnssec boolean NOT NULL DEFAULT false,
    -- The DS records to hand to the parent (registry) while the zone is signed, as PowerDNS gave them.
    ds_records text[] NOT NULL DEFAULT '{}',
    serial bigint,
    last_error text CHECK (length(last_error) <= 2000),
    -- The service that made it (a CloudPod's reverse or pod zone has none: shared by many).
    source_type text,
    source_id text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, server_id) REFERENCES dns_servers (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
-- A zone exists once per tenant; another tenant's server may carry the same name.
CREATE UNIQUE INDEX dns_zones_name_uq ON dns_zones (tenant_id, name);
CREATE INDEX dns_zones_customer_idx ON dns_zones (tenant_id, customer_id, name);

-- One record set (name and type) of a zone as mPanel wants it. `dirty`: not yet on the server;
-- `deleted`: to be removed there (the row goes once that is done).
CREATE TABLE dns_rrsets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL,
    zone_id uuid NOT NULL,
    name text NOT NULL CHECK (length(name) <= 254),
    type text NOT NULL CHECK (type IN ('A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'CAA', 'NS', 'PTR')),
    ttl integer NOT NULL CHECK (ttl BETWEEN 60 AND 604800),
    records text[] NOT NULL,
    dirty boolean NOT NULL DEFAULT true,
    deleted boolean NOT NULL DEFAULT false,
    -- The service whose records these are (a CloudPod's A and PTR): removing the service removes
    -- exactly these.
    source_type text,
    source_id text,
    updated_at timestamptz NOT NULL,
    UNIQUE (zone_id, name, type),
    FOREIGN KEY (tenant_id, zone_id) REFERENCES dns_zones (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX dns_rrsets_dirty_idx ON dns_rrsets (zone_id) WHERE dirty;
CREATE INDEX dns_rrsets_source_idx ON dns_rrsets (tenant_id, source_type, source_id) WHERE source_id IS NOT NULL;
CREATE INDEX dns_rrsets_tenant_idx ON dns_rrsets (tenant_id);

-- Each accepted change request: what was asked, by whom, and the job that carries it out.
CREATE TABLE dns_changes (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL,
    zone_id uuid NOT NULL,
    job_id bigint,
    changes jsonb NOT NULL,
    actor text NOT NULL CHECK (length(actor) <= 200),
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied')),
    created_at timestamptz NOT NULL,
    applied_at timestamptz,
    FOREIGN KEY (tenant_id, zone_id) REFERENCES dns_zones (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX dns_changes_pending_idx ON dns_changes (zone_id, id) WHERE status = 'pending';
CREATE INDEX dns_changes_tenant_idx ON dns_changes (tenant_id, zone_id, id DESC);

SELECT mpanel_isolate_tenant_table('dns_servers');
SELECT mpanel_isolate_tenant_table('dns_settings');
-- Zones, record sets and changes change through the service's rules, never by hand.
SELECT mpanel_isolate_tenant_table('dns_zones', false);
SELECT mpanel_isolate_tenant_table('dns_rrsets', false);
SELECT mpanel_isolate_tenant_table('dns_changes', false);
-- Staff logins never read an API key back.
REVOKE SELECT ON dns_servers FROM mpanel_staff;
GRANT SELECT (id, tenant_id, name, api_base, server_id, dns_address, role, mode, enabled, created_at, updated_at)
    ON dns_servers TO mpanel_staff;

-- The console's DNS section reloads on these.
SELECT mpanel_notify_changes_of('dns_zones', 'mpanel_changed_dns_zones');
SELECT mpanel_notify_changes_of('dns_rrsets', 'mpanel_changed_dns_rrsets');
SELECT mpanel_notify_changes_of('dns_changes', 'mpanel_changed_dns_zones');
SELECT mpanel_notify_changes_of('dns_servers', 'mpanel_changed_dns_zones');
