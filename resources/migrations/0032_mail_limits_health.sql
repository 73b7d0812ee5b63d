-- Email hosting, second part: outbound sending limits per mailbox and per domain (from the plan),
-- enforced by the mail host's Postfix through mpanel_mail_send_check(); the messages it holds,
-- for the Guardian; and the last DNS health check of each mail domain.

-- Messages an hour: NULL is no limit.
ALTER TABLE mail_plans
    ADD COLUMN mailbox_sends_per_hour integer CHECK (mailbox_sends_per_hour BETWEEN 0 AND 1000000),
    ADD COLUMN domain_sends_per_hour integer CHECK (domain_sends_per_hour BETWEEN 0 AND 1000000);
ALTER TABLE mail_domains
    ADD COLUMN mailbox_sends_per_hour integer CHECK (mailbox_sends_per_hour BETWEEN 0 AND 1000000),
    ADD COLUMN domain_sends_per_hour integer CHECK (domain_sends_per_hour BETWEEN 0 AND 1000000),
    -- The last check of MX, SPF, DKIM and DMARC against the authoritative servers (MailDnsHealth).
    ADD COLUMN dns_health jsonb CHECK (dns_health IS NULL OR jsonb_typeof(dns_health) = 'object'),
    ADD COLUMN dns_checked_at timestamptz;

-- One row per message a mailbox of a domain with a limit submitted in the last hour (held ones
-- included): the window the limits count in. Written only by mpanel_mail_send_check (the mail
-- host's login, through the function), which also drops the domain's rows older than the window.
CREATE TABLE mail_sends (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id uuid NOT NULL,
    domain_id uuid NOT NULL,
    mailbox_id uuid NOT NULL,
    sent_at timestamptz NOT NULL,
    held boolean NOT NULL,
    FOREIGN KEY (tenant_id, domain_id) REFERENCES mail_domains (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX mail_sends_mailbox_idx ON mail_sends (mailbox_id, sent_at);
CREATE INDEX mail_sends_domain_idx ON mail_sends (domain_id, sent_at);

-- A mailbox that went over a limit: one row per mailbox and hour however many messages were held,
-- announced once as mail.sending_limit_exceeded (the Guardian's finding).
CREATE TABLE mail_send_holds (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id uuid NOT NULL,
    domain_id uuid NOT NULL,
    mailbox_id uuid NOT NULL,
    address text NOT NULL,
    hour timestamptz NOT NULL,
    -- Which limit: the mailbox's own, or the domain's total.
    limit_kind text NOT NULL CHECK (limit_kind IN ('mailbox', 'domain')),
    limit_per_hour integer NOT NULL,
    held integer NOT NULL DEFAULT 1 CHECK (held >= 1),
    first_held_at timestamptz NOT NULL,
    last_held_at timestamptz NOT NULL,
    announced_at timestamptz,
    UNIQUE (mailbox_id, hour),
    FOREIGN KEY (tenant_id, domain_id) REFERENCES mail_domains (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX mail_send_holds_tenant_idx ON mail_send_holds (tenant_id, first_held_at DESC);

SELECT mpanel_isolate_tenant_table('mail_sends', false);
SELECT mpanel_isolate_tenant_table('mail_send_holds', false);

-- Postfix's check_sasl_access lookup on the mail host, once per message (smtpd_data_restrictions):
-- the authenticated login's message is counted, and over the mailbox's or the domain's hourly
-- limit it answers HOLD (Postfix keeps the message in its hold queue) and records the hold; the
-- first hold of a mailbox in an hour queues mail.announce_send_holds. Anything else: DUNNO.
-- It runs as the owner (past row-level security) and sees only the domains of the host whose
-- reader login calls it, like the mail_host_* views. One domain's messages are counted one at a
-- time (an advisory lock), so racing messages cannot all slip under a limit. The window is the
-- mail host's real hour (now()), as Postfix's own anvil rates are.
CREATE FUNCTION mpanel_mail_send_check(p_login text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    box record;
    mailbox_sent integer;
    domain_sent integer;
    kind text;
    lim integer;
    hold_id uuid;
    fresh boolean;
BEGIN
    SELECT m.id, m.tenant_id, m.domain_id, m.local_part || '@' || d.name AS address,
           d.mailbox_sends_per_hour, d.domain_sends_per_hour
      INTO box
      FROM mail_mailboxes m
      JOIN mail_domains d ON d.id = m.domain_id
      JOIN mail_hosts h ON h.id = d.host_id
     WHERE h.reader_login = session_user AND h.enabled AND d.status = 'active'
       AND m.enabled AND m.status = 'active'
       AND m.local_part || '@' || d.name = lower(p_login);
    IF NOT FOUND OR (box.mailbox_sends_per_hour IS NULL AND box.domain_sends_per_hour IS NULL) THEN
        RETURN 'DUNNO';
    END IF;
    PERFORM pg_advisory_xact_lock(hashtextextended('mail_sends:' || box.domain_id::text, 0));
    -- Older sends count for nothing: the window is the last hour.
    DELETE FROM mail_sends s WHERE s.domain_id = box.domain_id AND s.sent_at <= now() - interval '1 hour';
    SELECT count(*) FILTER (WHERE s.mailbox_id = box.id), count(*)
      INTO mailbox_sent, domain_sent
      FROM mail_sends s
     WHERE s.domain_id = box.domain_id AND s.sent_at > now() - interval '1 hour';
    IF box.mailbox_sends_per_hour IS NOT NULL AND mailbox_sent >= box.mailbox_sends_per_hour THEN
        kind := 'mailbox';
        lim := box.mailbox_sends_per_hour;
    ELSIF box.domain_sends_per_hour IS NOT NULL AND domain_sent >= box.domain_sends_per_hour THEN
        kind := 'domain';
        lim := box.domain_sends_per_hour;
    END IF;
    INSERT INTO mail_sends (tenant_id, domain_id, mailbox_id, sent_at, held)
    VALUES (box.tenant_id, box.domain_id, box.id, now(), kind IS NOT NULL);
    IF kind IS NULL THEN
        RETURN 'DUNNO';
    END IF;
    INSERT INTO mail_send_holds AS h (tenant_id, domain_id, mailbox_id, address, hour, limit_kind,
                                      limit_per_hour, first_held_at, last_held_at)
    VALUES (box.tenant_id, box.domain_id, box.id, box.address, date_trunc('hour', now()), kind, lim,
            now(), now())
    ON CONFLICT (mailbox_id, hour) DO UPDATE SET held = h.held + 1, last_held_at = EXCLUDED.last_held_at
    RETURNING h.id, (h.xmax = 0) INTO hold_id, fresh;
    IF fresh THEN
        INSERT INTO jobs (tenant_id, kind, payload, run_at, max_attempts, unique_key, related_type,
                          related_id, created_at)
        VALUES (box.tenant_id, 'mail.announce_send_hold', jsonb_build_object('id', hold_id), now(), 10,
                'mail.announce_send_hold:' || hold_id, 'mail_mailbox', box.id::text, now());
    END IF;
    RETURN 'HOLD ' || kind || ' sending limit of ' || lim || ' messages an hour reached';
END $$;
REVOKE ALL ON FUNCTION mpanel_mail_send_check(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mpanel_mail_send_check(text) TO mpanel_mail_reader;

-- The console's Email section shows holds as they come.
SELECT mpanel_notify_changes_of('mail_send_holds', 'mpanel_changed_mail');
