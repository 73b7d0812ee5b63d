-- The rows Invoices::create writes for one 2-line invoice, as bare SQL: the gapless counter,
-- the invoice, its lines; under the same role and tenant setting (RLS on) as the service.
-- Run with: pgbench -M prepared -n -D tenant=UUID -D customer=UUID -f pgbench_invoice.sql
BEGIN;
SELECT set_config('role', 'mpanel_app', true), set_config('mpanel.tenant_id', :tenant, true);
INSERT INTO document_counters (tenant_id, series, year, last_value) VALUES (:tenant::uuid, 'invoice', 2026, 1)
ON CONFLICT (tenant_id, series, year) DO UPDATE SET last_value = document_counters.last_value + 1
RETURNING last_value AS seq \gset
WITH inv AS (
  INSERT INTO invoices (tenant_id, customer_id, status, number, number_year, number_seq, currency, price_mode,
                        issue_date, due_date, net_minor, tax_minor, total_minor, seller, buyer, created_at, issued_at)
  VALUES (:tenant::uuid, :customer::uuid, 'unpaid', 'INV-2026-' || lpad(:seq::text, 6, '0'), 2026, :seq::bigint,
          'EUR', 'exclusive', '2026-11-25', '2026-12-09', 2490, 473, 2963,
          '{"name": "pgbench Hosting"}', '{"name": "Ada Lovelace", "country": "DE"}', now(), now())
  RETURNING id)
INSERT INTO invoice_items (tenant_id, invoice_id, position, description, quantity, unit_price_minor, tax_name,
                           tax_rate_ppm, net_minor, tax_minor, gross_minor)
SELECT :tenant::uuid, inv.id, l.position, l.description, 1, l.net, 'VAT', 190000, l.net, l.tax, l.net + l.tax
FROM inv, (VALUES (1, 'CloudPod Pro, monthly', 1990, 378), (2, 'Setup fee', 500, 95)) AS l(position, description, net, tax);
END;
