-- Rows for one tenant in every tenant-scoped table, for tst_tenant_isolation. Runs as the
-- schema owner with :tenant replaced by a tenant id (quoted) and :n by a small unique number.
-- Every migration that adds a table with tenant_id adds its INSERTs here; the test fails for a
-- table that has no row for the other tenant, because hiding nothing proves nothing.
INSERT INTO staff (tenant_id, login, role) VALUES (:tenant, 'seed_staff_' || :n, 'support');
INSERT INTO api_tokens (tenant_id, role, token_hash, label)
    VALUES (:tenant, 'admin', sha256(('seed-token-' || :n)::bytea), 'seed');
INSERT INTO audit_log (tenant_id, actor, action, object_type, object_id)
    VALUES (:tenant, 'seed', 'seeded', 'tenant', :tenant::text);
-- 0003 catalog and customers (the tenant trigger already seeded cloudpod_templates).
INSERT INTO products (tenant_id, type, name) VALUES (:tenant, 'other', 'Seed product ' || :n);
INSERT INTO product_prices (tenant_id, product_id, cycle, currency, amount_minor)
    SELECT tenant_id, id, 'monthly', 'EUR', 100 FROM products WHERE tenant_id = :tenant;
INSERT INTO products (tenant_id, type, name, tld) VALUES (:tenant, 'domain', 'Seed TLD ' || :n, 'seed' || :n);
INSERT INTO tld_prices (tenant_id, product_id, action, years, currency, amount_minor)
    SELECT tenant_id, id, 'register', 1, 'EUR', 1000 FROM products WHERE tenant_id = :tenant AND type = 'domain';
INSERT INTO customers (tenant_id, name, email) VALUES (:tenant, 'Seed Customer', 'seed' || :n || '@example.com');
INSERT INTO customer_sessions (tenant_id, customer_id)
    SELECT tenant_id, id FROM customers WHERE tenant_id = :tenant;
INSERT INTO customer_tokens (tenant_id, session_id, kind, token_hash, created_at, expires_at)
    SELECT tenant_id, id, 'refresh', sha256(('seed-refresh-' || :n)::bytea), now(), now() + interval '1 day'
    FROM customer_sessions WHERE tenant_id = :tenant;
INSERT INTO sign_in_failures (tenant_id, scope, key, at) VALUES (:tenant, 'address', '192.0.2.' || :n, now());
-- 0002 jobs: a job and a line of its log.
INSERT INTO jobs (tenant_id, kind, run_at, created_at) VALUES (:tenant, 'seed.job', now(), now());
INSERT INTO job_log (job_id, tenant_id, at, line)
    SELECT id, tenant_id, now(), 'seeded' FROM jobs WHERE tenant_id = :tenant AND kind = 'seed.job';
-- 0004 billing (billing_settings comes with the tenant, from its trigger).
INSERT INTO tax_rates (tenant_id, country, name, rate_ppm) VALUES (:tenant, 'DE', 'USt.', 190000);
INSERT INTO document_counters (tenant_id, series, year, last_value) VALUES (:tenant, 'invoice', 2026, 1);
INSERT INTO orders (tenant_id, customer_id, currency, placed_by, created_at)
    SELECT tenant_id, id, 'EUR', 'seed', now() FROM customers WHERE tenant_id = :tenant;
INSERT INTO order_items (tenant_id, order_id, position, product_id, product_type, description, cycle, quantity,
                         unit_price_minor)
    SELECT o.tenant_id, o.id, 1, p.id, p.type, 'Seed item', 'monthly', 1, 100
    FROM orders o JOIN products p ON p.tenant_id = o.tenant_id AND p.type = 'other' WHERE o.tenant_id = :tenant;
INSERT INTO invoices (tenant_id, customer_id, order_id, status, number, number_year, number_seq, currency, price_mode,
                      issue_date, due_date, net_minor, tax_minor, total_minor, created_at, issued_at)
    SELECT tenant_id, customer_id, id, 'unpaid', 'INV-2026-000001', 2026, 1, 'EUR', 'exclusive', '2026-01-01',
           '2026-01-15', 100, 19, 119, now(), now() FROM orders WHERE tenant_id = :tenant;
INSERT INTO invoice_items (tenant_id, invoice_id, position, description, quantity, unit_price_minor, tax_name,
                           tax_rate_ppm, net_minor, tax_minor, gross_minor)
    SELECT tenant_id, id, 1, 'Seed item', 1, 100, 'USt.', 190000, 100, 19, 119 FROM invoices WHERE tenant_id = :tenant;
INSERT INTO credit_notes (tenant_id, invoice_id, customer_id, number, number_year, number_seq, issue_date, currency,
                          reason, net_minor, tax_minor, total_minor, created_at)
    SELECT tenant_id, id, customer_id, 'CN-2026-000001', 2026, 1, '2026-01-02', 'EUR', 'seed', 100, 19, 119, now()
    FROM invoices WHERE tenant_id = :tenant;
INSERT INTO credit_note_items (tenant_id, credit_note_id, position, description, quantity, unit_price_minor, tax_name,
                               tax_rate_ppm, net_minor, tax_minor, gross_minor)
    SELECT tenant_id, id, 1, 'Seed item', 1, 100, 'USt.', 190000, 100, 19, 119 FROM credit_notes WHERE tenant_id = :tenant;
-- 0005 payments.
INSERT INTO payments (tenant_id, invoice_id, customer_id, payment_intent, amount_minor, currency, status, created_at,
                      updated_at)
    SELECT tenant_id, id, customer_id, 'pi_seed_' || :n, 119, 'EUR', 'succeeded', now(), now()
    FROM invoices WHERE tenant_id = :tenant;
INSERT INTO invoice_checkout_sessions (tenant_id, invoice_id, session_id, amount_minor, currency, created_at)
    SELECT tenant_id, id, 'cs_seed_' || :n, 119, 'EUR', now() FROM invoices WHERE tenant_id = :tenant;
INSERT INTO payment_refunds (tenant_id, payment_id, request_key, amount_minor, currency, status, actor, created_at)
    SELECT tenant_id, id, 'seed-refund-' || :n, 10, 'EUR', 'requested', 'seed', now()
    FROM payments WHERE tenant_id = :tenant;
INSERT INTO invoice_flags (tenant_id, invoice_id, payment_id, kind, created_at)
    SELECT tenant_id, invoice_id, id, 'disputed', now() FROM payments WHERE tenant_id = :tenant;
-- 0006 subscriptions (subscription_settings comes with the tenant, from its trigger).
INSERT INTO subscriptions (tenant_id, customer_id, product_id, product_type, order_item_id, description, cycle,
                           currency, unit_price_minor, quantity, status, anchor_day, started_at,
                           current_period_start, current_period_end, next_due_date, created_at, updated_at)
    SELECT oi.tenant_id, o.customer_id, oi.product_id, oi.product_type, oi.id, 'Seed item', 'monthly', 'EUR', 100, 1,
           'active', 1, '2026-01-01', '2026-01-01', '2026-02-01', '2026-02-01', now(), now()
    FROM order_items oi JOIN orders o ON o.id = oi.order_id WHERE oi.tenant_id = :tenant;
INSERT INTO subscription_invoices (tenant_id, subscription_id, period_start, period_end, invoice_id, kind, created_at)
    SELECT s.tenant_id, s.id, s.current_period_start, s.current_period_end, i.id, 'first', now()
    FROM subscriptions s JOIN invoices i ON i.tenant_id = s.tenant_id WHERE s.tenant_id = :tenant;
INSERT INTO subscription_events (tenant_id, subscription_id, at, actor, event, to_status)
    SELECT tenant_id, id, now(), 'seed', 'created', 'active' FROM subscriptions WHERE tenant_id = :tenant;
INSERT INTO email_outbox (tenant_id, customer_id, to_address, template, dedupe_key, created_at)
    SELECT tenant_id, id, email, 'seed', 'seed-' || :n, now() FROM customers WHERE tenant_id = :tenant;
-- 0007 cloudpods: a cluster with a node, a pool and its address, a pod with its VMID, allocation and finding.
INSERT INTO proxmox_clusters (tenant_id, name, api_base, token_id, token_secret, created_at, updated_at)
    VALUES (:tenant, 'seed' || :n, 'https://127.0.0.1:8006/api2/json', 'mpanel@pve!prov', 'secret', now(), now());
INSERT INTO proxmox_nodes (tenant_id, cluster_id, name, cpu_cores, ram_mb, disk_gb, created_at)
    SELECT tenant_id, id, 'pve1', 16, 65536, 1000, now() FROM proxmox_clusters WHERE tenant_id = :tenant;
INSERT INTO ip_pools (tenant_id, cluster_id, name, first_address, last_address, prefix_length, gateway, created_at)
    SELECT tenant_id, id, 'seed', '10.0.0.10', '10.0.0.20', 24, '10.0.0.1', now() FROM proxmox_clusters
    WHERE tenant_id = :tenant;
INSERT INTO cloud_pods (tenant_id, customer_id, template_id, hostname, cluster_id, node_id, vmid, created_at, updated_at)
    SELECT c.tenant_id, c.id, t.id, 'seed' || :n, n.cluster_id, n.id, 100 + :n, now(), now()
    FROM customers c JOIN cloudpod_templates t ON t.tenant_id = c.tenant_id AND t.name = 'Mini'
    JOIN proxmox_nodes n ON n.tenant_id = c.tenant_id WHERE c.tenant_id = :tenant;
INSERT INTO proxmox_vmid_reservations (tenant_id, cluster_id, vmid, pod_id, reserved_at)
    SELECT tenant_id, cluster_id, vmid, id, now() FROM cloud_pods WHERE tenant_id = :tenant;
INSERT INTO node_allocations (tenant_id, node_id, pod_id, cpu_cores, ram_mb, disk_gb, allocated_at)
    SELECT tenant_id, node_id, id, 1, 1024, 20, now() FROM cloud_pods WHERE tenant_id = :tenant;
INSERT INTO ip_addresses (tenant_id, pool_id, address, pod_id, allocated_at)
    SELECT p.tenant_id, p.id, '10.0.0.10', c.id, now() FROM ip_pools p JOIN cloud_pods c ON c.tenant_id = p.tenant_id
    WHERE p.tenant_id = :tenant;
INSERT INTO cloudpod_findings (tenant_id, cluster_id, kind, vmid, detail, first_seen_at, last_seen_at)
    SELECT tenant_id, id, 'orphan_guest', 999, 'seed', now(), now() FROM proxmox_clusters WHERE tenant_id = :tenant;
-- 0010 subscription changes.
INSERT INTO subscription_changes (tenant_id, subscription_id, kind, status, from_product_id, from_cycle,
                                  from_unit_price_minor, to_product_id, to_product_type, to_description, to_cycle,
                                  to_unit_price_minor, currency, quantity, period_start, period_end, days_remaining,
                                  period_days, prorated_minor, actor, created_at)
    SELECT tenant_id, id, 'upgrade', 'applied', product_id, cycle, unit_price_minor, product_id, product_type,
           description, cycle, unit_price_minor + 100, currency, quantity, current_period_start, current_period_end,
           10, 31, 32, 'seed', now()
    FROM subscriptions WHERE tenant_id = :tenant;
-- 0017 dns: a server, the tenant's settings, a zone with a record set and a change; 0031: the
-- zone template.
INSERT INTO dns_servers (tenant_id, name, api_base, api_key, created_at, updated_at)
    VALUES (:tenant, 'seed' || :n, 'http://127.0.0.1:8081', 'key', now(), now());
INSERT INTO dns_settings (tenant_id, pod_zone, nameservers, updated_at)
    VALUES (:tenant, 'pods' || :n || '.test.', '{ns1.test.}', now());
INSERT INTO dns_zones (tenant_id, server_id, name, created_at, updated_at)
    SELECT tenant_id, id, 'seed' || :n || '.test.', now(), now() FROM dns_servers WHERE tenant_id = :tenant;
INSERT INTO dns_rrsets (tenant_id, zone_id, name, type, ttl, records, updated_at)
    SELECT tenant_id, id, 'www.' || name, 'A', 300, '{192.0.2.1}', now() FROM dns_zones WHERE tenant_id = :tenant;
INSERT INTO dns_changes (tenant_id, zone_id, changes, actor, created_at)
    SELECT tenant_id, id, '[]', 'seed', now() FROM dns_zones WHERE tenant_id = :tenant;
INSERT INTO dns_zone_templates (tenant_id, record_sets, updated_at)
    VALUES (:tenant, '[{"name": "@", "type": "MX", "records": ["10 mail"]}]', now());
-- 0018 notifications: the tenant's relay settings.
INSERT INTO notification_settings (tenant_id, from_address, smtp_host, smtp_port, tls_mode, updated_at)
    VALUES (:tenant, 'billing@example.com', 'smtp.example.com', 587, 'starttls', now());
-- 0019 pod access: saved SSH keys and passwords on their way to Proxmox.
INSERT INTO customer_ssh_keys (tenant_id, customer_id, name, public_key, fingerprint, created_at)
    SELECT tenant_id, id, 'laptop', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGl0cyBhIHNlZWQga2V5IG9mIDMyIGJ5dGVzISE= seed',
           'SHA256:' || rpad(:n::text, 43, 'A'), now()
    FROM customers WHERE tenant_id = :tenant;
INSERT INTO cloudpod_pending_passwords (tenant_id, pod_id, purpose, password, created_at)
    SELECT tenant_id, id, 'create', 'seed-password-' || :n, now() FROM cloud_pods WHERE tenant_id = :tenant;
-- 0025 saved cards and automatic renewal charges.
INSERT INTO stripe_customers (tenant_id, customer_id, stripe_customer, created_at)
    SELECT tenant_id, id, 'cus_seed_' || replace(id::text, '-', ''), now() FROM customers WHERE tenant_id = :tenant;
INSERT INTO payment_cards (tenant_id, customer_id, payment_method, brand, last4, exp_month, exp_year, is_default,
                           created_at)
    SELECT tenant_id, id, 'pm_seed_' || replace(id::text, '-', ''), 'visa', '4242', 12, 2034, true, now()
    FROM customers WHERE tenant_id = :tenant;
INSERT INTO payment_settings (tenant_id) VALUES (:tenant);
INSERT INTO renewal_charges (tenant_id, invoice_id, attempt, payment_method, amount_minor, currency, state, created_at)
    SELECT tenant_id, id, 1, 'pm_seed_' || :n, 100, 'EUR', 'failed', now() FROM invoices WHERE tenant_id = :tenant;
-- 0026 domains: the registrar account and a domain.
INSERT INTO domain_registrars (tenant_id, api_base, api_key, updated_at)
    VALUES (:tenant, 'https://www.namesilo.com/api', 'key', now());
INSERT INTO domains (tenant_id, customer_id, name, registrar, origin, years, created_at, updated_at)
    SELECT tenant_id, id, 'seed' || :n || '.com', 'namesilo', 'register', 1, now(), now()
    FROM customers WHERE tenant_id = :tenant LIMIT 1;
INSERT INTO domain_findings (tenant_id, domain_id, kind, detail, first_seen_at, last_seen_at)
    SELECT tenant_id, id, 'expiry_differs', 'seed', now(), now() FROM domains WHERE tenant_id = :tenant;
INSERT INTO domain_registrar_prices (tenant_id, tld, currency, registration_minor, fetched_at)
    VALUES (:tenant, 'seed' || :n, 'USD', 1000, now());
-- 0030 monitoring: a node with a sample, a check with its status and an alert.
INSERT INTO monitoring_nodes (tenant_id, name, exporter_url, created_at)
    VALUES (:tenant, 'node' || :n, 'http://127.0.0.1:9100/metrics', now());
INSERT INTO monitoring_checks (tenant_id, name, kind, target, created_at)
    VALUES (:tenant, 'check' || :n, 'tcp', '127.0.0.1:22', now());
INSERT INTO monitoring_service_status (check_id, tenant_id, status, last_result, checked_at, changed_at)
    SELECT id, tenant_id, 'up', 'up', now(), now() FROM monitoring_checks WHERE tenant_id = :tenant;
INSERT INTO monitoring_alerts (tenant_id, check_id, kind, subject, opened_at)
    SELECT tenant_id, id, 'check_down', name, now() FROM monitoring_checks WHERE tenant_id = :tenant;
SELECT mpanel_monitoring_prepare_partitions(now());
INSERT INTO monitoring_samples (tenant_id, node_id, metric, at, value)
    SELECT tenant_id, id, 'load1', now(), 0.5 FROM monitoring_nodes WHERE tenant_id = :tenant;
-- 0034 monitoring rollups: a 5-minute and an hourly bucket of that node.
SELECT mpanel_monitoring_rollup_partition('monitoring_samples_5m', now()),
       mpanel_monitoring_rollup_partition('monitoring_samples_1h', now());
INSERT INTO monitoring_samples_5m (tenant_id, node_id, metric, at, value, min_value, max_value, samples)
    SELECT tenant_id, id, 'load1', date_bin('5 minutes', now(), 'epoch'), 0.5, 0.5, 0.5, 1
    FROM monitoring_nodes WHERE tenant_id = :tenant;
INSERT INTO monitoring_samples_1h (tenant_id, node_id, metric, at, value, min_value, max_value, samples)
    SELECT tenant_id, id, 'load1', date_trunc('hour', now()), 0.5, 0.5, 0.5, 1
    FROM monitoring_nodes WHERE tenant_id = :tenant;
-- 0028 SSL certificates.
INSERT INTO ssl_acme_accounts (tenant_id, directory_url, account_key_sealed, created_at)
    VALUES (:tenant, 'https://acme.seed' || :n || '.test/dir', 'sealed', now());
INSERT INTO ssl_certificates (tenant_id, names, created_at, updated_at)
    VALUES (:tenant, ARRAY['seed' || :n || '.test'], now(), now());
INSERT INTO ssl_http_challenges (token, tenant_id, certificate_id, key_authorization, created_at)
    SELECT 'seedtoken' || :n || 'xxxxxxxxxxxx', tenant_id, id, 'seed', now() FROM ssl_certificates WHERE tenant_id = :tenant;
-- 0027 mail: a host, an email product's plan, a domain with a mailbox, an alias and a DKIM key.
INSERT INTO mail_hosts (tenant_id, name, mx_host, reader_login, mail_root, is_default, created_at, updated_at)
    VALUES (:tenant, 'mx' || :n, 'mx' || :n || '.seed.test', 'seed_mail_reader_' || :n, '/var/mail/seed', true, now(), now());
INSERT INTO products (tenant_id, type, name) VALUES (:tenant, 'email', 'Seed mail ' || :n);
INSERT INTO mail_plans (tenant_id, product_id, max_mailboxes, max_quota_mb, updated_at)
    SELECT tenant_id, id, 5, 1024, now() FROM products WHERE tenant_id = :tenant AND type = 'email';
INSERT INTO mail_domains (tenant_id, host_id, name, created_at, updated_at)
    SELECT tenant_id, id, 'mail' || :n || '.seed.test', now(), now() FROM mail_hosts WHERE tenant_id = :tenant;
INSERT INTO mail_mailboxes (tenant_id, domain_id, local_part, password_hash, quota_mb, created_at, updated_at)
    SELECT tenant_id, id, 'info', '{ARGON2ID}$argon2id$seed', 1024, now(), now() FROM mail_domains WHERE tenant_id = :tenant;
INSERT INTO mail_aliases (tenant_id, domain_id, local_part, destinations, created_at, updated_at)
    SELECT tenant_id, id, 'sales', '{info@seed.test}', now(), now() FROM mail_domains WHERE tenant_id = :tenant;
INSERT INTO mail_dkim_keys (tenant_id, domain_id, selector, private_key, public_key, status, created_at)
    SELECT tenant_id, id, 'seed', 'seed', 'seed', 'active', now() FROM mail_domains WHERE tenant_id = :tenant;
-- 0035 guardian: settings, a source, a scan, a finding with a remediation and a block, an
-- allowlist entry and a firewall run.
INSERT INTO guardian_settings (tenant_id, updated_at) VALUES (:tenant, now());
INSERT INTO guardian_sources (tenant_id, host, path, format, created_at)
    VALUES (:tenant, 'web' || :n, '/var/log/auth.log', 'sshd', now());
INSERT INTO guardian_scans (tenant_id, origin, source_ids, created_at)
    SELECT tenant_id, 'requested', ARRAY[id], now() FROM guardian_sources WHERE tenant_id = :tenant;
INSERT INTO guardian_findings (tenant_id, kind, severity, subject, address, count, first_seen, last_seen, created_at, updated_at)
    VALUES (:tenant, 'brute_force', 'high', '192.0.2.' || :n, '192.0.2.' || :n, 10, now(), now(), now(), now());
INSERT INTO guardian_remediations (tenant_id, finding_id, action, target, created_at)
    SELECT tenant_id, id, 'block_address', subject, now() FROM guardian_findings WHERE tenant_id = :tenant;
INSERT INTO guardian_blocks (tenant_id, address, offence, ban_s, starts_at, expires_at)
    VALUES (:tenant, '192.0.2.' || :n, 1, 600, now(), now() + interval '10 minutes');
INSERT INTO guardian_allowlist (tenant_id, cidr, created_at) VALUES (:tenant, '10.' || :n || '.0.0/16', now());
INSERT INTO guardian_firewall_runs (tenant_id, host, mode, script, elements, applied, created_at)
    VALUES (:tenant, 'web' || :n, 'record', '', 0, false, now());
-- 0037 provisioning scripts and password resets.
INSERT INTO cloudpod_template_scripts (tenant_id, template_id, script, updated_at)
    SELECT tenant_id, id, 'echo seed ' || :n, now() FROM cloudpod_templates WHERE tenant_id = :tenant AND name = 'Mini';
INSERT INTO cloud_pod_scripts (tenant_id, pod_id, public_key, private_key, created_at)
    SELECT tenant_id, id, 'ssh-ed25519 AAAA seed' || :n, 'seed-private-' || :n, now() FROM cloud_pods WHERE tenant_id = :tenant;
INSERT INTO customer_password_resets (tenant_id, customer_id, token_hash, requested_from, mailed, created_at, expires_at)
    SELECT tenant_id, id, sha256(convert_to('seed-token-' || id::text, 'UTF8')), '127.0.0.1', true, now(), now()
    FROM customers WHERE tenant_id = :tenant;
-- 0032 mail: a counted send and a hold of the mailbox.
INSERT INTO mail_sends (tenant_id, domain_id, mailbox_id, sent_at, held)
    SELECT m.tenant_id, m.domain_id, m.id, now(), true FROM mail_mailboxes m WHERE m.tenant_id = :tenant;
INSERT INTO mail_send_holds (tenant_id, domain_id, mailbox_id, address, hour, limit_kind, limit_per_hour,
                             first_held_at, last_held_at)
    SELECT m.tenant_id, m.domain_id, m.id, 'info@seed.test', date_trunc('hour', now()), 'mailbox', 1, now(), now()
      FROM mail_mailboxes m WHERE m.tenant_id = :tenant;
