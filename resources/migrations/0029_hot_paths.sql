-- The hot paths of issue #16 (bench/README.md): issuing invoices in bulk (a renewal run writes
-- hundreds per statement) and one at a time, and a Stripe event paying an invoice. Fewer round
-- trips and less work per row, guarding everything that was guarded before.

-- A document number printed by the statement that draws its sequence, so the counter and the
-- invoice are one statement (and the counter's lock is held for one round trip less). The caller
-- splits the tenant's pattern for the year into the text before and after the sequence and the
-- sequence's width (InvoiceNumberFormat::parts): zero-padded to `width` digits, never truncated,
-- as InvoiceNumberFormat::format prints it; a NULL text around it is empty. A plain SQL expression, so the planner inlines it.
CREATE FUNCTION mpanel_document_number(prefix text, width integer, suffix text, seq bigint) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(prefix, '') || CASE WHEN length(seq::text) < width THEN lpad(seq::text, width, '0')
                                        ELSE seq::text END || coalesce(suffix, '')
$$;

-- An invoice's tenant is checked through its customer: (tenant_id, customer_id) references
-- customers (tenant_id, id), and every customer's tenant references tenants, which are never
-- deleted. The direct key looked up and key-share locked the tenant's row once more per invoice.
ALTER TABLE invoices DROP CONSTRAINT invoices_tenant_id_fkey;

-- The lines of an invoice that is no longer draft or unpaid are final. Lines are inserted in the
-- statement that inserts their invoice (hundreds of invoices at once in a renewal run), so the
-- insert check now runs once per statement over the new lines instead of once per line; updates
-- and deletes keep the per-row check of 0004.
CREATE FUNCTION mpanel_invoice_items_insert_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    invoice_status text;
BEGIN
    -- One key look-up per line (LIMIT keeps the planner from joining the whole of invoices, whose
    -- size it knows, to a transition table whose size it does not).
    SELECT s.status INTO invoice_status
    FROM new_items n
    CROSS JOIN LATERAL (SELECT i.status FROM invoices i WHERE i.id = n.invoice_id LIMIT 1) s
    WHERE s.status NOT IN ('draft', 'unpaid')
    LIMIT 1;
    IF invoice_status IS NOT NULL THEN
        RAISE EXCEPTION 'the items of a % invoice are final', invoice_status USING ERRCODE = '55000';
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER invoice_items_guard ON invoice_items;
CREATE TRIGGER invoice_items_guard AFTER UPDATE OR DELETE ON invoice_items
    FOR EACH ROW EXECUTE FUNCTION mpanel_invoice_items_guard();
CREATE TRIGGER invoice_items_insert_guard AFTER INSERT ON invoice_items REFERENCING NEW TABLE AS new_items
    FOR EACH STATEMENT EXECUTE FUNCTION mpanel_invoice_items_insert_guard();

-- A payment's status follows from its facts: a dispute still open outranks everything, then
-- refunds. A write that sets status to NULL has it derived here, in its own statement, so the
-- upsert of a Stripe event's facts returns the payment as it now stands (one round trip where
-- the upsert and a second UPDATE were two). Writes that set a status keep it.
CREATE FUNCTION mpanel_payments_derive_status() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.status := CASE
        WHEN NEW.dispute_id IS NOT NULL AND COALESCE(NEW.dispute_status, '') NOT IN ('won', 'warning_closed')
            THEN 'disputed'
        WHEN NEW.succeeded AND NEW.amount_minor > 0 AND NEW.refunded_minor >= NEW.amount_minor THEN 'refunded'
        WHEN NEW.succeeded AND NEW.refunded_minor > 0 THEN 'partially_refunded'
        WHEN NEW.succeeded THEN 'succeeded'
        WHEN NEW.decline_code IS NOT NULL THEN 'failed'
        ELSE 'pending' END;
    RETURN NEW;
END $$;
CREATE TRIGGER payments_derive_status BEFORE INSERT OR UPDATE ON payments
    FOR EACH ROW WHEN (NEW.status IS NULL) EXECUTE FUNCTION mpanel_payments_derive_status();

-- The end of a routed Stripe event, from inside the tenant's transaction: records what
-- processing did with the event (for the transaction's tenant) and returns the events about the
-- same payment that came before anything named their tenant, locked, for the caller to replay
-- now. The service no longer switches back to its own login for the global row: one call where
-- a role switch, an UPDATE and a SELECT were three round trips. Only an event not processed yet
-- (or parked as unrouted) is recorded, and only for the tenant the session is in.
CREATE FUNCTION mpanel_stripe_event_done(event_id text, outcome text, at timestamptz, unrouted_of text)
RETURNS TABLE (id text, payload text)
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
    UPDATE stripe_events SET processed_at = at, tenant_id = mpanel_setting_tenant(), result = outcome
    WHERE stripe_events.id = event_id AND (processed_at IS NULL OR result = 'unrouted');
    SELECT e.id, e.payload::text FROM stripe_events e
    WHERE e.payment_intent = unrouted_of AND e.result = 'unrouted'
    ORDER BY e.received_at, e.id
    FOR UPDATE;
$$;
REVOKE ALL ON FUNCTION mpanel_stripe_event_done(text, text, timestamptz, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mpanel_stripe_event_done(text, text, timestamptz, text) TO mpanel_app;
