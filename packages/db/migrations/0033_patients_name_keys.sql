-- Patient search by words, not by scanning names.
--
-- Every patient carries search keys for their names (`name_keys`, GIN-indexed): each
-- distinct lowercased word, and each word's first 1 to 4 letters marked with '^'
-- ("smith" gives smith, ^s, ^sm, ^smi, ^smit). A typed token of up to 4 letters is
-- one key; a longer one is expanded through the organization's vocabulary of name
-- words (`patient_name_words`, with a phonetic key) into the few words it begins.
-- Typos are expanded the same way: candidates are sound-alikes, pg_trgm neighbours and
-- words with the same first two letters, kept when the edit distance is small. So every search
-- is exact key membership in one index. The vocabulary grows by trigger and is never
-- pruned: a word nobody has any more matches no one.
-- This replaces the trigram index over whole names, which had to recheck thousands
-- of rows for a three-letter prefix at a million patients.

create extension if not exists fuzzystrmatch;

-- The words of every name part split at anything but a letter or digit, plus each
-- part with those characters dropped, so "O'Brien" is found as "o", "brien" and "obrien".
create or replace function patient_name_words(given text, middle text, family text, preferred text)
returns text[] language sql immutable parallel safe as $$
  select coalesce(array_agg(distinct w order by w), '{}')
    from (
      select regexp_split_to_table(lower(concat_ws(' ', given, middle, family, preferred)), '[^a-z0-9]+') as w
      union all
      select regexp_replace(lower(x), '[^a-z0-9]+', '', 'g') from unnest(array[given, middle, family, preferred]) x
    ) s
   where w <> ''
$$;

-- The words, and '^' plus the first 1..4 letters of each.
create or replace function patient_name_keys(given text, middle text, family text, preferred text)
returns text[] language sql immutable parallel safe as $$
  select coalesce(array_agg(distinct k order by k), '{}')
    from unnest(patient_name_words(given, middle, family, preferred)) w,
         lateral (select w as k union all select '^' || left(w, n) from generate_series(1, least(4, length(w))) n) keys
$$;

alter table patients
  add column name_keys text[] generated always as (patient_name_keys(given_name, middle_name, family_name, preferred_name)) stored;

-- A small pending list: GIN's fast update appends new entries to a list that every search
-- scans whole until it is merged (at gin_pending_list_limit, default 4 MB, or by vacuum).
-- At 4 MB a two-word search at a million patients took 15 ms instead of 2; with no list
-- at all (fastupdate off) each new patient writes a dozen tree entries one by one. 128 kB
-- keeps the scan small and still merges entries in batches.
create index patients_name_keys on patients using gin (name_keys) with (fastupdate = on, gin_pending_list_limit = 128);
drop index if exists patients_search_name_trgm;
-- The padded name string it indexed has no reader left; computing it cost every insert a regexp.
alter table patients drop column search_name;
drop function patient_search_name(text, text, text, text);
alter index patients_phone_digits set (gin_pending_list_limit = 128);
select gin_clean_pending_list('patients_phone_digits'::regclass);

create table patient_name_words (
  organization_id uuid not null references organizations (id),
  word text collate "C" not null,
  -- Double Metaphone of the word ('' for digits): "Jhon" and "John" share 'JN'.
  sound text not null,
  primary key (organization_id, word)
);
create index patient_name_words_sound on patient_name_words (organization_id, sound) where sound <> '';
create index patient_name_words_trgm on patient_name_words using gin (word gin_trgm_ops);
-- Typo candidates with the same first two letters and nearly the same length (transpositions).
create index patient_name_words_shape on patient_name_words (organization_id, left(word, 2), length(word));

create or replace function patient_name_words_collect() returns trigger language plpgsql as $$
begin
  insert into patient_name_words (organization_id, word, sound)
  select distinct n.organization_id, w, dmetaphone(w)
    from changed n, unnest(n.name_keys) w
   where left(w, 1) <> '^'
  on conflict do nothing;
  return null;
end
$$;

-- One statement-level insert for a whole batch (imports, the benchmark generator);
-- updates only when a name changed.
create trigger patients_name_words_insert after insert on patients
  referencing new table as changed for each statement execute function patient_name_words_collect();

create or replace function patient_name_words_collect_row() returns trigger language plpgsql as $$
begin
  insert into patient_name_words (organization_id, word, sound)
  select new.organization_id, w, dmetaphone(w) from unnest(new.name_keys) w where left(w, 1) <> '^'
  on conflict do nothing;
  return null;
end
$$;

create trigger patients_name_words_update after update of given_name, middle_name, family_name, preferred_name on patients
  for each row when (old.name_keys is distinct from new.name_keys) execute function patient_name_words_collect_row();

insert into patient_name_words (organization_id, word, sound)
select distinct p.organization_id, w, dmetaphone(w) from patients p, unnest(p.name_keys) w where left(w, 1) <> '^'
on conflict do nothing;
