-- How many patients carry each vocabulary word, so a search ranks equally near typo
-- candidates by how common they are.
--
-- A search keeps only the few nearest vocabulary words of a misspelt token (issue 10:
-- hundreds of spellings of Nguyen or Smith share one sound code and two edits). Among words
-- equally near, a bare alphabetical order may keep "nguyn" and "nguyne" (one patient each)
-- and drop "nguyen" (a third of the registry); the count keeps the one people mean.
--
-- Counts grow with registrations and follow renames; nothing else lowers them (a merged or
-- inactive record still carries its name, like the vocabulary itself, which is never pruned).
-- The statement trigger upserts its words in word order, so two registrations sharing words
-- wait for each other instead of deadlocking.

alter table patient_name_words add column patients integer not null default 0;

update patient_name_words v
   set patients = c.n
  from (select p.organization_id, w, count(*)::int as n
          from patients p, unnest(p.name_keys) w
         where left(w, 1) <> '^'
         group by p.organization_id, w) c
 where v.organization_id = c.organization_id and v.word = c.w;

create or replace function patient_name_words_collect() returns trigger language plpgsql as $$
begin
  insert into patient_name_words (organization_id, word, sound, patients)
  select n.organization_id, w, dmetaphone(w), count(*)
    from changed n, unnest(n.name_keys) w
   where left(w, 1) <> '^'
   group by n.organization_id, w
   order by n.organization_id, w
  on conflict (organization_id, word) do update set patients = patient_name_words.patients + excluded.patients;
  return null;
end
$$;

create or replace function patient_name_words_collect_row() returns trigger language plpgsql as $$
begin
  insert into patient_name_words (organization_id, word, sound, patients)
  select new.organization_id, w, dmetaphone(w), 1
    from unnest(new.name_keys) w
   where left(w, 1) <> '^' and not (w = any (old.name_keys))
   order by w
  on conflict (organization_id, word) do update set patients = patient_name_words.patients + 1;
  update patient_name_words
     set patients = greatest(patients - 1, 0)
   where organization_id = old.organization_id
     and word in (select w from unnest(old.name_keys) w where left(w, 1) <> '^' and not (w = any (new.name_keys)));
  return null;
end
$$;

-- The view lists the table's columns as they were when it was made (select * is expanded then).
create or replace view patient_name_words_scoped as
  select * from patient_name_words where clinicdesk_tenant_visible(organization_id);
