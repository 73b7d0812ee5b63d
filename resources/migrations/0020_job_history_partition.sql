-- Finished jobs leave the hot table. `jobs` becomes a table partitioned by status:
--   jobs_pending   queued, running, failed   what the workers claim, heartbeat and take back
--   jobs_finished  completed, dead, cancelled what staff read for the retention period
-- Everything that reads or writes `jobs` (the API, the console, row-level security, staff
-- grants, other modules) sees one table as before. The workers write the partitions directly:
-- a finishing batch deletes its rows from jobs_pending and inserts them into jobs_finished in
-- one statement (job_batch.cpp), so the pending partition and its indexes stay as small as the
-- queue, and each write touches only the indexes its partition needs.
--
-- Why this is faster (bench/README.md has the profile): every job used to be written three
-- times in one table with six indexes (status was indexed, so no update was HOT) and every
-- statement copied its rows into transition tables for the console's notification. Now a job
-- touches two indexes on insert (primary key, claim), one on claim (primary key) and two on
-- finish (primary key and tenant listing of jobs_finished); the console is notified without
-- transition tables, and the tenant of new jobs is checked once per statement, not per row.
--
-- A partitioned table cannot have a unique index without its partition key, so the primary key
-- and the unique-key index live on the partitions (ids stay unique: one identity feeds both),
-- enqueues with a unique key use ON CONFLICT DO NOTHING without a conflict target (the pending
-- partition's unique key index is its arbiter), and job_log.job_id no longer has a foreign key
-- (pruning deletes the log lines with their jobs, builtin_jobs.cpp).

ALTER TABLE jobs RENAME TO jobs_before_0020;
ALTER TABLE job_log DROP CONSTRAINT job_log_job_id_fkey;

-- Every column, default, identity and check of the old table (LIKE), whatever migrations before
-- this one added; indexes, keys, policies, grants and triggers are made below.
CREATE TABLE jobs (LIKE jobs_before_0020 INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING CONSTRAINTS)
    PARTITION BY LIST (status);

CREATE TABLE jobs_pending PARTITION OF jobs FOR VALUES IN ('queued', 'running', 'failed');
CREATE TABLE jobs_finished PARTITION OF jobs FOR VALUES IN ('completed', 'dead', 'cancelled');
COMMENT ON TABLE jobs_pending IS 'partition of jobs: queued, running and failed jobs';
COMMENT ON TABLE jobs_finished IS 'partition of jobs: completed, dead and cancelled jobs';

INSERT INTO jobs OVERRIDING SYSTEM VALUE SELECT * FROM jobs_before_0020;
SELECT setval(pg_get_serial_sequence('jobs', 'id'), coalesce((SELECT max(id) FROM jobs_before_0020), 0) + 1,
              false);
DROP TABLE jobs_before_0020;

-- The pending partition: the claim's path and the lookups by id and unique key. Nothing indexes
-- heartbeat_at, so a heartbeat is a HOT update; the take-back scans the (small) partition.
ALTER TABLE jobs_pending ADD PRIMARY KEY (id);
CREATE INDEX jobs_pending_claim_idx ON jobs_pending (priority, run_at, id) WHERE status IN ('queued', 'failed');
-- While a job with this key is queued, running or waiting to retry, no second one enqueues.
CREATE UNIQUE INDEX jobs_pending_unique_key_idx ON jobs_pending (tenant_id, unique_key)
    WHERE unique_key IS NOT NULL;
CREATE INDEX jobs_pending_related_idx ON jobs_pending (tenant_id, related_type, related_id, id)
    WHERE related_type IS NOT NULL;

-- The finished partition: staff listings, newest first per tenant, and by related object. The
-- ids ascend (read backwards for "newest first"), so a finishing batch appends at the right
-- edge of each tenant's range instead of splitting the same leftmost page over and over.
ALTER TABLE jobs_finished ADD PRIMARY KEY (id);
CREATE INDEX jobs_finished_tenant_idx ON jobs_finished (tenant_id, id);
CREATE INDEX jobs_finished_related_idx ON jobs_finished (tenant_id, related_type, related_id, id)
    WHERE related_type IS NOT NULL;

-- Row-level security and grants as 0002, 0012, 0013 and 0015 gave them. The partitions have no
-- grants: tenant code reaches them only through `jobs` and its policies.
SELECT mpanel_isolate_tenant_table('jobs', false);
GRANT INSERT ON jobs TO mpanel_staff;
GRANT UPDATE (status, run_at, locked_by, heartbeat_at, cancel_requested_at, finished_at, max_attempts,
              rerun_requested_at)
    ON jobs TO mpanel_staff;

-- A job's tenant must exist (0002 had a foreign key). Checked once per statement over the rows
-- it inserted instead of once per row: the key's look-up and lock per row were a quarter of the
-- cost of enqueueing 1,000 jobs in one statement (bench/README.md). Tenants are never deleted
-- (nothing in mPanel deletes one), so there is no other side to guard. Row-level security
-- applies to the look-up as to the insert: a tenant transaction sees its own tenant only, and
-- may only insert that tenant's jobs.
CREATE FUNCTION mpanel_jobs_check_tenants() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_jobs n WHERE NOT EXISTS (SELECT 1 FROM tenants t WHERE t.id = n.tenant_id)) THEN
        RAISE foreign_key_violation USING MESSAGE = 'a job names a tenant that does not exist',
            TABLE = 'jobs', COLUMN = 'tenant_id';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER check_tenants AFTER INSERT ON jobs REFERENCING NEW TABLE AS new_jobs
    FOR EACH STATEMENT EXECUTE FUNCTION mpanel_jobs_check_tenants();

-- Wake sleeping workers when new work commits (as 0002).
CREATE TRIGGER jobs_notify AFTER INSERT ON jobs FOR EACH STATEMENT EXECUTE FUNCTION mpanel_jobs_notify();

-- The console's live job list, without transition tables. A statement on `jobs` made in a
-- tenant's transaction (the service's TenantTransaction, a job handler's scope, a staff login)
-- can only touch that tenant's rows, so it notifies that tenant. The workers' own statements
-- run on the service's RLS-exempt login and write the partitions directly; they notify each
-- tenant of their batch themselves (job_batch.cpp).
CREATE FUNCTION mpanel_notify_session_tenant() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    tenant uuid := coalesce(mpanel_staff_tenant(), mpanel_setting_tenant());
BEGIN
    IF tenant IS NOT NULL THEN
        PERFORM pg_notify(TG_ARGV[0], tenant::text);
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE ON jobs
    FOR EACH STATEMENT EXECUTE FUNCTION mpanel_notify_session_tenant('mpanel_changed_jobs');

-- What a job becomes when its worker reports an outcome (job_batch.cpp), read from the job's
-- row as it is when the worker's statement locks it: a rerun asked for meanwhile, a cancel
-- request, the attempts left. Outcomes: completed, failed (retry later), cancelled (the handler
-- stopped on a cancel request), permanent (retrying cannot help), released (handed back
-- unstarted or interrupted: the attempt does not count). Inlined by the planner (STABLE like
-- the cast to the enum in it; IMMUTABLE would make it a function call per row).
CREATE FUNCTION mpanel_job_next_status(outcome text, attempts integer, max_attempts integer,
                                       cancel_requested_at timestamptz, rerun_requested_at timestamptz)
RETURNS job_status LANGUAGE sql STABLE AS $$
    SELECT (CASE
        WHEN outcome = 'completed' THEN
            CASE WHEN rerun_requested_at IS NOT NULL AND cancel_requested_at IS NULL THEN 'queued'
                 ELSE 'completed' END
        WHEN outcome = 'released' THEN
            CASE WHEN cancel_requested_at IS NOT NULL THEN 'cancelled'
                 WHEN attempts > 1 THEN 'failed' ELSE 'queued' END
        WHEN outcome = 'cancelled' OR cancel_requested_at IS NOT NULL THEN 'cancelled'
        WHEN outcome = 'permanent' OR attempts >= max_attempts THEN 'dead'
        ELSE 'failed' END)::job_status
$$;
