-- Hardening: one address never belongs to two IP pools of the same cluster, so it can never go to
-- two pods. An exclusion constraint (not a check in code) holds under concurrent inserts too.
-- btree_gist lets the GiST index compare the cluster id with =; it is a trusted extension, so the
-- schema owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- PostgreSQL has no range type over inet; this one is only used by the constraint below.
CREATE TYPE mpanel_inet_range AS RANGE (subtype = inet);

ALTER TABLE ip_pools ADD CONSTRAINT ip_pools_no_overlap
    EXCLUDE USING gist (tenant_id WITH =, cluster_id WITH =,
                        mpanel_inet_range(first_address, last_address, '[]') WITH &&);

-- An API token belongs to the staff member it was made for (NULL: a service token, such as the
-- demo's): deactivating that staff member cuts their tokens off with their sign-in.
ALTER TABLE api_tokens ADD COLUMN staff_id bigint REFERENCES staff (id);
CREATE INDEX api_tokens_staff_idx ON api_tokens (staff_id) WHERE staff_id IS NOT NULL;
