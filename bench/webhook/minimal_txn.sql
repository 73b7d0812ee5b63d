-- One minimal webhook transaction (see minimal_schema.sql), one statement per round trip.
\set invoice random(1, 200000)
\set customer random(1, 20000)
BEGIN;
INSERT INTO events (id, type, payload)
VALUES ('evt_' || md5(random()::text || :client_id::text), 'checkout.session.completed',
        jsonb_build_object('type', 'checkout.session.completed', 'invoice', :invoice::bigint, 'amount_total', 1999,
                           'currency', 'usd', 'payment_status', 'paid'))
ON CONFLICT (id) DO NOTHING;
UPDATE invoices SET status = 'paid', paid_at = now() WHERE id = :invoice::bigint;
INSERT INTO subscriptions (customer_id, invoice_id, period_start, period_end)
VALUES (:customer::bigint, :invoice::bigint, now(), now() + interval '1 month');
INSERT INTO jobs (kind, payload) VALUES ('provision', jsonb_build_object('invoice', :invoice::bigint));
SELECT pg_notify('jobs', '');
COMMIT;
