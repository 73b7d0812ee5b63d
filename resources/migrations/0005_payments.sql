-- Payments through Stripe: the verified webhook events, one payment row per Stripe payment
-- (PaymentIntent), the Checkout Sessions opened for invoices, refunds asked for by staff, and
-- flags that put an invoice in front of staff (a payment held for review, a dispute).

-- Every verified Stripe event, once, by its Stripe id. Global: the Stripe account belongs to the
-- deployment and an event arrives before anyone knows its tenant; `tenant_id` is filled in when
-- the event could be routed. Only the service's own login reads or writes it (no grant to
-- mpanel_app or mpanel_staff), so no tenant transaction can see another tenant's events.
CREATE TABLE stripe_events (
    id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_]{1,255}$'),
    type text NOT NULL CHECK (length(type) BETWEEN 1 AND 200),
    livemode boolean NOT NULL DEFAULT false,
    payment_intent text,
    payload jsonb NOT NULL,
    received_at timestamptz NOT NULL,
    processed_at timestamptz,
    tenant_id uuid REFERENCES tenants (id),
    -- What processing did: "payment_recorded", "duplicate_payment", "ignored", "unrouted"...
    result text
);
COMMENT ON TABLE stripe_events IS 'mpanel:global Stripe events are per Stripe account, routed to a tenant after verification; service login only';
CREATE INDEX stripe_events_payment_intent_idx ON stripe_events (payment_intent) WHERE payment_intent IS NOT NULL;

-- One row per Stripe payment (PaymentIntent). Several events describe one payment
-- (payment_intent.succeeded, checkout.session.completed, charge.refunded...): each one upserts
-- this row, so the unique payment intent, not the event id, makes the effects happen once.
CREATE TABLE payments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    invoice_id uuid,
    customer_id uuid,
    provider text NOT NULL DEFAULT 'stripe' CHECK (provider IN ('stripe')),
    payment_intent text NOT NULL CHECK (length(payment_intent) BETWEEN 1 AND 255),
    checkout_session text,
    charge_id text,
    amount_minor bigint NOT NULL CHECK (amount_minor >= 0),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'refunded', 'partially_refunded',
                                           'disputed')),
    succeeded boolean NOT NULL DEFAULT false,
    refunded_minor bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0),
    decline_code text,
    decline_message text,
    -- Set when the payment did not match what the invoice asked for: staff decide.
    review_state text CHECK (review_state IN ('held', 'resolved')),
    review_reason text,
    dispute_id text,
    dispute_status text,
    -- The invoice was marked paid from this payment (at most once).
    invoice_applied boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    succeeded_at timestamptz,
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, payment_intent),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX payments_invoice_idx ON payments (tenant_id, invoice_id, created_at) WHERE invoice_id IS NOT NULL;
CREATE INDEX payments_customer_idx ON payments (tenant_id, customer_id, created_at) WHERE customer_id IS NOT NULL;

-- Checkout Sessions opened to pay an invoice (`POST /api/invoices/{id}/pay`).
CREATE TABLE invoice_checkout_sessions (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    invoice_id uuid NOT NULL,
    session_id text NOT NULL CHECK (length(session_id) BETWEEN 1 AND 255),
    url text,
    amount_minor bigint NOT NULL,
    currency char(3) NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, session_id),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id)
);
CREATE INDEX invoice_checkout_sessions_invoice_idx ON invoice_checkout_sessions (tenant_id, invoice_id);

-- Refunds asked of Stripe by staff; `request_key` is the Idempotency-Key sent.
CREATE TABLE payment_refunds (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    payment_id uuid NOT NULL,
    request_key text NOT NULL,
    stripe_refund_id text,
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency char(3) NOT NULL,
    status text NOT NULL CHECK (status IN ('requested', 'succeeded', 'pending', 'failed')),
    reason text,
    actor text NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (tenant_id, request_key),
    FOREIGN KEY (tenant_id, payment_id) REFERENCES payments (tenant_id, id)
);

-- What staff must look at on an invoice: a payment held for review, a dispute.
CREATE TABLE invoice_flags (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    invoice_id uuid NOT NULL,
    payment_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('payment_held', 'disputed')),
    detail text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL,
    resolved_at timestamptz,
    UNIQUE (tenant_id, invoice_id, payment_id, kind),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id),
    FOREIGN KEY (tenant_id, payment_id) REFERENCES payments (tenant_id, id)
);

SELECT mpanel_isolate_tenant_table('payments', false);
SELECT mpanel_isolate_tenant_table('invoice_checkout_sessions', false);
SELECT mpanel_isolate_tenant_table('payment_refunds', false);
SELECT mpanel_isolate_tenant_table('invoice_flags');

-- Routes a verified Stripe event to its tenant: the invoice named in the metadata mPanel put on
-- the session and payment, else the tenant that already holds the payment or the session.
-- SECURITY DEFINER and narrow: it answers one tenant id for ids the caller already has.
CREATE FUNCTION mpanel_stripe_event_tenant(invoice_id uuid, payment_intent text, session_id text)
RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT COALESCE(
        (SELECT i.tenant_id FROM invoices i WHERE i.id = invoice_id),
        (SELECT p.tenant_id FROM payments p WHERE p.payment_intent = mpanel_stripe_event_tenant.payment_intent
          LIMIT 1),
        (SELECT s.tenant_id FROM invoice_checkout_sessions s WHERE s.session_id = mpanel_stripe_event_tenant.session_id
          LIMIT 1))
$$;
REVOKE ALL ON FUNCTION mpanel_stripe_event_tenant(uuid, text, text) FROM PUBLIC;
CREATE INDEX payments_payment_intent_idx ON payments (payment_intent);
CREATE INDEX invoice_checkout_sessions_session_idx ON invoice_checkout_sessions (session_id);
