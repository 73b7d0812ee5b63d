-- Change notifications for the console: every statement that writes one of these tables sends
-- one NOTIFY per tenant it touched on the table's channel ("mpanel_changed_<table>"), with only
-- the tenant id as payload. Statement-level triggers over transition tables keep a bulk write to
-- one notification per tenant, and PostgreSQL folds identical notifications of one transaction
-- into one. Listeners filter on the payload; the row data is re-read through row-level security.

CREATE FUNCTION mpanel_notify_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify(TG_ARGV[0], t.tenant_id::text)
    FROM (SELECT DISTINCT tenant_id FROM changed_rows) t;
    RETURN NULL;
END $$;

-- One trigger per event: a transition table names either the new or the old rows, and the
-- function reads them under one name.
CREATE FUNCTION mpanel_notify_changes_of(tbl regclass, channel text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER notify_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION mpanel_notify_change(%L)', tbl, channel);
    EXECUTE format('CREATE TRIGGER notify_update AFTER UPDATE ON %s REFERENCING NEW TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION mpanel_notify_change(%L)', tbl, channel);
    EXECUTE format('CREATE TRIGGER notify_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS changed_rows
                    FOR EACH STATEMENT EXECUTE FUNCTION mpanel_notify_change(%L)', tbl, channel);
END $$;

-- Prices and templates change what the products table shows, so they share its channel.
SELECT mpanel_notify_changes_of('products', 'mpanel_changed_products');
SELECT mpanel_notify_changes_of('product_prices', 'mpanel_changed_products');
SELECT mpanel_notify_changes_of('tld_prices', 'mpanel_changed_products');
SELECT mpanel_notify_changes_of('cloudpod_templates', 'mpanel_changed_cloudpod_templates');
SELECT mpanel_notify_changes_of('customers', 'mpanel_changed_customers');
SELECT mpanel_notify_changes_of('orders', 'mpanel_changed_orders');
SELECT mpanel_notify_changes_of('invoices', 'mpanel_changed_invoices');

-- Staff may not read password hashes (0003), but the console shows whether a customer can sign
-- in: a generated column answers that without exposing the hash.
ALTER TABLE customers ADD COLUMN has_password boolean GENERATED ALWAYS AS (password_hash IS NOT NULL) STORED;
GRANT SELECT (has_password) ON customers TO mpanel_staff;
