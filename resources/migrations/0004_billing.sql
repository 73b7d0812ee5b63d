-- Billing: tenant billing settings, tax rates, orders, invoices, credit notes and the gapless
-- document counters. Money is bigint minor units plus an ISO 4217 code, never numeric/float.
-- Composite foreign keys (tenant_id, id) keep every reference inside one tenant, as in 0003.
-- Enumerations are text + CHECK (see 0003 for why).

-- One row per tenant, created with the tenant (trigger below). The seller's country is
-- tenants.country, not repeated here.
CREATE TABLE billing_settings (
    tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
    price_mode text NOT NULL DEFAULT 'exclusive' CHECK (price_mode IN ('exclusive', 'inclusive')),
    invoice_number_format text NOT NULL DEFAULT 'INV-{YYYY}-{NNNNNN}' CHECK (length(invoice_number_format) BETWEEN 1 AND 40),
    credit_note_number_format text NOT NULL DEFAULT 'CN-{YYYY}-{NNNNNN}' CHECK (length(credit_note_number_format) BETWEEN 1 AND 40),
    payment_terms_days integer NOT NULL DEFAULT 14 CHECK (payment_terms_days BETWEEN 0 AND 365),
    -- The seller block printed on invoices.
    seller_name text NOT NULL DEFAULT '' CHECK (length(seller_name) <= 200),
    seller_address text NOT NULL DEFAULT '' CHECK (length(seller_address) <= 1000),
    seller_tax_id text NOT NULL DEFAULT '' CHECK (length(seller_tax_id) <= 50),
    seller_email text NOT NULL DEFAULT '' CHECK (length(seller_email) <= 254),
    bank_details text NOT NULL DEFAULT '' CHECK (length(bank_details) <= 1000),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Rates by buyer country (NULL: the tenant's default), valid on [valid_from, valid_to).
CREATE TABLE tax_rates (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    country char(2) CHECK (country ~ '^[A-Z]{2}$'),
    name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 50),
    rate_ppm integer NOT NULL CHECK (rate_ppm BETWEEN 0 AND 1000000),
    valid_from date NOT NULL DEFAULT '1970-01-01',
    valid_to date CHECK (valid_to > valid_from),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tax_rates_tenant_idx ON tax_rates (tenant_id, country);

-- Gapless numbering: one row per (tenant, series, year), bumped with
-- INSERT ... ON CONFLICT DO UPDATE ... RETURNING inside the transaction that issues the
-- document. The row lock queues concurrent issuers; a rollback gives the number back.
CREATE TABLE document_counters (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    series text NOT NULL CHECK (series IN ('invoice', 'credit_note')),
    year smallint NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    last_value bigint NOT NULL CHECK (last_value >= 1),
    PRIMARY KEY (tenant_id, series, year)
);

CREATE TABLE orders (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    customer_id uuid NOT NULL,
    status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'cancelled')),
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    placed_by text NOT NULL CHECK (length(placed_by) <= 100), -- "customer" or "staff token <id>"
    created_at timestamptz NOT NULL,
    UNIQUE (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX orders_customer_idx ON orders (tenant_id, customer_id, created_at, id);
CREATE INDEX orders_created_idx ON orders (tenant_id, created_at, id);

-- Prices are copied from the catalog when the order is placed: a later price change never
-- rewrites what a customer agreed to.
CREATE TABLE order_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    order_id uuid NOT NULL,
    position smallint NOT NULL CHECK (position >= 1),
    product_id uuid NOT NULL,
    product_type text NOT NULL,
    description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    cycle text, -- NULL for domains (priced per year)
    domain_name text CHECK (length(domain_name) <= 253),
    domain_years smallint CHECK (domain_years BETWEEN 1 AND 10),
    quantity integer NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
    setup_fee_minor bigint NOT NULL DEFAULT 0 CHECK (setup_fee_minor >= 0),
    UNIQUE (tenant_id, id),
    UNIQUE (order_id, position),
    FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, product_id) REFERENCES products (tenant_id, id)
);
CREATE INDEX order_items_tenant_idx ON order_items (tenant_id);

CREATE TABLE invoices (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    customer_id uuid NOT NULL,
    order_id uuid,
    status text NOT NULL CHECK (status IN ('draft', 'unpaid', 'paid', 'cancelled', 'refunded', 'partially_refunded')),
    -- Assigned when the invoice is issued; a draft has none.
    number text CHECK (length(number) BETWEEN 1 AND 64),
    number_year smallint,
    number_seq bigint,
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    price_mode text NOT NULL CHECK (price_mode IN ('exclusive', 'inclusive')),
    issue_date date,
    due_date date,
    net_minor bigint NOT NULL,
    tax_minor bigint NOT NULL,
    total_minor bigint NOT NULL,
    reverse_charge boolean NOT NULL DEFAULT false,
    tax_note text NOT NULL DEFAULT '',
    -- Who sold and who bought as printed: an invoice never changes when a customer moves.
    seller jsonb NOT NULL DEFAULT '{}',
    buyer jsonb NOT NULL DEFAULT '{}',
    notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
    created_at timestamptz NOT NULL,
    issued_at timestamptz,
    paid_at timestamptz,
    payment_method text CHECK (length(payment_method) <= 50),
    payment_reference text CHECK (length(payment_reference) <= 200),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, number),
    CHECK ((status = 'draft') = (number IS NULL)),
    CHECK ((number IS NULL) = (issue_date IS NULL) AND (number IS NULL) = (due_date IS NULL)),
    CHECK (due_date >= issue_date),
    CHECK (total_minor = net_minor + tax_minor),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
    FOREIGN KEY (tenant_id, order_id) REFERENCES orders (tenant_id, id)
);
-- Keyset orders for the list (newest first) overall and per customer; the overdue filter.
CREATE INDEX invoices_created_idx ON invoices (tenant_id, created_at, id);
CREATE INDEX invoices_customer_idx ON invoices (tenant_id, customer_id, created_at, id);
CREATE INDEX invoices_due_idx ON invoices (tenant_id, due_date) WHERE status = 'unpaid';
CREATE INDEX invoices_order_idx ON invoices (tenant_id, order_id) WHERE order_id IS NOT NULL;

-- Tax is computed and rounded per line; the invoice's amounts are the sums of these.
CREATE TABLE invoice_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    invoice_id uuid NOT NULL,
    position smallint NOT NULL CHECK (position >= 1),
    description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    quantity integer NOT NULL CHECK (quantity BETWEEN -1000000 AND 1000000 AND quantity <> 0),
    unit_price_minor bigint NOT NULL,
    tax_name text NOT NULL DEFAULT '',
    tax_rate_ppm integer NOT NULL CHECK (tax_rate_ppm BETWEEN 0 AND 1000000),
    net_minor bigint NOT NULL,
    tax_minor bigint NOT NULL,
    gross_minor bigint NOT NULL,
    order_item_id uuid,
    UNIQUE (invoice_id, position),
    CHECK (gross_minor = net_minor + tax_minor),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, order_item_id) REFERENCES order_items (tenant_id, id)
);
CREATE INDEX invoice_items_tenant_idx ON invoice_items (tenant_id);

-- A correction of an issued invoice, in its own gapless series. Amounts are what is credited
-- (positive). Credit notes are never edited or deleted.
CREATE TABLE credit_notes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    invoice_id uuid NOT NULL,
    customer_id uuid NOT NULL,
    number text NOT NULL CHECK (length(number) BETWEEN 1 AND 64),
    number_year smallint NOT NULL,
    number_seq bigint NOT NULL,
    issue_date date NOT NULL,
    currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    reason text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 1000),
    net_minor bigint NOT NULL,
    tax_minor bigint NOT NULL,
    total_minor bigint NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, number),
    CHECK (total_minor = net_minor + tax_minor),
    FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX credit_notes_invoice_idx ON credit_notes (tenant_id, invoice_id);

CREATE TABLE credit_note_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    credit_note_id uuid NOT NULL,
    position smallint NOT NULL CHECK (position >= 1),
    description text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
    quantity integer NOT NULL CHECK (quantity BETWEEN -1000000 AND 1000000 AND quantity <> 0),
    unit_price_minor bigint NOT NULL,
    tax_name text NOT NULL DEFAULT '',
    tax_rate_ppm integer NOT NULL CHECK (tax_rate_ppm BETWEEN 0 AND 1000000),
    net_minor bigint NOT NULL,
    tax_minor bigint NOT NULL,
    gross_minor bigint NOT NULL,
    UNIQUE (credit_note_id, position),
    CHECK (gross_minor = net_minor + tax_minor),
    FOREIGN KEY (tenant_id, credit_note_id) REFERENCES credit_notes (tenant_id, id)
);
CREATE INDEX credit_note_items_tenant_idx ON credit_note_items (tenant_id);

-- Belt and braces under the service's own rules, so a console bug or a hand-typed UPDATE
-- cannot rewrite history: only the allowed status moves; nothing but the status and payment
-- facts changes once an invoice is issued; an issued invoice is never deleted (that would
-- leave a gap in the numbers); items of an issued invoice are frozen. AFTER row triggers, so
-- row-level security refuses a cross-tenant write first, with its own error.
CREATE FUNCTION mpanel_invoices_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.status <> 'draft' THEN
            RAISE EXCEPTION 'invoice % is issued and cannot be deleted', OLD.number USING ERRCODE = '55000';
        END IF;
        RETURN OLD;
    END IF;
    IF NEW.status IS DISTINCT FROM OLD.status AND NOT (OLD.status, NEW.status) IN (
            ('draft', 'unpaid'), ('unpaid', 'paid'), ('unpaid', 'cancelled'), ('paid', 'refunded'),
            ('paid', 'partially_refunded'), ('partially_refunded', 'refunded')) THEN
        RAISE EXCEPTION 'invoice % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = '55000';
    END IF;
    IF OLD.status <> 'draft' AND (NEW.customer_id, NEW.order_id, NEW.number, NEW.number_year, NEW.number_seq,
            NEW.currency, NEW.price_mode, NEW.issue_date, NEW.due_date, NEW.net_minor, NEW.tax_minor,
            NEW.total_minor, NEW.reverse_charge, NEW.tax_note, NEW.seller, NEW.buyer, NEW.created_at)
        IS DISTINCT FROM (OLD.customer_id, OLD.order_id, OLD.number, OLD.number_year, OLD.number_seq,
            OLD.currency, OLD.price_mode, OLD.issue_date, OLD.due_date, OLD.net_minor, OLD.tax_minor,
            OLD.total_minor, OLD.reverse_charge, OLD.tax_note, OLD.seller, OLD.buyer, OLD.created_at) THEN
        RAISE EXCEPTION 'invoice % is issued: its amounts and parties are final', OLD.number USING ERRCODE = '55000';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER invoices_guard AFTER UPDATE OR DELETE ON invoices
    FOR EACH ROW EXECUTE FUNCTION mpanel_invoices_guard();

CREATE FUNCTION mpanel_invoice_items_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    invoice_status text;
BEGIN
    SELECT status INTO invoice_status FROM invoices
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.invoice_id ELSE NEW.invoice_id END;
    -- An invoice is inserted with its items in one transaction, unpaid; from paid on it is final.
    IF invoice_status IS NOT NULL AND invoice_status NOT IN ('draft', 'unpaid') THEN
        RAISE EXCEPTION 'the items of a % invoice are final', invoice_status USING ERRCODE = '55000';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER invoice_items_guard AFTER INSERT OR UPDATE OR DELETE ON invoice_items
    FOR EACH ROW EXECUTE FUNCTION mpanel_invoice_items_guard();

CREATE FUNCTION mpanel_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% rows are never changed or deleted', TG_TABLE_NAME USING ERRCODE = '55000';
END $$;
CREATE TRIGGER credit_notes_final AFTER UPDATE OR DELETE ON credit_notes
    FOR EACH ROW EXECUTE FUNCTION mpanel_refuse_change();
CREATE TRIGGER credit_note_items_final AFTER UPDATE OR DELETE ON credit_note_items
    FOR EACH ROW EXECUTE FUNCTION mpanel_refuse_change();

SELECT mpanel_isolate_tenant_table('billing_settings');
SELECT mpanel_isolate_tenant_table('tax_rates');
-- Counters move only inside an issuing transaction, never by hand.
SELECT mpanel_isolate_tenant_table('document_counters', false);
SELECT mpanel_isolate_tenant_table('orders');
SELECT mpanel_isolate_tenant_table('order_items');
SELECT mpanel_isolate_tenant_table('invoices');
SELECT mpanel_isolate_tenant_table('invoice_items');
SELECT mpanel_isolate_tenant_table('credit_notes');
SELECT mpanel_isolate_tenant_table('credit_note_items');
-- A staff login issuing an invoice from the console numbers it in its own transaction too.
GRANT INSERT, UPDATE ON document_counters TO mpanel_staff;

CREATE FUNCTION mpanel_seed_billing_settings() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO billing_settings (tenant_id, seller_name) VALUES (NEW.id, NEW.name);
    RETURN NEW;
END $$;
CREATE TRIGGER tenants_seed_billing_settings AFTER INSERT ON tenants
    FOR EACH ROW EXECUTE FUNCTION mpanel_seed_billing_settings();
INSERT INTO billing_settings (tenant_id, seller_name) SELECT id, name FROM tenants;
