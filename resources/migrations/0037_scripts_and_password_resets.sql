-- Provisioning scripts (#14): a CloudPod template's post-install script, run once on each new
-- guest over SSH with a key mPanel makes for the pod and installs at create.

-- The script a template's guests run once they answer. Its own table, owned by the cloudpods
-- module (templates belong to the catalog). ssh_port, ssh_user: where the template's image runs
-- sshd and whom mPanel logs in as.
CREATE TABLE cloudpod_template_scripts (
    tenant_id uuid NOT NULL,
    template_id uuid NOT NULL,
    script text NOT NULL CHECK (length(script) BETWEEN 1 AND 65536),
    ssh_port integer NOT NULL DEFAULT 22 CHECK (ssh_port BETWEEN 1 AND 65535),
    -- NULL: the pod's login user (root on a container, the cloud-init user on a VM).
    ssh_user text CHECK (ssh_user ~ '^[a-z_][a-z0-9_.-]{0,31}$'),
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, template_id),
    FOREIGN KEY (tenant_id, template_id) REFERENCES cloudpod_templates (tenant_id, id) ON DELETE CASCADE
);
SELECT mpanel_isolate_tenant_table('cloudpod_template_scripts');

-- One row per pod whose template had a script when the pod was created: mPanel's key pair for
-- the guest and where the script stands. state: pending (to run), running (started, outcome
-- not recorded: a crash; never run again by itself), succeeded, failed (exit status or error in
-- `message`). private_key is NULL once the customer removed mPanel's key from the guest.
CREATE TABLE cloud_pod_scripts (
    tenant_id uuid NOT NULL,
    pod_id uuid NOT NULL,
    public_key text NOT NULL,
    private_key text,
    host_key_sha256 text,
    state text NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'running', 'succeeded', 'failed')),
    exit_status integer,
    message text CHECK (length(message) <= 2000),
    created_at timestamptz NOT NULL,
    started_at timestamptz,
    finished_at timestamptz,
    key_removed_at timestamptz,
    PRIMARY KEY (tenant_id, pod_id),
    FOREIGN KEY (tenant_id, pod_id) REFERENCES cloud_pods (tenant_id, id) ON DELETE CASCADE
);
SELECT mpanel_isolate_tenant_table('cloud_pod_scripts', false);
-- Staff logins never read the private key; the jobs (mpanel_app) do.
REVOKE SELECT ON cloud_pod_scripts FROM mpanel_staff;
GRANT SELECT (tenant_id, pod_id, public_key, host_key_sha256, state, exit_status, message, created_at,
              started_at, finished_at, key_removed_at) ON cloud_pod_scripts TO mpanel_staff;
-- A staff member's rerun or reinstall (console) sets the script pending again.
GRANT UPDATE (state, host_key_sha256) ON cloud_pod_scripts TO mpanel_staff;

-- Password resets (#14): one row per request. token_hash is the SHA-256 of the one-time token
-- the mail carries (the token itself is never stored here); customer_id and token_hash are NULL
-- for a request that named no active account (it still counts against its address).
-- mailed: false when the account had had its share of mails this hour.
CREATE TABLE customer_password_resets (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    customer_id uuid,
    token_hash bytea UNIQUE,
    requested_from text NOT NULL CHECK (length(requested_from) <= 300),
    mailed boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    CHECK ((customer_id IS NULL) = (token_hash IS NULL)),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_password_resets_address_idx ON customer_password_resets (tenant_id, requested_from, created_at);
CREATE INDEX customer_password_resets_customer_idx ON customer_password_resets (tenant_id, customer_id, created_at);
SELECT mpanel_isolate_tenant_table('customer_password_resets', false);
REVOKE SELECT ON customer_password_resets FROM mpanel_staff;
GRANT SELECT (id, tenant_id, customer_id, requested_from, mailed, created_at, expires_at, used_at)
    ON customer_password_resets TO mpanel_staff;
