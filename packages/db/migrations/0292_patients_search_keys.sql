-- Name search reads one practice's keys, not the database's (issue 10: the search cliff).
--
-- The GIN index on name_keys (migration 0033) held every practice's keys together. A search
-- for "s" in one practice read the posting list of every patient in the database with a word
-- beginning with s, and the planner then ANDed it with a bitmap of the practice's whole
-- registry (patients_org_external_id) to drop the other practices' rows. Both bitmaps grew
-- with the database, whatever the answer: with four registries of a million patients in one
-- database, a search cost 40-45 ms of database CPU, most of it in those two scans.
--
-- The index now holds the same keys, each prefixed with the first 8 hex digits of the
-- practice's id (patient_search_keys). A search's bitmap is its practice's matches; two
-- practices sharing those digits share posting lists, and the search's organization condition
-- still tells their rows apart. An expression over the stored keys, not a second stored
-- column: that would compute the keys twice on every registration (patient_name_keys took
-- about 50 µs a row here), where this prefixes them (a few µs a row). The expression is
-- computed again only where a bitmap page went lossy (a one-letter key in a large practice),
-- for the rows read until the search's candidate limit.
--
-- The index is built in this migration's transaction: writes to patients wait for it (seconds
-- for tens of thousands of patients).
create function patient_search_keys(organization_id uuid, keys text[])
returns text[] language sql immutable parallel safe as $$
  select coalesce(array_agg(left(organization_id::text, 8) || ':' || k), '{}') from unnest(keys) k
$$;

-- The same pending list as the index it replaces (migration 0033 says why 128 kB).
create index patients_search_keys on patients using gin (patient_search_keys(organization_id, name_keys))
  with (fastupdate = on, gin_pending_list_limit = 128);
drop index patients_name_keys;

-- Statistics for the new expression: the planner's estimates of a key's rows come from them,
-- and only ANALYZE (not the index build, not autovacuum until enough rows change) makes them.
analyze patients;
