-- The SQL of one POST /webhooks/stripe for checkout.session.completed paying an unpaid invoice
-- (services/payments/stripe_webhook.cpp + payment_effects.cpp + Invoices::changeStatus), one
-- statement per round trip as the service sends them (since migration 0029; the paid hooks of
-- other modules, such as subscriptions and notifications, are left out), for pgbench on the cluster the HTTP
-- benchmark used. Each transaction pays the next unpaid invoice of bench_invoices (left unpaid
-- by the HTTP runs), drawn from the sequence bench_pgbench_seq before the transaction starts.
\set serial random(1, 2000000000)
SELECT b.n AS n, b.id AS inv, i.tenant_id AS tenant FROM bench_invoices b JOIN invoices i ON i.id = b.id
 WHERE b.n = (SELECT nextval('bench_pgbench_seq')) \gset
BEGIN;
WITH stored AS (
  INSERT INTO stripe_events (id, type, livemode, payment_intent, payload, received_at)
  VALUES ('evt_pgb_' || :client_id || '_' || :serial || '_' || :n, 'checkout.session.completed', false,
          'pi_pgb_' || :client_id || '_' || :serial || '_' || :n,
          jsonb_build_object('id', 'evt_pgb', 'object', 'event', 'type', 'checkout.session.completed',
            'data', jsonb_build_object('object', jsonb_build_object('id', 'cs_test_pgb', 'object', 'checkout.session',
              'amount_total', 1999, 'currency', 'usd', 'client_reference_id', :inv::text,
              'metadata', jsonb_build_object('mpanel_invoice', :inv::text), 'payment_intent', 'pi_pgb',
              'payment_status', 'paid', 'status', 'complete'))),
          now())
  ON CONFLICT (id) DO NOTHING RETURNING id)
SELECT EXISTS (SELECT 1 FROM stored),
       mpanel_stripe_event_tenant(:inv::uuid, 'pi_pgb_' || :client_id || '_' || :serial || '_' || :n, 'cs_test_pgb');
SELECT set_config('role', 'mpanel_app', true), set_config('mpanel.tenant_id', :tenant, true);
INSERT INTO payments AS p (tenant_id, invoice_id, customer_id, payment_intent, checkout_session, charge_id,
                           amount_minor, currency, status, succeeded, refunded_minor, decline_code, decline_message,
                           created_at, updated_at, succeeded_at)
SELECT :tenant::uuid, i.id, i.customer_id, 'pi_pgb_' || :client_id || '_' || :serial || '_' || :n, 'cs_test_pgb',
       NULL, 1999, 'USD', NULL, true, 0, NULL, NULL, now(), now(), now()
FROM (SELECT 1) AS one LEFT JOIN invoices i ON i.id = :inv::uuid
ON CONFLICT (tenant_id, payment_intent) DO UPDATE SET succeeded = p.succeeded OR EXCLUDED.succeeded,
    updated_at = EXCLUDED.updated_at, status = NULL
RETURNING id AS pay, invoice_id, amount_minor, currency, succeeded, refunded_minor, invoice_applied, review_state,
          payment_intent \gset
SELECT status, total_minor, currency FROM invoices WHERE id = :inv::uuid FOR UPDATE;
WITH changed AS (
  UPDATE invoices SET status = 'paid', paid_at = now(), payment_method = 'stripe', payment_reference = 'pi_pgb'
  WHERE id = :inv::uuid RETURNING id)
INSERT INTO audit_log (tenant_id, at, actor, action, object_type, object_id, details)
SELECT :tenant::uuid, now(), 'stripe', 'invoice.status_changed', 'invoice', :inv,
       '{"from": "unpaid", "to": "paid", "reason": "paid with Stripe (pi_pgb)"}'::jsonb FROM changed;
UPDATE orders o SET status = 'active' FROM invoices i
 WHERE i.id = :inv::uuid AND o.id = i.order_id AND o.status = 'pending';
UPDATE payments SET invoice_applied = true WHERE id = :pay::uuid;
SELECT id, payload FROM mpanel_stripe_event_done('evt_pgb_' || :client_id || '_' || :serial || '_' || :n,
       'invoice_paid', now(), 'pi_pgb_' || :client_id || '_' || :serial || '_' || :n);
COMMIT;
