-- Rows for one tenant in every tenant-scoped table, for tst_tenant_isolation. Runs as the
-- schema owner with :tenant replaced by a tenant id (quoted) and :n by a small unique number.
-- Every migration that adds a table with tenant_id adds its INSERTs here; the test fails for a
-- table that has no row for the other tenant, because hiding nothing proves nothing.
INSERT INTO staff (tenant_id, login, role) VALUES (:tenant, 'seed_staff_' || :n, 'support');
INSERT INTO api_tokens (tenant_id, role, token_hash, label)
    VALUES (:tenant, 'admin', sha256(('seed-token-' || :n)::bytea), 'seed');
INSERT INTO audit_log (tenant_id, actor, action, object_type, object_id)
    VALUES (:tenant, 'seed', 'seeded', 'tenant', :tenant::text);
-- 0002 jobs: a job and a line of its log.
INSERT INTO jobs (tenant_id, kind, run_at, created_at) VALUES (:tenant, 'seed.job', now(), now());
INSERT INTO job_log (job_id, tenant_id, at, line)
    SELECT id, tenant_id, now(), 'seeded' FROM jobs WHERE tenant_id = :tenant AND kind = 'seed.job';
