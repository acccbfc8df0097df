-- Recall outreach (the campaigns module's email and text stages) goes through the message log
-- as kind 'recall', its words in `body`. The kind check is rebuilt from the values already
-- allowed, as migration 0240 did, so values other migrations add are kept.
do $$
declare
  def text;
  vals text[];
begin
  select pg_get_constraintdef(c.oid) into def
    from pg_constraint c
   where c.conrelid = 'messages'::regclass and c.contype = 'c' and c.conname = 'messages_kind_check';
  if def ~ '\{' then
    vals := string_to_array(substring(def from '\{([^}]*)\}'), ',');
  else
    vals := array(select m[1] from regexp_matches(def, '''([a-z0-9_]+)''', 'g') as m);
  end if;
  if coalesce(array_length(vals, 1), 0) < 3 then
    raise exception 'could not read the values of messages_kind_check: %', def;
  end if;
  alter table messages drop constraint messages_kind_check;
  vals := array(select distinct k from unnest(vals || array['recall']) as k order by k);
  execute format('alter table messages add constraint messages_kind_check check (kind = any (%L::text[]))', vals);
end $$;
alter table messages add constraint messages_recall_body check (kind <> 'recall' or body is not null);
