-- Encounters: the clinical record of one visit (patient, rendering provider, location, date
-- of service, the appointment it came from), its SOAP note stored exactly as typed, vitals with
-- units and plausible ranges, ordered diagnoses, procedures with modifiers, units and diagnosis
-- pointers, a follow-up request, and the signature (and co-signature). Open -> signed; a signed
-- encounter changes only by addendum, which the trigger below enforces for every writer.

create table encounters (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  provider_id uuid not null,
  location_id uuid not null,
  -- The visit it documents; one encounter per appointment. Null: ad hoc (a phone call, a walk-in).
  appointment_id uuid references appointments (id),
  -- The location's calendar day of the visit.
  date_of_service date not null,
  status text not null default 'open' check (status in ('open', 'signed')),
  -- SOAP sections exactly as typed (escaping is the view's job); markdown is rendered safely by the view.
  note_format text not null default 'plain' check (note_format in ('plain', 'markdown')),
  subjective text not null default '' check (length(subjective) <= 20000),
  objective text not null default '' check (length(objective) <= 20000),
  assessment text not null default '' check (length(assessment) <= 20000),
  plan text not null default '' check (length(plan) <= 20000),
  -- Vitals: plausible ranges for any age (a newborn to a very tall adult), never a typo's 1200.
  systolic smallint check (systolic between 40 and 300),
  diastolic smallint check (diastolic between 20 and 200),
  heart_rate smallint check (heart_rate between 20 and 300),
  respiratory_rate smallint check (respiratory_rate between 4 and 80),
  spo2 smallint check (spo2 between 50 and 100),
  temperature_value numeric(4, 1),
  temperature_unit text check (temperature_unit in ('F', 'C')),
  weight_value numeric(6, 2),
  weight_unit text check (weight_unit in ('lb', 'kg')),
  height_value numeric(5, 1),
  height_unit text check (height_unit in ('in', 'cm')),
  -- Follow-up the plan asks for ("return in 90 days, follow-up visit").
  follow_up_in_days integer check (follow_up_in_days between 1 and 1830),
  follow_up_appointment_type_id uuid,
  follow_up_note text check (length(follow_up_note) <= 500),
  version integer not null default 1,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  signed_at timestamptz,
  signed_by uuid,
  -- Set at signing when the provider's settings name a supervisor (who must co-sign: that
  -- supervisor, as named then); the signature is complete once co-signed.
  cosign_required boolean not null default false,
  cosign_provider_id uuid,
  cosigned_at timestamptz,
  cosigned_by uuid,
  unique (organization_id, id),
  unique (appointment_id),
  foreign key (organization_id, patient_id) references patients (organization_id, id),
  foreign key (organization_id, provider_id) references providers (organization_id, id),
  foreign key (organization_id, location_id) references locations (organization_id, id),
  foreign key (organization_id, follow_up_appointment_type_id) references appointment_types (organization_id, id),
  foreign key (organization_id, created_by) references users (organization_id, id),
  foreign key (organization_id, signed_by) references users (organization_id, id),
  foreign key (organization_id, cosigned_by) references users (organization_id, id),
  foreign key (organization_id, cosign_provider_id) references providers (organization_id, id),
  constraint encounters_bp_pair check ((systolic is null) = (diastolic is null) and (systolic is null or systolic > diastolic)),
  constraint encounters_temperature check (
    (temperature_value is null) = (temperature_unit is null)
    and (temperature_unit is null
      or (temperature_unit = 'F' and temperature_value between 80 and 115)
      or (temperature_unit = 'C' and temperature_value between 26.5 and 46.0))),
  constraint encounters_weight check (
    (weight_value is null) = (weight_unit is null)
    and (weight_unit is null
      or (weight_unit = 'lb' and weight_value between 0.5 and 1500)
      or (weight_unit = 'kg' and weight_value between 0.2 and 680))),
  constraint encounters_height check (
    (height_value is null) = (height_unit is null)
    and (height_unit is null
      or (height_unit = 'in' and height_value between 8 and 108)
      or (height_unit = 'cm' and height_value between 20 and 275))),
  constraint encounters_follow_up check (follow_up_in_days is not null or (follow_up_appointment_type_id is null and follow_up_note is null)),
  constraint encounters_signature check (
    (status = 'signed') = (signed_at is not null) and (signed_at is null) = (signed_by is null)),
  constraint encounters_cosignature check (
    (cosigned_at is null) = (cosigned_by is null)
    and (cosigned_at is null or (cosign_required and signed_at is not null and cosigned_at >= signed_at))
    and (not cosign_required or status = 'signed')
    and (cosign_required = (cosign_provider_id is not null)))
);
create index encounters_patient on encounters (organization_id, patient_id, date_of_service desc, created_at desc);
create index encounters_provider_open on encounters (organization_id, provider_id, created_at) where status = 'open' or (cosign_required and cosigned_at is null);

-- Diagnoses in order (position 1 is the primary); the claim's pointers refer to these positions.
create table encounter_diagnoses (
  organization_id uuid not null,
  encounter_id uuid not null,
  position smallint not null check (position between 1 and 12),
  -- ICD-10-CM with its dot (E11.9); billable codes only (checked against the code set on write).
  code text not null check (code ~ '^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$'),
  primary key (encounter_id, position),
  unique (encounter_id, code),
  foreign key (organization_id, encounter_id) references encounters (organization_id, id) on delete cascade
);

-- Procedure lines: CPT or HCPCS code, up to four two-character modifiers, units, and one to four
-- 1-based pointers into the diagnoses (an open draft may have none yet; signing requires them).
create table encounter_procedures (
  organization_id uuid not null,
  encounter_id uuid not null,
  line smallint not null check (line between 1 and 50),
  code text not null check (code ~ '^([0-9]{4}[0-9FTU]|[A-V][0-9]{4})$'),
  modifiers text[] not null default '{}' check (
    cardinality(modifiers) <= 4 and array_to_string(modifiers, ',', '?') ~ '^([0-9A-Z]{2}(,[0-9A-Z]{2})*)?$'),
  units smallint not null default 1 check (units between 1 and 999),
  diagnosis_pointers smallint[] not null default '{}' check (
    cardinality(diagnosis_pointers) <= 4 and array_position(diagnosis_pointers, null) is null
    and 1 <= all (diagnosis_pointers) and 12 >= all (diagnosis_pointers)),
  primary key (encounter_id, line),
  foreign key (organization_id, encounter_id) references encounters (organization_id, id) on delete cascade
);

-- Addenda to a signed note: appended, signed by their author and timestamped; never edited.
create table encounter_addenda (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  encounter_id uuid not null,
  text text not null check (length(text) between 1 and 20000),
  author_id uuid not null,
  signed_at timestamptz not null default now(),
  foreign key (organization_id, encounter_id) references encounters (organization_id, id),
  foreign key (organization_id, author_id) references users (organization_id, id)
);
create index encounter_addenda_encounter on encounter_addenda (encounter_id, signed_at);
comment on table encounter_addenda is 'append-only: addenda to signed encounter notes';

-- Signed means locked, for every writer (the app, a console, a bug): once signed, an encounter's
-- content (note, vitals, codes, follow-up, provider, location, date, appointment, signature)
-- never changes. Allowed: the co-signature set once, patient_id re-pointed by a patient merge
-- (content untouched), and the version/updated_at bump that goes with either.
create or replace function encounters_signed_lock() returns trigger
  language plpgsql as $$
declare
  movable constant text[] := array['patient_id', 'version', 'updated_at', 'cosigned_at', 'cosigned_by'];
begin
  if tg_op = 'DELETE' then
    if old.status = 'signed' then
      raise exception 'encounter % is signed: it cannot be deleted', old.id using errcode = 'object_not_in_prerequisite_state';
    end if;
    return old;
  end if;
  if old.status <> 'signed' then
    return new;
  end if;
  if (to_jsonb(new) - movable) is distinct from (to_jsonb(old) - movable) then
    raise exception 'encounter % is signed: its content cannot change (add an addendum)', old.id
      using errcode = 'object_not_in_prerequisite_state';
  end if;
  if old.cosigned_at is not null
     and (new.cosigned_at is distinct from old.cosigned_at or new.cosigned_by is distinct from old.cosigned_by) then
    raise exception 'encounter % is already co-signed', old.id using errcode = 'object_not_in_prerequisite_state';
  end if;
  if (new.version is distinct from old.version or new.updated_at is distinct from old.updated_at)
     and new.patient_id is not distinct from old.patient_id
     and new.cosigned_at is not distinct from old.cosigned_at then
    raise exception 'encounter % is signed: only a co-signature or a patient merge may touch it', old.id
      using errcode = 'object_not_in_prerequisite_state';
  end if;
  return new;
end $$;

create trigger encounters_signed_lock before update or delete on encounters
  for each row execute function encounters_signed_lock();

-- The codes of a signed encounter are part of what was signed.
create or replace function encounter_codes_signed_lock() returns trigger
  language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE')
     and exists (select 1 from encounters e where e.id = old.encounter_id and e.status = 'signed') then
    raise exception 'encounter % is signed: its codes cannot change', old.encounter_id using errcode = 'object_not_in_prerequisite_state';
  end if;
  if tg_op in ('INSERT', 'UPDATE')
     and exists (select 1 from encounters e where e.id = new.encounter_id and e.status = 'signed') then
    raise exception 'encounter % is signed: its codes cannot change', new.encounter_id using errcode = 'object_not_in_prerequisite_state';
  end if;
  return coalesce(new, old);
end $$;

create trigger encounter_diagnoses_signed_lock before insert or update or delete on encounter_diagnoses
  for each row execute function encounter_codes_signed_lock();
create trigger encounter_procedures_signed_lock before insert or update or delete on encounter_procedures
  for each row execute function encounter_codes_signed_lock();

-- An addendum amends a signed note only; addenda are never edited or removed, even by the owner.
create or replace function encounter_addenda_guard() returns trigger
  language plpgsql as $$
begin
  if tg_op <> 'INSERT' then
    raise exception 'addenda are append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
  end if;
  if not exists (select 1 from encounters e where e.id = new.encounter_id and e.status = 'signed') then
    raise exception 'encounter % is not signed: edit the note instead of adding an addendum', new.encounter_id
      using errcode = 'object_not_in_prerequisite_state';
  end if;
  return new;
end $$;

create trigger encounter_addenda_guard before insert or update or delete on encounter_addenda
  for each row execute function encounter_addenda_guard();

-- Tenancy's second wall (migration 0089).
do $$
declare
  t text;
begin
  foreach t in array array['encounters', 'encounter_diagnoses', 'encounter_procedures', 'encounter_addenda'] loop
    execute format('alter table %I enable row level security', t);
    execute format(
      'create policy tenant_isolation on %I using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id))',
      t);
  end loop;
end $$;
