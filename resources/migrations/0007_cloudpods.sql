-- CloudPods on Proxmox VE: the clusters staff connect, their nodes and what is committed on each,
-- IP pools with one row per address, the pods themselves, the VMIDs they reserve, and what the
-- reconciliation job finds. Every table is tenant data under row-level security; composite
-- foreign keys (tenant_id, id) keep references inside one tenant.

CREATE TABLE proxmox_clusters (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    name text NOT NULL CHECK (name ~ '^[A-Za-z0-9_.-]{1,63}$'),
    api_base text NOT NULL CHECK (api_base ~ '^https://' AND length(api_base) <= 500),
    token_id text NOT NULL CHECK (length(token_id) BETWEEN 3 AND 200),
    -- Write-only: the API and the console never read it back (staff logins cannot SELECT it).
    token_secret text NOT NULL CHECK (length(token_secret) BETWEEN 1 AND 500),
    ca_pem text CHECK (length(ca_pem) <= 100000),
    fingerprint_sha256 text CHECK (fingerprint_sha256 ~ '^([0-9A-F]{2}:){31}[0-9A-F]{2}$'),
    enabled boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, id)
);
CREATE UNIQUE INDEX proxmox_clusters_name_uq ON proxmox_clusters (tenant_id, lower(name));

-- A node and what it may carry. `placement_group` is what a template's placement rule of kind
-- `pool` names; a rule of kind `node` names the node itself.
CREATE TABLE proxmox_nodes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    cluster_id uuid NOT NULL,
    name text NOT NULL CHECK (name ~ '^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$' AND length(name) <= 63),
    placement_group text NOT NULL DEFAULT 'cloudpods' CHECK (placement_group ~ '^[A-Za-z0-9_.-]{1,63}$'),
    cpu_cores integer NOT NULL CHECK (cpu_cores BETWEEN 1 AND 100000),
    ram_mb bigint NOT NULL CHECK (ram_mb BETWEEN 128 AND 1073741824),
    disk_gb bigint NOT NULL CHECK (disk_gb BETWEEN 1 AND 1073741824),
    storage text NOT NULL DEFAULT 'local-lvm' CHECK (storage ~ '^[A-Za-z0-9_.-]{1,63}$'),
    enabled boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL,
    UNIQUE (tenant_id, id),
    UNIQUE (cluster_id, name),
    FOREIGN KEY (tenant_id, cluster_id) REFERENCES proxmox_clusters (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX proxmox_nodes_tenant_idx ON proxmox_nodes (tenant_id, placement_group);

CREATE TABLE ip_pools (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    cluster_id uuid NOT NULL,
    node_id uuid, -- NULL: any node of the cluster
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    first_address inet NOT NULL CHECK (family(first_address) = 4),
    last_address inet NOT NULL CHECK (family(last_address) = 4),
    prefix_length smallint NOT NULL CHECK (prefix_length BETWEEN 8 AND 32),
    gateway inet NOT NULL CHECK (family(gateway) = 4),
    dns_servers text NOT NULL DEFAULT '' CHECK (length(dns_servers) <= 200),
    created_at timestamptz NOT NULL,
    CHECK (last_address >= first_address AND last_address - first_address < 65536),
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, cluster_id) REFERENCES proxmox_clusters (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, node_id) REFERENCES proxmox_nodes (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ip_pools_cluster_idx ON ip_pools (tenant_id, cluster_id);

CREATE TABLE cloud_pods (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    customer_id uuid NOT NULL,
    -- The subscription that pays for it (none for a pod staff created by hand). No foreign key:
    -- subscriptions live in their own module.
    subscription_id uuid,
    template_id uuid NOT NULL,
    hostname text NOT NULL CHECK (length(hostname) BETWEEN 1 AND 63
                                  AND hostname ~ '^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$'),
    cluster_id uuid,
    node_id uuid,
    vmid integer CHECK (vmid BETWEEN 100 AND 999999999),
    guest_kind text NOT NULL DEFAULT 'lxc' CHECK (guest_kind IN ('lxc', 'qemu')),
    status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'provisioning', 'active', 'suspended', 'error', 'terminated')),
    ip_address inet,
    last_error text CHECK (length(last_error) <= 2000),
    -- What the subscription wants; the power and terminate jobs bring the guest there.
    suspend_requested boolean NOT NULL DEFAULT false,
    terminate_requested_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    provisioned_at timestamptz,
    terminated_at timestamptz,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
    FOREIGN KEY (tenant_id, template_id) REFERENCES cloudpod_templates (tenant_id, id),
    FOREIGN KEY (tenant_id, cluster_id) REFERENCES proxmox_clusters (tenant_id, id),
    FOREIGN KEY (tenant_id, node_id) REFERENCES proxmox_nodes (tenant_id, id)
);
-- One pod per subscription: a second activation finds the first.
CREATE UNIQUE INDEX cloud_pods_subscription_uq ON cloud_pods (tenant_id, subscription_id)
    WHERE subscription_id IS NOT NULL;
CREATE INDEX cloud_pods_listing_idx ON cloud_pods (tenant_id, created_at DESC, id);
CREATE INDEX cloud_pods_customer_idx ON cloud_pods (tenant_id, customer_id, created_at DESC);

-- A VMID is reserved for a pod before the guest is created, so a retry or a restart creates (or
-- adopts) the same guest. The primary key keeps two pods off one VMID of a cluster.
CREATE TABLE proxmox_vmid_reservations (
    tenant_id uuid NOT NULL,
    cluster_id uuid NOT NULL,
    vmid integer NOT NULL CHECK (vmid BETWEEN 100 AND 999999999),
    pod_id uuid NOT NULL,
    reserved_at timestamptz NOT NULL,
    PRIMARY KEY (cluster_id, vmid),
    UNIQUE (pod_id),
    FOREIGN KEY (tenant_id, cluster_id) REFERENCES proxmox_clusters (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, pod_id) REFERENCES cloud_pods (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX proxmox_vmid_reservations_tenant_idx ON proxmox_vmid_reservations (tenant_id);

-- What a pod commits on its node. Placement sums these under a lock of the node's row.
CREATE TABLE node_allocations (
    tenant_id uuid NOT NULL,
    node_id uuid NOT NULL,
    pod_id uuid NOT NULL PRIMARY KEY,
    cpu_cores integer NOT NULL CHECK (cpu_cores >= 0),
    ram_mb bigint NOT NULL CHECK (ram_mb >= 0),
    disk_gb bigint NOT NULL CHECK (disk_gb >= 0),
    allocated_at timestamptz NOT NULL,
    FOREIGN KEY (tenant_id, node_id) REFERENCES proxmox_nodes (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, pod_id) REFERENCES cloud_pods (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX node_allocations_node_idx ON node_allocations (tenant_id, node_id);

-- One row per address of a pool. Allocation takes the lowest free row with FOR UPDATE SKIP
-- LOCKED, so concurrent provisioning never waits on or shares an address; the unique indexes
-- are the last word (one pod per address by the key, one address per pod by pod_id).
CREATE TABLE ip_addresses (
    tenant_id uuid NOT NULL,
    pool_id uuid NOT NULL,
    address inet NOT NULL,
    pod_id uuid,
    allocated_at timestamptz,
    PRIMARY KEY (pool_id, address),
    FOREIGN KEY (tenant_id, pool_id) REFERENCES ip_pools (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, pod_id) REFERENCES cloud_pods (tenant_id, id),
    CHECK ((pod_id IS NULL) = (allocated_at IS NULL))
);
CREATE UNIQUE INDEX ip_addresses_pod_uq ON ip_addresses (pod_id) WHERE pod_id IS NOT NULL;
CREATE INDEX ip_addresses_free_idx ON ip_addresses (pool_id, address) WHERE pod_id IS NULL;
CREATE INDEX ip_addresses_tenant_idx ON ip_addresses (tenant_id);

-- What reconciliation saw and staff should look at; nothing is deleted because of it.
CREATE TABLE cloudpod_findings (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL,
    cluster_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('orphan_guest', 'guest_missing')),
    pod_id uuid,
    node text,
    vmid integer,
    detail text NOT NULL CHECK (length(detail) <= 2000),
    first_seen_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    resolved_at timestamptz,
    FOREIGN KEY (tenant_id, cluster_id) REFERENCES proxmox_clusters (tenant_id, id) ON DELETE CASCADE
);
-- One open finding per guest or pod: the next run refreshes it instead of adding another.
CREATE UNIQUE INDEX cloudpod_findings_open_uq ON cloudpod_findings (cluster_id, kind, coalesce(vmid, 0),
                                                                    coalesce(pod_id, '00000000-0000-0000-0000-000000000000'))
    WHERE resolved_at IS NULL;
CREATE INDEX cloudpod_findings_tenant_idx ON cloudpod_findings (tenant_id, id DESC);

SELECT mpanel_isolate_tenant_table('proxmox_clusters');
SELECT mpanel_isolate_tenant_table('proxmox_nodes');
SELECT mpanel_isolate_tenant_table('ip_pools');
-- Pods, reservations, allocations and addresses change through the service (jobs), never by hand.
SELECT mpanel_isolate_tenant_table('cloud_pods', false);
SELECT mpanel_isolate_tenant_table('proxmox_vmid_reservations', false);
SELECT mpanel_isolate_tenant_table('node_allocations', false);
SELECT mpanel_isolate_tenant_table('ip_addresses', false);
SELECT mpanel_isolate_tenant_table('cloudpod_findings', false);
-- Staff logins never read a token secret back.
REVOKE SELECT ON proxmox_clusters FROM mpanel_staff;
GRANT SELECT (id, tenant_id, name, api_base, token_id, ca_pem, fingerprint_sha256, enabled, created_at, updated_at)
    ON proxmox_clusters TO mpanel_staff;

-- The console shows pods live: one notification per changed pod, delivered at commit.
CREATE FUNCTION mpanel_cloud_pods_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('mpanel_cloud_pods', NEW.tenant_id::text || ':' || NEW.id::text);
    RETURN NULL;
END $$;
CREATE TRIGGER cloud_pods_notify AFTER INSERT OR UPDATE ON cloud_pods
    FOR EACH ROW EXECUTE FUNCTION mpanel_cloud_pods_notify();

-- Checkout takes a host name for CloudPod lines (generated when the customer gives none).
ALTER TABLE order_items ADD COLUMN hostname text
    CHECK (length(hostname) BETWEEN 1 AND 63 AND hostname ~ '^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?$');
