-- Saved cards and automatic renewal charges (Stripe).
--
-- One Stripe Customer per mPanel customer: created (with an idempotency key derived from the
-- customer) before the first Checkout, which then saves the card for off-session use.
CREATE TABLE stripe_customers (
    tenant_id uuid NOT NULL,
    customer_id uuid NOT NULL,
    stripe_customer text NOT NULL CHECK (stripe_customer ~ '^cus_[A-Za-z0-9_]{1,250}$'),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, customer_id),
    UNIQUE (stripe_customer),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
);
SELECT mpanel_isolate_tenant_table('stripe_customers');

-- The customer's cards as Stripe last listed them (Stripe is the source of truth for which exist;
-- mPanel keeps which one renewals use). Only the brand, last four digits and expiry: never a number.
CREATE TABLE payment_cards (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    customer_id uuid NOT NULL,
    payment_method text NOT NULL CHECK (payment_method ~ '^pm_[A-Za-z0-9_]{1,250}$'),
    brand text NOT NULL DEFAULT '' CHECK (length(brand) <= 40),
    last4 text NOT NULL DEFAULT '' CHECK (last4 ~ '^[0-9]{0,4}$'),
    exp_month integer CHECK (exp_month BETWEEN 1 AND 12),
    exp_year integer CHECK (exp_year BETWEEN 2000 AND 2200),
    is_default boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, payment_method),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX payment_cards_one_default_uq ON payment_cards (tenant_id, customer_id) WHERE is_default;
CREATE INDEX payment_cards_customer_idx ON payment_cards (tenant_id, customer_id, created_at);
SELECT mpanel_isolate_tenant_table('payment_cards');

-- Days after an invoice's due date on which a declined automatic charge is tried again.
CREATE TABLE payment_settings (
    tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
    retry_days integer[] NOT NULL DEFAULT '{1,3,5,7}'
        CHECK (cardinality(retry_days) <= 10 AND 0 < ALL (retry_days) AND 60 >= ALL (retry_days))
);
SELECT mpanel_isolate_tenant_table('payment_settings');

-- Each automatic attempt to charge a renewal invoice, claimed before Stripe is called. The key
-- (invoice, attempt) makes racing runs claim an attempt once; the Idempotency-Key derived from
-- the same pair makes a call repeated after a crash replay, never charge again.
CREATE TABLE renewal_charges (
    tenant_id uuid NOT NULL,
    invoice_id uuid NOT NULL,
    attempt integer NOT NULL CHECK (attempt BETWEEN 1 AND 11),
    payment_method text NOT NULL,
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    state text NOT NULL CHECK (state IN ('in_flight', 'succeeded', 'failed')),
    payment_intent text,
    decline_code text,
    message text CHECK (length(message) <= 1000),
    created_at timestamptz NOT NULL,
    finished_at timestamptz,
    PRIMARY KEY (tenant_id, invoice_id, attempt),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE
);
SELECT mpanel_isolate_tenant_table('renewal_charges', false);

-- An automatic charge is still to come for this invoice: dunning leaves its subscription alone
-- until then (the retries come before past due and suspension).
ALTER TABLE invoices ADD COLUMN collection_retry_at timestamptz;
