-- mPanel foundation: tenants, staff, API tokens, the audit log, and tenant isolation by
-- row-level security.
--
-- Two group roles hold every privilege on business tables; nobody logs in as them:
--   mpanel_app   - the companion service, per transaction: SET LOCAL ROLE mpanel_app plus
--                  set_config('mpanel.tenant_id', ..., true). It decides the tenant only after
--                  authenticating the caller (token, webhook signature, job row).
--   mpanel_staff - every staff member's own login is a member. Their tenant comes from the
--                  `staff` row for session_user, so a staff login cannot pick another tenant.
-- The service's own login (the schema owner) bypasses RLS for cross-tenant plumbing only:
-- migrations, token lookup, job claiming.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mpanel_app') THEN
        CREATE ROLE mpanel_app NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mpanel_staff') THEN
        CREATE ROLE mpanel_staff NOLOGIN;
    END IF;
END $$;
GRANT mpanel_app TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO mpanel_app, mpanel_staff;

CREATE TYPE staff_role AS ENUM ('owner', 'admin', 'billing', 'support', 'read_only');

CREATE TABLE tenants (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    time_zone text NOT NULL DEFAULT 'UTC',
    default_currency char(3) NOT NULL DEFAULT 'EUR' CHECK (default_currency ~ '^[A-Z]{3}$'),
    country char(2) CHECK (country ~ '^[A-Z]{2}$'),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    login text NOT NULL UNIQUE, -- the PostgreSQL role this person signs in with
    role staff_role NOT NULL,
    display_name text,
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX staff_tenant_idx ON staff (tenant_id);

CREATE TABLE api_tokens (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    role staff_role NOT NULL,
    token_hash bytea NOT NULL UNIQUE, -- SHA-256 of the token; the token itself is shown once
    label text,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at timestamptz
);
CREATE INDEX api_tokens_tenant_idx ON api_tokens (tenant_id);

CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    at timestamptz NOT NULL DEFAULT now(),
    actor text NOT NULL,
    action text NOT NULL,
    object_type text,
    object_id text,
    details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_tenant_at_idx ON audit_log (tenant_id, at DESC);

-- The tenant of the service's current transaction (set by TenantTransaction).
CREATE FUNCTION mpanel_setting_tenant() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT NULLIF(current_setting('mpanel.tenant_id', true), '')::uuid
$$;

-- The tenant of the signed-in staff login; NULL for an unknown or deactivated login.
-- SECURITY DEFINER so it can read `staff` past that table's own policies.
CREATE FUNCTION mpanel_staff_tenant() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT tenant_id FROM staff WHERE login = session_user AND active
$$;

CREATE FUNCTION mpanel_staff_role() RETURNS staff_role
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT role FROM staff WHERE login = session_user AND active
$$;

CREATE FUNCTION mpanel_staff_can_write() RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT coalesce((SELECT role <> 'read_only' FROM staff WHERE login = session_user AND active), false)
$$;

REVOKE ALL ON FUNCTION mpanel_staff_tenant(), mpanel_staff_role(), mpanel_staff_can_write() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mpanel_staff_tenant(), mpanel_staff_role(), mpanel_staff_can_write(),
    mpanel_setting_tenant() TO mpanel_app, mpanel_staff;

-- Puts a business table under tenant isolation. Every later migration calls this for each new
-- table that carries tenant_id; tests/tst_tenant_isolation fails for any table left out.
-- `staff_writes` false: staff logins may read but never write it directly.
CREATE FUNCTION mpanel_isolate_tenant_table(tbl regclass, staff_writes boolean DEFAULT true) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tbl);
    EXECUTE format('CREATE POLICY tenant_app ON %s TO mpanel_app
                    USING (tenant_id = (SELECT mpanel_setting_tenant()))
                    WITH CHECK (tenant_id = (SELECT mpanel_setting_tenant()))', tbl);
    EXECUTE format('CREATE POLICY tenant_staff ON %s TO mpanel_staff
                    USING (tenant_id = (SELECT mpanel_staff_tenant()))
                    WITH CHECK (tenant_id = (SELECT mpanel_staff_tenant()))', tbl);
    -- Read-only staff: restrictive policies AND with the ones above for every write.
    EXECUTE format('CREATE POLICY staff_insert ON %s AS RESTRICTIVE FOR INSERT TO mpanel_staff
                    WITH CHECK ((SELECT mpanel_staff_can_write()))', tbl);
    EXECUTE format('CREATE POLICY staff_update ON %s AS RESTRICTIVE FOR UPDATE TO mpanel_staff
                    USING ((SELECT mpanel_staff_can_write()))', tbl);
    EXECUTE format('CREATE POLICY staff_delete ON %s AS RESTRICTIVE FOR DELETE TO mpanel_staff
                    USING ((SELECT mpanel_staff_can_write()))', tbl);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO mpanel_app', tbl);
    IF staff_writes THEN
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO mpanel_staff', tbl);
    ELSE
        EXECUTE format('GRANT SELECT ON %s TO mpanel_staff', tbl);
    END IF;
END $$;

SELECT mpanel_isolate_tenant_table('staff', false);
SELECT mpanel_isolate_tenant_table('audit_log', false);
-- The audit log is append-only for everyone but the schema owner.
GRANT INSERT ON audit_log TO mpanel_staff;
REVOKE UPDATE, DELETE ON audit_log FROM mpanel_app;
SELECT mpanel_isolate_tenant_table('api_tokens', false);
-- Staff may list their tenant's tokens but never read the hashes.
REVOKE SELECT ON api_tokens FROM mpanel_staff;
GRANT SELECT (id, tenant_id, role, label, created_at, last_used_at, revoked_at) ON api_tokens TO mpanel_staff;

-- The tenants table is keyed by id rather than tenant_id.
ALTER TABLE tenants ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_app ON tenants TO mpanel_app USING (id = (SELECT mpanel_setting_tenant()));
CREATE POLICY tenant_staff ON tenants TO mpanel_staff USING (id = (SELECT mpanel_staff_tenant()));
GRANT SELECT ON tenants TO mpanel_app, mpanel_staff;
