-- SSL, second part: DNS-01 through the DNS module, installation on a target (nginx), orders paced
-- per ACME account, and certificates AutoSSL asked for on behalf of a domain or a CloudPod.

ALTER TABLE ssl_certificates
    -- The order whose DNS-01 TXT records were handed to the DNS module (they are published once).
    ADD COLUMN dns_published_order text,
    -- When the certificate's next order may be placed: paced so that no window of the CA's
    -- rate limit (Let's Encrypt: 300 new orders per account per 3 hours) sees more orders.
    ADD COLUMN order_slot_at timestamptz,
    -- What the install target serves now, and the last installation's error.
    ADD COLUMN installed_serial text,
    ADD COLUMN installed_at timestamptz,
    ADD COLUMN install_error text CHECK (length(install_error) <= 2000),
    -- AutoSSL: the domain or CloudPod the certificate was asked for (one each).
    ADD COLUMN source_type text CHECK (source_type IN ('domain', 'cloud_pod')),
    ADD COLUMN source_id text CHECK (length(source_id) <= 100),
    ADD CONSTRAINT ssl_certificates_source_both CHECK ((source_type IS NULL) = (source_id IS NULL));

CREATE UNIQUE INDEX ssl_certificates_source_uq ON ssl_certificates (tenant_id, source_type, source_id)
    WHERE source_type IS NOT NULL AND status <> 'revoked';
-- The pacing counts a tenant's orders of the last window.
CREATE INDEX ssl_certificates_order_slot_idx ON ssl_certificates (tenant_id, order_slot_at)
    WHERE order_slot_at IS NOT NULL;

GRANT SELECT (dns_published_order, order_slot_at, installed_serial, installed_at, install_error, source_type,
              source_id)
    ON ssl_certificates TO mpanel_staff;

-- Account key rollover (RFC 8555 section 7.3.5): the next key is made and committed before the CA
-- is asked to switch, so a run that loses the CA's answer finds the account under it.
ALTER TABLE ssl_acme_accounts ADD COLUMN next_key_sealed text, ADD COLUMN key_rolled_at timestamptz;
GRANT SELECT (key_rolled_at) ON ssl_acme_accounts TO mpanel_staff;

-- The console's SSL actions run on the staff member's own login (commands::runStaffWrite): they
-- may ask for a certificate and mark it for renewal, never touch a key or what a job records.
GRANT INSERT (tenant_id, customer_id, names, challenge, source_type, source_id, created_at, updated_at)
    ON ssl_certificates TO mpanel_staff;
GRANT UPDATE (status, order_slot_at, updated_at) ON ssl_certificates TO mpanel_staff;
