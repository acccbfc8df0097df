-- Names are searched as written and as typed (issue 11): "jose nunez" finds José Ñúñez, and a
-- name in another script (Дмитрий, 王小明, Nguyễn) has search keys at all. Until now a word was
-- split at anything but a-z and 0-9, so "José" was keyed "jos" and "王小明" not at all.
--
-- clinicdesk_fold_name(t): lowercase, decompose (NFD), drop the combining diacritics (U+0300-036F;
-- other scripts' marks, such as kana voicing, stay part of the letter), then spell the letters
-- that do not decompose (đ ð ø ł ħ ı ŧ ß æ œ þ) in plain Latin, and write Greek final sigma as σ
-- (JavaScript lowercases a word-final Σ to ς, PostgreSQL to σ). patients/fold-name.ts
-- does exactly the same to what is typed; tests/integration/patients-name-folding.test.ts
-- holds the two to one answer on both database versions.
--
-- lower() follows the collation: under the embedded server's C locale it lowers ASCII only, so
-- the function names a collation that lowers every script where the server has one
-- (PostgreSQL 17's built-in pg_c_utf8, else ICU's root locale).
do $do$
declare
  coll text := case
    when exists (select from pg_collation where collname = 'pg_c_utf8') then 'pg_c_utf8'
    when exists (select from pg_collation where collname = 'und-x-icu') then 'und-x-icu'
    else 'default' end;
begin
  execute format($f$
    create or replace function clinicdesk_fold_name(t text) returns text
    language sql immutable parallel safe strict as $b$
      select replace(replace(replace(replace(
               translate(lower(regexp_replace(normalize(lower(t collate %I), NFD), '[\u0300-\u036f]', '', 'g')),
                         'đðøłħıŧĐÐØŁĦŦς', 'ddolhitddolhtσ'),
               'ß', 'ss'), 'æ', 'ae'), 'œ', 'oe'), 'þ', 'th')
    $b$$f$, coll);
end
$do$;

-- Words are split at spaces and punctuation (ASCII, and the Unicode marks names carry: curly
-- apostrophes, dashes, the middle dot, CJK commas, no-break and ideographic spaces), never at
-- letters of any script. Each part with its punctuation dropped is a word too ("obrien").
create or replace function patient_name_words(given text, middle text, family text, preferred text)
returns text[] language sql immutable parallel safe as $$
  select coalesce(array_agg(distinct w order by w), '{}')
    from (
      select regexp_split_to_table(x, '[[:space:]!-/:-@[-`{-~]+') as w
        from (select translate(clinicdesk_fold_name(concat_ws(' ', given, middle, family, preferred)),
                               E'\u2019\u2018\u2010\u2011\u2013\u2014\u00b7\u3001\uff0c\u3000\u00a0', E'\'\'-----,,  ') as x) f
      union all
      select regexp_replace(translate(clinicdesk_fold_name(p), E'\u2019\u2018\u2010\u2011\u2013\u2014\u00b7\u3001\uff0c\u3000\u00a0', E'\'\'-----,,  '),
                            '[[:space:]!-/:-@[-`{-~]+', '', 'g')
        from unnest(array[given, middle, family, preferred]) p
    ) s
   where w <> ''
$$;

-- Recompute every row's keys (a stored generated column is computed again when its row is
-- written) with the vocabulary trigger off, then rebuild the vocabulary and its counts whole.
alter table patients disable trigger patients_name_words_update;
update patients set given_name = given_name;
alter table patients enable trigger patients_name_words_update;

delete from patient_name_words;
insert into patient_name_words (organization_id, word, sound, patients)
select p.organization_id, w, dmetaphone(w), count(*)
  from patients p, unnest(p.name_keys) w
 where left(w, 1) <> '^'
 group by p.organization_id, w;
