-- Rows for one tenant in every tenant-scoped table, for tst_tenant_isolation. Runs as the
-- schema owner with :tenant replaced by a tenant id (quoted) and :n by a small unique number.
-- Every migration that adds a table with tenant_id adds its INSERTs here; the test fails for a
-- table that has no row for the other tenant, because hiding nothing proves nothing.
INSERT INTO staff (tenant_id, login, role) VALUES (:tenant, 'seed_staff_' || :n, 'support');
INSERT INTO api_tokens (tenant_id, role, token_hash, label)
    VALUES (:tenant, 'admin', sha256(('seed-token-' || :n)::bytea), 'seed');
INSERT INTO audit_log (tenant_id, actor, action, object_type, object_id)
    VALUES (:tenant, 'seed', 'seeded', 'tenant', :tenant::text);
-- 0003 catalog and customers (the tenant trigger already seeded cloudpod_templates).
INSERT INTO products (tenant_id, type, name) VALUES (:tenant, 'other', 'Seed product ' || :n);
INSERT INTO product_prices (tenant_id, product_id, cycle, currency, amount_minor)
    SELECT tenant_id, id, 'monthly', 'EUR', 100 FROM products WHERE tenant_id = :tenant;
INSERT INTO products (tenant_id, type, name, tld) VALUES (:tenant, 'domain', 'Seed TLD ' || :n, 'seed' || :n);
INSERT INTO tld_prices (tenant_id, product_id, action, years, currency, amount_minor)
    SELECT tenant_id, id, 'register', 1, 'EUR', 1000 FROM products WHERE tenant_id = :tenant AND type = 'domain';
INSERT INTO customers (tenant_id, name, email) VALUES (:tenant, 'Seed Customer', 'seed' || :n || '@example.com');
INSERT INTO customer_sessions (tenant_id, customer_id)
    SELECT tenant_id, id FROM customers WHERE tenant_id = :tenant;
INSERT INTO customer_tokens (tenant_id, session_id, kind, token_hash, created_at, expires_at)
    SELECT tenant_id, id, 'refresh', sha256(('seed-refresh-' || :n)::bytea), now(), now() + interval '1 day'
    FROM customer_sessions WHERE tenant_id = :tenant;
INSERT INTO sign_in_failures (tenant_id, scope, key, at) VALUES (:tenant, 'address', '192.0.2.' || :n, now());
-- 0002 jobs: a job and a line of its log.
INSERT INTO jobs (tenant_id, kind, run_at, created_at) VALUES (:tenant, 'seed.job', now(), now());
INSERT INTO job_log (job_id, tenant_id, at, line)
    SELECT id, tenant_id, now(), 'seeded' FROM jobs WHERE tenant_id = :tenant AND kind = 'seed.job';
