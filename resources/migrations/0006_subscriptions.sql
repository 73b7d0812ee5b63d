-- Subscriptions: what a paid recurring order line turns into, its periods, the invoices of each
-- period (the renewal key), its history, the tenant's renewal and dunning settings, and an
-- e-mail outbox the reminders are queued in until the mail issue sends them.
-- Composite foreign keys (tenant_id, id) keep every reference inside one tenant (see 0003).

CREATE TABLE subscription_settings (
    tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
    -- The renewal invoice is issued this many days before the due date.
    renew_days_before integer NOT NULL DEFAULT 7 CHECK (renew_days_before BETWEEN 0 AND 365),
    -- Days a past-due subscription keeps running before it is suspended.
    grace_days integer NOT NULL DEFAULT 7 CHECK (grace_days BETWEEN 0 AND 365),
    -- Renewals at the price the customer agreed to, or at today's catalog price.
    price_source text NOT NULL DEFAULT 'subscription' CHECK (price_source IN ('subscription', 'catalog')),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE subscriptions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    customer_id uuid NOT NULL,
    product_id uuid NOT NULL,
    product_type text NOT NULL,
    order_item_id uuid,
    description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    cycle text NOT NULL CHECK (cycle IN ('monthly', 'quarterly', 'semiannual', 'annual', 'biennial', 'triennial')),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
    quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    -- 'pending' is for an ordered, unpaid subscription; today subscriptions are created when the
    -- first invoice is paid, so they start 'active'.
    status text NOT NULL CHECK (status IN ('pending', 'active', 'past_due', 'suspended', 'cancelled', 'expired')),
    -- The day of month periods end on (31: the last day of shorter months), in the tenant's zone.
    anchor_day smallint NOT NULL CHECK (anchor_day BETWEEN 1 AND 31),
    started_at timestamptz,
    current_period_start timestamptz,
    current_period_end timestamptz,
    -- The tenant-local calendar day current_period_end falls on: when the next period is due.
    next_due_date date,
    cancel_at_period_end boolean NOT NULL DEFAULT false,
    cancelled_at timestamptz,
    past_due_since timestamptz,
    suspended_at timestamptz,
    ended_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, order_item_id),
    CHECK (current_period_end > current_period_start),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
    FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id),
    FOREIGN KEY (tenant_id, order_item_id) REFERENCES order_items (tenant_id, id)
);
-- Keyset lists (newest first, per customer) and the jobs' scans of live subscriptions by period end.
CREATE INDEX subscriptions_created_idx ON subscriptions (tenant_id, created_at, id);
CREATE INDEX subscriptions_customer_idx ON subscriptions (tenant_id, customer_id, created_at, id);
CREATE INDEX subscriptions_product_idx ON subscriptions (tenant_id, product_id);
-- The renewal run walks due subscriptions in (next_due_date, id) order; dunning by period end.
CREATE INDEX subscriptions_due_idx ON subscriptions (tenant_id, next_due_date, id)
    WHERE status IN ('active', 'past_due', 'suspended');
CREATE INDEX subscriptions_period_end_idx ON subscriptions (tenant_id, current_period_end)
    WHERE status IN ('active', 'past_due', 'suspended');

-- Which invoice pays which period. (subscription_id, period_start) is the renewal key: a period
-- is invoiced once however many renewal runs race (INSERT ... ON CONFLICT DO NOTHING claims it
-- before the invoice is numbered, so a lost race costs no number). The invoice row is inserted
-- after its claim in the same transaction, hence the deferred foreign key.
CREATE TABLE subscription_invoices (
    tenant_id uuid NOT NULL,
    subscription_id uuid NOT NULL,
    period_start timestamptz NOT NULL,
    period_end timestamptz NOT NULL,
    invoice_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('first', 'renewal')),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (subscription_id, period_start),
    CHECK (period_end > period_start),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES subscriptions (tenant_id, id),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX subscription_invoices_invoice_idx ON subscription_invoices (tenant_id, invoice_id);

-- The audit trail: every status change and renewal, who or what did it, and why.
CREATE TABLE subscription_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL,
    subscription_id uuid NOT NULL,
    at timestamptz NOT NULL,
    actor text NOT NULL CHECK (length(actor) <= 100),
    event text NOT NULL CHECK (length(event) BETWEEN 1 AND 50),
    from_status text,
    to_status text,
    details jsonb NOT NULL DEFAULT '{}',
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES subscriptions (tenant_id, id)
);
CREATE INDEX subscription_events_subscription_idx ON subscription_events (tenant_id, subscription_id, id);

-- Mail waiting to be sent. The mail issue adds the sender; until then rows stay queued. The
-- dedupe key makes a reminder queue once however often the job that queues it runs.
CREATE TABLE email_outbox (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    customer_id uuid,
    to_address text NOT NULL CHECK (length(to_address) BETWEEN 3 AND 254),
    template text NOT NULL CHECK (length(template) BETWEEN 1 AND 100),
    payload jsonb NOT NULL DEFAULT '{}',
    dedupe_key text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 200),
    status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    created_at timestamptz NOT NULL,
    sent_at timestamptz,
    UNIQUE (tenant_id, dedupe_key),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX email_outbox_queued_idx ON email_outbox (tenant_id, created_at) WHERE status = 'queued';

SELECT mpanel_isolate_tenant_table('subscription_settings');
SELECT mpanel_isolate_tenant_table('subscriptions');
SELECT mpanel_isolate_tenant_table('subscription_invoices');
-- The audit trail is append-only.
SELECT mpanel_isolate_tenant_table('subscription_events', false);
GRANT INSERT ON subscription_events TO mpanel_staff;
REVOKE UPDATE, DELETE ON subscription_events FROM mpanel_app;
SELECT mpanel_isolate_tenant_table('email_outbox');

CREATE FUNCTION mpanel_seed_subscription_settings() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO subscription_settings (tenant_id) VALUES (NEW.id);
    RETURN NEW;
END $$;
CREATE TRIGGER tenants_seed_subscription_settings AFTER INSERT ON tenants
    FOR EACH ROW EXECUTE FUNCTION mpanel_seed_subscription_settings();
INSERT INTO subscription_settings (tenant_id) SELECT id FROM tenants;
