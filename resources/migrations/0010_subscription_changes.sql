-- Upgrades and downgrades of a running subscription to another product or cycle. A change is
-- prorated over the rest of the current period: an upgrade is invoiced and applies when that
-- invoice is paid; a downgrade applies at once with a credit note against the invoice that paid
-- the current period. The row keeps the arithmetic so the amount can be explained later.
CREATE TABLE subscription_changes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    subscription_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('upgrade', 'downgrade')),
    status text NOT NULL CHECK (status IN ('pending', 'applied', 'void')),
    from_product_id uuid NOT NULL,
    from_cycle text NOT NULL,
    from_unit_price_minor bigint NOT NULL CHECK (from_unit_price_minor >= 0),
    to_product_id uuid NOT NULL,
    to_product_type text NOT NULL,
    to_description text NOT NULL CHECK (length(to_description) BETWEEN 1 AND 500),
    to_cycle text NOT NULL CHECK (to_cycle IN ('monthly', 'quarterly', 'semiannual', 'annual', 'biennial', 'triennial')),
    to_unit_price_minor bigint NOT NULL CHECK (to_unit_price_minor >= 0),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    period_start timestamptz NOT NULL,
    period_end timestamptz NOT NULL,
    -- Tenant-local calendar days: the proration is amount x days_remaining / period_days.
    days_remaining integer NOT NULL CHECK (days_remaining >= 0),
    period_days integer NOT NULL CHECK (period_days > 0),
    -- Signed price of the proration line (positive: charged, negative: credited).
    prorated_minor bigint NOT NULL,
    invoice_id uuid,
    credit_note_id uuid,
    actor text NOT NULL CHECK (length(actor) <= 100),
    created_at timestamptz NOT NULL,
    applied_at timestamptz,
    UNIQUE (tenant_id, id),
    CHECK ((kind = 'upgrade') = (prorated_minor > 0)),
    FOREIGN KEY (tenant_id, subscription_id) REFERENCES subscriptions (tenant_id, id),
    FOREIGN KEY (tenant_id, to_product_id) REFERENCES products (tenant_id, id),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id),
    FOREIGN KEY (tenant_id, credit_note_id) REFERENCES credit_notes (tenant_id, id)
);
-- One change waiting for payment per subscription: a double submit finds the first one
-- (INSERT ... ON CONFLICT on this index) instead of issuing a second invoice.
CREATE UNIQUE INDEX subscription_changes_pending_uq ON subscription_changes (subscription_id) WHERE status = 'pending';
CREATE INDEX subscription_changes_subscription_idx ON subscription_changes (tenant_id, subscription_id, created_at);
CREATE UNIQUE INDEX subscription_changes_invoice_uq ON subscription_changes (tenant_id, invoice_id) WHERE invoice_id IS NOT NULL;

SELECT mpanel_isolate_tenant_table('subscription_changes');
