-- Customer search that stays index-backed under row-level security, and a signup throttle.
--
-- Why a function: under RLS PostgreSQL only uses a qual as an index condition when it is
-- leakproof or the policy has already been checked, and lower() and LIKE are not leakproof. So
-- with the tenant policy on, neither the trigram indexes nor a lower(name) range could narrow
-- the scan: every search walked the tenant's name btree and filtered row by row (0.5-3.4 s at
-- 1,000,000 customers). mpanel_customer_search() runs as the schema owner (no RLS), puts the
-- tenant into its own WHERE, and returns only ids; the caller reads the rows by id through RLS
-- as before. EXECUTE plans each call with the real pattern. A substring search first takes up
-- to 2,000 matches in any order (trigram bitmap); fewer than that are all of them and are
-- sorted in memory. A more common term walks the covering name index in list order, reading
-- search_text from the index, never the heap, until the page is full.

-- One lowered text per customer that every search form matches against.
ALTER TABLE customers
    ADD COLUMN search_text text GENERATED ALWAYS AS (lower(name || ' ' || email || ' ' || company)) STORED;

DROP INDEX customers_name_trgm;
DROP INDEX customers_email_trgm;
DROP INDEX customers_company_trgm;
CREATE INDEX customers_search_trgm ON customers USING gin (search_text gin_trgm_ops);
-- The name order of the list, covering the search text so a filtered walk is index-only
-- (an index-only scan needs the plain name column for the lower(name) key).
DROP INDEX customers_name_idx;
CREATE INDEX customers_name_idx ON customers (tenant_id, lower(name), id) INCLUDE (name, search_text);

-- The tenant whose rows the calling session may see: the service's own login (the owner of
-- this function) names it per transaction; a staff login gets the one of its staff row. A staff
-- login setting mpanel.tenant_id itself changes nothing.
CREATE FUNCTION mpanel_visible_tenant() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
    SELECT CASE WHEN session_user = current_user THEN mpanel_setting_tenant() ELSE mpanel_staff_tenant() END
$$;

-- Ids of one page of the visible tenant's customers matching a search, in list order.
--   pattern       LIKE pattern (lowered, escaped with backslash): against search_text, or
--                 against the name when name_prefix is given; NULL for no search
--   name_prefix   lowered name prefix (one or two letters), or NULL
--   status        '' for any
--   sort_key      'name' | 'email' | 'created_at'; descending for '-name' etc.
--   after_key / after_id   the keyset cursor (NULL for the first page)
CREATE FUNCTION mpanel_customer_search(pattern text, name_prefix text, status text, sort_key text,
                                       descending boolean, after_key text, after_id uuid, max_rows integer)
RETURNS SETOF uuid ROWS 50
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    tenant uuid := mpanel_visible_tenant();
    key_expr text;
    key_cast text;
    dir text := CASE WHEN descending THEN 'DESC' ELSE 'ASC' END;
    cmp text := CASE WHEN descending THEN '<' ELSE '>' END;
    filter text := '';
    bound constant integer := 2000;
    ids uuid[];
    matches bigint;
    last_code integer := ascii(right(name_prefix, 1));
    prefix_end text; -- the least string above every string that starts with name_prefix
BEGIN
    IF tenant IS NULL THEN
        RETURN;
    END IF;
    CASE sort_key
        WHEN 'name' THEN key_expr := 'lower(c.name)'; key_cast := 'text';
        WHEN 'email' THEN key_expr := 'lower(c.email)'; key_cast := 'text';
        WHEN 'created_at' THEN key_expr := 'c.created_at'; key_cast := 'timestamptz';
        ELSE RAISE EXCEPTION 'unknown customer sort key %', sort_key USING ERRCODE = '22023';
    END CASE;
    IF name_prefix IS NOT NULL THEN
        -- A range on the name btree, which also gives the list order: a text_pattern_ops index
        -- would give the range only, and every match would then be sorted. The LIKE decides.
        IF last_code < 1114111 THEN
            prefix_end := left(name_prefix, -1)
                          || chr(CASE WHEN last_code + 1 BETWEEN 55296 AND 57343 THEN 57344 ELSE last_code + 1 END);
        END IF;
        filter := ' AND lower(c.name) >= $3 AND ($8 IS NULL OR lower(c.name) < $8) AND lower(c.name) LIKE $2';
    ELSIF pattern IS NOT NULL THEN
        filter := ' AND c.search_text LIKE $2';
    END IF;
    IF status <> '' THEN
        filter := filter || ' AND c.status = $4';
    END IF;
    IF after_id IS NOT NULL THEN
        filter := filter || format(' AND (%s, c.id) %s ($5::%s, $6)', key_expr, cmp, key_cast);
    END IF;

    IF name_prefix IS NULL AND pattern IS NOT NULL THEN
        -- Substring: fetch up to `bound` matches in any order (the trigram bitmap, or a scan
        -- that stops early). Fewer than that: they are all the matches, sort them here. The
        -- work is bounded by `bound` rows however the matches lie in the list order.
        EXECUTE format('SELECT array_agg(m.id ORDER BY m.k %s, m.id %s), count(*) FROM '
                       '(SELECT c.id, %s AS k FROM customers c WHERE c.tenant_id = $1%s LIMIT %s) m',
                       dir, dir, key_expr, filter, bound)
            INTO ids, matches
            USING tenant, pattern, name_prefix, status, after_key, after_id, max_rows, prefix_end;
        IF matches < bound THEN
            RETURN QUERY SELECT u FROM unnest(ids[1:max_rows]) AS u;
            RETURN;
        END IF;
        -- A common term (at least one row in 500 at 1,000,000): walking the list order, the
        -- page fills after a few thousand index entries when the matches are spread out.
    END IF;
    RETURN QUERY EXECUTE format('SELECT c.id FROM customers c WHERE c.tenant_id = $1%s ORDER BY %s %s, c.id %s LIMIT $7',
                                filter, key_expr, dir, dir)
        USING tenant, pattern, name_prefix, status, after_key, after_id, max_rows, prefix_end;
END $$;
REVOKE ALL ON FUNCTION mpanel_customer_search(text, text, text, text, boolean, text, uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION mpanel_customer_search(text, text, text, text, boolean, text, uuid, integer)
    TO mpanel_app, mpanel_staff;

-- Self-signup is throttled per remote address in the same table as failed sign-ins.
ALTER TABLE sign_in_failures DROP CONSTRAINT sign_in_failures_scope_check;
ALTER TABLE sign_in_failures ADD CONSTRAINT sign_in_failures_scope_check
    CHECK (scope IN ('account', 'address', 'signup'));
