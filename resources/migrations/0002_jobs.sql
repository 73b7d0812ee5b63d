-- The durable job engine: every background effect (provisioning, renewals, refunds, DNS, mail,
-- SSL, scans) is a row here, inserted in the same transaction as the change that causes it.
--
-- Life of a job:  queued -> running -> completed
--                           running -> failed (waiting for a retry at run_at) -> running ...
--                           running -> dead (last attempt failed)
--                 queued / failed -> cancelled (by staff); running -> cancelled when its
--                 handler gives up after a cancel request.
-- Workers claim on the service's own (RLS-exempt) login across tenants; handlers and the API
-- see one tenant only (mpanel_isolate_tenant_table below).

CREATE TYPE job_status AS ENUM ('queued', 'running', 'completed', 'failed', 'dead', 'cancelled');

CREATE TABLE jobs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$' AND length(kind) <= 100),
    payload jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(payload) = 'object'),
    -- Lower runs first (0 is the default; negative is urgent).
    priority smallint NOT NULL DEFAULT 0,
    -- Times come from the service's clock (a parameter), never from now(): tests move time.
    run_at timestamptz NOT NULL,
    status job_status NOT NULL DEFAULT 'queued',
    attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    max_attempts integer NOT NULL DEFAULT 20 CHECK (max_attempts BETWEEN 1 AND 1000),
    -- While a job with this key is queued, running or waiting to retry, no second one enqueues.
    unique_key text CHECK (length(unique_key) <= 300),
    -- The business object the job is about, for "jobs of this service/invoice" filters.
    related_type text CHECK (length(related_type) <= 60),
    related_id text CHECK (length(related_id) <= 100),
    last_error text,
    locked_by text,           -- "<instance>/<worker>" of the worker running it
    heartbeat_at timestamptz, -- refreshed while running; a stale one means the worker died
    cancel_requested_at timestamptz,
    created_at timestamptz NOT NULL,
    started_at timestamptz,   -- start of the latest attempt
    finished_at timestamptz,
    CHECK ((related_type IS NULL) = (related_id IS NULL))
);

-- The claim query's path: only claimable rows are in it, so it stays small however long the
-- history grows.
CREATE INDEX jobs_claim_idx ON jobs (priority, run_at, id) WHERE status IN ('queued', 'failed');
-- Taking back jobs whose worker stopped heartbeating.
CREATE INDEX jobs_running_idx ON jobs (heartbeat_at) WHERE status = 'running';
CREATE UNIQUE INDEX jobs_unique_key_idx ON jobs (tenant_id, unique_key)
    WHERE unique_key IS NOT NULL AND status IN ('queued', 'running', 'failed');
-- Staff listings: newest first per tenant, optionally by status, kind or related object.
CREATE INDEX jobs_tenant_idx ON jobs (tenant_id, id DESC);
CREATE INDEX jobs_tenant_status_idx ON jobs (tenant_id, status, id DESC);
CREATE INDEX jobs_related_idx ON jobs (tenant_id, related_type, related_id, id DESC) WHERE related_type IS NOT NULL;

-- Timestamped lines per job: what handlers log, and what the engine did (failures, take-backs,
-- staff retries and cancels).
CREATE TABLE job_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id bigint NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    at timestamptz NOT NULL,
    attempt integer NOT NULL DEFAULT 0,
    line text NOT NULL
);
CREATE INDEX job_log_job_idx ON job_log (job_id, id);

-- Staff read jobs and their logs; changes go through the service (retry, cancel), which checks
-- the transitions.
SELECT mpanel_isolate_tenant_table('jobs', false);
SELECT mpanel_isolate_tenant_table('job_log', false);

-- Scheduled work: the last period each schedule was enqueued for. Whichever service instance
-- advances a row first enqueues that period's jobs; the others find it already advanced.
-- Engine plumbing, not tenant data: only the service's own login touches it.
CREATE TABLE job_schedules (
    name text PRIMARY KEY,
    last_period timestamptz NOT NULL
);
COMMENT ON TABLE job_schedules IS 'mpanel:global: the job engine''s schedule bookkeeping; no tenant data';

-- Wake sleeping workers as soon as new work commits (the notification is delivered at commit,
-- and never for a rolled-back transaction). One per statement, and PostgreSQL folds duplicates
-- within a transaction, so batch inserts cost one notification.
CREATE FUNCTION mpanel_jobs_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('mpanel_jobs', '');
    RETURN NULL;
END $$;
CREATE TRIGGER jobs_notify AFTER INSERT ON jobs FOR EACH STATEMENT EXECUTE FUNCTION mpanel_jobs_notify();
