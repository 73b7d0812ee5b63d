-- Notification e-mail: the sender of email_outbox (0006). Each tenant's relay and sender address,
-- the outbox's delivery bookkeeping (attempts, backoff, the last SMTP error), and each customer's
-- language for the mails they get.

CREATE TABLE notification_settings (
    tenant_id uuid PRIMARY KEY REFERENCES tenants (id),
    from_address text NOT NULL CHECK (length(from_address) BETWEEN 3 AND 254),
    from_name text NOT NULL DEFAULT '' CHECK (length(from_name) <= 200),
    reply_to text CHECK (length(reply_to) BETWEEN 3 AND 254),
    smtp_host text NOT NULL CHECK (length(smtp_host) BETWEEN 1 AND 253),
    smtp_port integer NOT NULL CHECK (smtp_port BETWEEN 1 AND 65535),
    -- starttls: plain connection upgraded with STARTTLS, which must succeed; tls: TLS from the
    -- first byte (port 465); none: loopback relays only (the service refuses it elsewhere).
    tls_mode text NOT NULL CHECK (tls_mode IN ('starttls', 'tls', 'none')),
    smtp_user text CHECK (length(smtp_user) BETWEEN 1 AND 254),
    -- Write-only: staff logins cannot read it (grants below) and the API never answers it.
    smtp_password text CHECK (length(smtp_password) BETWEEN 1 AND 500),
    password_set boolean GENERATED ALWAYS AS (smtp_password IS NOT NULL) STORED,
    -- A message that failed this many times is failed for good (staff may retry it).
    max_attempts integer NOT NULL DEFAULT 8 CHECK (max_attempts BETWEEN 1 AND 50),
    -- "Your renewal is coming up" goes out this many days before the due date (0: never).
    renewal_notice_days integer NOT NULL DEFAULT 7 CHECK (renewal_notice_days BETWEEN 0 AND 90),
    enabled boolean NOT NULL DEFAULT true,
    updated_at timestamptz NOT NULL
);
SELECT mpanel_isolate_tenant_table('notification_settings');
REVOKE SELECT ON notification_settings FROM mpanel_staff;
GRANT SELECT (tenant_id, from_address, from_name, reply_to, smtp_host, smtp_port, tls_mode, smtp_user, password_set,
              max_attempts, renewal_notice_days, enabled, updated_at) ON notification_settings TO mpanel_staff;

ALTER TABLE email_outbox
    ADD COLUMN attempts integer NOT NULL DEFAULT 0,
    -- Not before this time (backoff after a failed attempt); NULL: at once.
    ADD COLUMN next_attempt_at timestamptz,
    ADD COLUMN last_attempt_at timestamptz,
    -- The relay's answer (or the connection error) of the last failed attempt, for staff.
    ADD COLUMN last_error text,
    ADD COLUMN failed_at timestamptz,
    -- The Subject line as sent, for the staff list.
    ADD COLUMN subject text;
CREATE INDEX email_outbox_due_idx ON email_outbox (tenant_id, (coalesce(next_attempt_at, created_at)))
    WHERE status = 'queued';
CREATE INDEX email_outbox_list_idx ON email_outbox (tenant_id, created_at DESC, id DESC);
SELECT mpanel_notify_changes_of('email_outbox', 'mpanel_changed_email_outbox');

-- Which language a customer's mail is written in ('en', 'de'); NULL: from the country.
ALTER TABLE customers ADD COLUMN language text CHECK (language IN ('en', 'de'));
GRANT SELECT (language), UPDATE (language) ON customers TO mpanel_staff;
