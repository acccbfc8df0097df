-- Patient registry: the rest of the demographics, search columns and indexes,
-- merge tombstones and import keys. Extends the table from 0003.

-- Lowercased letters of every name part, space-separated and padded, so
-- "like '% smi%'" is a word-prefix match the trigram index can serve.
create or replace function patient_search_name(given text, middle text, family text, preferred text)
returns text language sql immutable parallel safe as $$
  select ' ' || regexp_replace(lower(concat_ws(' ', given, middle, family, preferred)), '[^a-z0-9]+', ' ', 'g') || ' '
$$;

-- The national (10-digit) and local (last 7) digits of each NANP phone, for "phone digits" search.
create or replace function patient_phone_digits(phones jsonb)
returns text[] language sql immutable parallel safe as $$
  select coalesce(array_agg(d order by d), '{}')
    from (
      select distinct x.d
        from jsonb_array_elements(case when jsonb_typeof(phones) = 'array' then phones else '[]'::jsonb end) p,
             lateral (select right(regexp_replace(p ->> 'number', '\D', '', 'g'), 10) as n) n,
             lateral (select unnest(array[n.n, right(n.n, 7)]) as d) x
       where length(n.n) >= 7
    ) s
$$;

alter table patients
  add column preferred_contact_method text check (preferred_contact_method in ('phone', 'sms', 'email', 'mail', 'portal')),
  add column consent_email_reminders boolean not null default false,
  add column consent_sms_reminders boolean not null default false,
  -- [{ name, relationship, phone }]
  add column emergency_contacts jsonb not null default '[]'::jsonb,
  add column guarantor_kind text not null default 'self' check (guarantor_kind in ('self', 'patient', 'person')),
  add column guarantor_patient_id uuid references patients (id),
  -- { givenName, familyName, birthDate, relationship, phone, address } when the guarantor is another person
  add column guarantor_person jsonb,
  -- Front-desk alerts shown in the chart header, e.g. ["needs wheelchair"].
  add column alerts jsonb not null default '[]'::jsonb,
  add column merged_into_id uuid references patients (id),
  add column merged_at timestamptz,
  add column external_id text,
  -- Hash of the canonical registration body: an identical body posted twice is one patient.
  add column registration_hash text,
  add column search_name text generated always as (patient_search_name(given_name, middle_name, family_name, preferred_name)) stored,
  add column phone_digits text[] generated always as (patient_phone_digits(phones)) stored,
  add constraint patients_org_external_id unique (organization_id, external_id),
  add constraint patients_guarantor_shape check (
    (guarantor_kind = 'self' and guarantor_patient_id is null and guarantor_person is null)
    or (guarantor_kind = 'patient' and guarantor_patient_id is not null and guarantor_person is null)
    or (guarantor_kind = 'person' and guarantor_patient_id is null and guarantor_person is not null)),
  add constraint patients_merged_shape check ((status = 'merged') = (merged_into_id is not null)),
  add constraint patients_deceased_shape check (deceased_date is null or status in ('deceased', 'merged'));

-- Search at a million patients: trigram GIN on the normalized name, btree on birth date,
-- GIN on phone digits; MRN is served by unique (organization_id, mrn).
create index patients_search_name_trgm on patients using gin (search_name gin_trgm_ops);
create index patients_org_birth_date on patients (organization_id, birth_date);
create index patients_phone_digits on patients using gin (phone_digits);
create index patients_registration_hash on patients (organization_id, registration_hash) where registration_hash is not null;
create index patients_merged_into on patients (merged_into_id) where merged_into_id is not null;
create index patients_guarantor on patients (guarantor_patient_id) where guarantor_patient_id is not null;
create index patient_care_team_user on patient_care_team (user_id);
