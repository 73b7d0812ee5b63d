-- Issuing invoices in bulk (a renewal run writes hundreds per statement) and one at a time
-- (bench/README.md, issue #16): less work per row that guards nothing more than before.

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
