-- Access to a CloudPod and several pods per order line.
--
-- Quantities: a CloudPod line of quantity N gives N pods under its subscription, each the
-- subscription's unit 1..N; the unique index keeps one pod per unit, so a second activation
-- (a retried or raced job) finds the pods it made.
ALTER TABLE cloud_pods ADD COLUMN unit integer NOT NULL DEFAULT 1 CHECK (unit BETWEEN 1 AND 1000);
DROP INDEX cloud_pods_subscription_uq;
CREATE UNIQUE INDEX cloud_pods_subscription_unit_uq ON cloud_pods (tenant_id, subscription_id, unit)
    WHERE subscription_id IS NOT NULL;

-- How the customer gets in: the public keys the guest is created with (public, so kept) and the
-- user they log in as (root on a container, the cloud-init user on a VM).
ALTER TABLE cloud_pods ADD COLUMN ssh_public_keys text NOT NULL DEFAULT ''
    CHECK (length(ssh_public_keys) <= 40000);
ALTER TABLE cloud_pods ADD COLUMN login_user text NOT NULL DEFAULT 'root'
    CHECK (login_user ~ '^[a-z_][a-z0-9_-]{0,31}$');

-- A reinstall asked for and not yet past its destroy step: the job destroys the guest while this
-- is set, clears it, then builds the guest again with the same name, VMID and address.
ALTER TABLE cloud_pods ADD COLUMN reinstall_requested_at timestamptz;
GRANT UPDATE (reinstall_requested_at) ON cloud_pods TO mpanel_staff;

-- A checkout line's options as its product type decoded them (a CloudPod's SSH keys and whether
-- a root password was generated; never the password itself).
ALTER TABLE order_items ADD COLUMN options jsonb NOT NULL DEFAULT '{}'::jsonb
    CHECK (jsonb_typeof(options) = 'object' AND length(options::text) <= 65536);

-- A customer's saved SSH public keys, offered for every pod they order.
CREATE TABLE customer_ssh_keys (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    customer_id uuid NOT NULL,
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    public_key text NOT NULL CHECK (length(public_key) BETWEEN 1 AND 16000 AND public_key !~ '[\r\n]'),
    fingerprint text NOT NULL CHECK (fingerprint ~ '^SHA256:[A-Za-z0-9+/]{43}$'),
    created_at timestamptz NOT NULL,
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, customer_id, fingerprint),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_ssh_keys_customer_idx ON customer_ssh_keys (tenant_id, customer_id, created_at);
SELECT mpanel_isolate_tenant_table('customer_ssh_keys');

-- Root passwords on their way to Proxmox. A generated password is shown once (checkout's answer,
-- a reinstall's or a reset's) and waits here only until the call that hands it to Proxmox has
-- succeeded; the job deletes the row then. A row belongs to an order line until activation
-- moves it to each of the line's pods. Staff logins may write one (a reinstall from the console)
-- but never read it back.
CREATE TABLE cloudpod_pending_passwords (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    order_item_id uuid,
    pod_id uuid,
    purpose text NOT NULL CHECK (purpose IN ('create', 'reset')),
    password text NOT NULL CHECK (length(password) BETWEEN 12 AND 128),
    created_at timestamptz NOT NULL,
    CHECK ((order_item_id IS NULL) <> (pod_id IS NULL)),
    FOREIGN KEY (tenant_id, order_item_id) REFERENCES order_items (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, pod_id) REFERENCES cloud_pods (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX cloudpod_pending_passwords_pod_uq ON cloudpod_pending_passwords (pod_id, purpose)
    WHERE pod_id IS NOT NULL;
CREATE UNIQUE INDEX cloudpod_pending_passwords_item_uq ON cloudpod_pending_passwords (order_item_id)
    WHERE order_item_id IS NOT NULL;
CREATE INDEX cloudpod_pending_passwords_tenant_idx ON cloudpod_pending_passwords (tenant_id);
SELECT mpanel_isolate_tenant_table('cloudpod_pending_passwords');
REVOKE SELECT, UPDATE ON cloudpod_pending_passwords FROM mpanel_staff;
GRANT SELECT (id, tenant_id, order_item_id, pod_id, purpose, created_at) ON cloudpod_pending_passwords
    TO mpanel_staff;
