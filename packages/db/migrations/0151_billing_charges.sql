-- Charges: one per procedure line of a signed encounter, priced from the standard fee schedule
-- in force on the date of service (or the procedure list's default fee), reviewed by a biller
-- before claiming. States: `needs_price` (nothing priced it: amount 0 until a biller sets one),
-- `review` (new, priced), `approved` (ready to claim), `void` (with a reason). Approved and
-- void charges are final: the trigger refuses any change to what they bill, whoever writes.

create table charges (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null references organizations (id),
  patient_id uuid not null,
  encounter_id uuid not null,
  -- The encounter's procedure line (1-based), as signed.
  line integer not null check (line between 1 and 99),
  provider_id uuid not null,
  location_id uuid not null,
  date_of_service date not null,
  procedure_code text not null check (procedure_code ~ '^([0-9]{4}[0-9A-Z]|[A-Z][0-9]{4})$'),
  modifiers text[] not null default '{}' check (cardinality(modifiers) <= 4),
  units integer not null check (units between 1 and 999),
  diagnosis_pointers integer[] not null check (cardinality(diagnosis_pointers) between 1 and 4),
  -- The encounter's diagnoses as signed, in order (pointers index them), and the ICD-10-CM codes
  -- this line's pointers name: claims and corrections read no encounter.
  encounter_diagnoses text[] not null check (cardinality(encounter_diagnoses) between 1 and 12),
  diagnosis_codes text[] not null check (cardinality(diagnosis_codes) = cardinality(diagnosis_pointers)),
  unit_price_cents bigint not null check (unit_price_cents >= 0),
  amount_cents bigint not null check (amount_cents between 0 and 100000000),
  price_source text not null check (price_source in ('fee_schedule', 'procedure_list', 'none', 'manual')),
  status text not null check (status in ('needs_price', 'review', 'approved', 'void')),
  approved_at timestamptz,
  approved_by uuid references users (id),
  void_reason text check (length(void_reason) between 1 and 500),
  voided_at timestamptz,
  voided_by uuid references users (id),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (organization_id, id),
  -- One charge per line of a signature: a second delivery of encounter.signed adds nothing.
  unique (encounter_id, line),
  check (status <> 'needs_price' or (amount_cents = 0 and price_source = 'none')),
  check (status <> 'approved' or approved_at is not null),
  check ((status = 'void') = (void_reason is not null and voided_at is not null)),
  foreign key (organization_id, patient_id) references patients (organization_id, id),
  foreign key (organization_id, encounter_id) references encounters (organization_id, id),
  foreign key (organization_id, provider_id) references providers (organization_id, id),
  foreign key (organization_id, location_id) references locations (organization_id, id)
);
-- The review queue: by status, date of service.
create index charges_queue on charges (organization_id, status, date_of_service, encounter_id, line);
create index charges_encounter on charges (organization_id, encounter_id, line);
create index charges_patient on charges (patient_id, date_of_service);

alter table charges enable row level security;
create policy tenant_isolation on charges
  using (clinicdesk_tenant_visible(organization_id)) with check (clinicdesk_tenant_visible(organization_id));

-- Final means final: an approved charge may only be voided (nothing it bills changes), a void one
-- not at all; a patient merge may still re-point patient_id. Neither is deleted.
create function charges_final_lock() returns trigger language plpgsql as $$
declare
  bookkeeping constant text[] := array['patient_id', 'version', 'updated_at'];
  voiding constant text[] := array['status', 'void_reason', 'voided_at', 'voided_by'];
begin
  if tg_op = 'DELETE' then
    if old.status in ('approved', 'void') then
      raise exception 'charge % is %: it is never deleted', old.id, old.status using errcode = 'check_violation';
    end if;
    return old;
  end if;
  if old.status = 'void' and (to_jsonb(new) - bookkeeping) <> (to_jsonb(old) - bookkeeping) then
    raise exception 'charge % is void: it does not change', old.id using errcode = 'check_violation';
  end if;
  if old.status = 'approved' then
    if new.status = 'void' then
      if (to_jsonb(new) - bookkeeping - voiding) <> (to_jsonb(old) - bookkeeping - voiding) then
        raise exception 'charge % is approved: voiding it changes nothing else', old.id using errcode = 'check_violation';
      end if;
    elsif (to_jsonb(new) - bookkeeping) <> (to_jsonb(old) - bookkeeping) then
      raise exception 'charge % is approved: void it instead of editing it', old.id using errcode = 'check_violation';
    end if;
  end if;
  return new;
end $$;

create trigger charges_final_lock before update or delete on charges
  for each row execute function charges_final_lock();
