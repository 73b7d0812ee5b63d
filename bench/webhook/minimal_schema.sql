-- The anchor of the webhook benchmark (issue #16): the least a webhook that pays an invoice must
-- write, in tables of its own in the database `anchor`: the event once by its id, the invoice
-- marked paid, a subscription started, a job queued, and a notification for the workers. mPanel's
-- POST /webhooks/stripe does all of that and more (routing, row-level security, the payment row,
-- audit, the paid hooks of every module); this is the transaction to measure it against.
CREATE TABLE events (
    id text PRIMARY KEY,
    type text NOT NULL,
    payload jsonb NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE invoices (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL,
    total_minor bigint NOT NULL,
    status text NOT NULL DEFAULT 'unpaid',
    paid_at timestamptz
);
CREATE TABLE subscriptions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL,
    invoice_id bigint NOT NULL REFERENCES invoices (id),
    period_start timestamptz NOT NULL,
    period_end timestamptz NOT NULL
);
CREATE INDEX subscriptions_customer_idx ON subscriptions (customer_id);
CREATE TABLE jobs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL,
    payload jsonb NOT NULL,
    run_at timestamptz NOT NULL DEFAULT now(),
    locked_at timestamptz
);
CREATE INDEX jobs_claim_idx ON jobs (run_at, id) WHERE locked_at IS NULL;
INSERT INTO invoices (id, customer_id, total_minor)
SELECT g, 1 + g % 20000, 1999 FROM generate_series(1, 200000) AS g;
VACUUM ANALYZE;
