/**
 * Scheduling test data, written straight to the database (the patients module has
 * its own API; these tests only need rows). Each helper takes the org from newOrganization.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '@domain/shared/context.ts';
import { npiWithCheckDigit } from '@domain/shared/validation.ts';
import { sql } from 'kysely';
import type { TestOrg } from './factories.ts';

const tag = () => randomBytes(3).toString('hex');

export async function newPatient(db: Db, org: TestOrg, overrides: { restricted?: boolean; givenName?: string } = {}): Promise<string> {
  const row = await db
    .insertInto('patients')
    .values({
      organization_id: org.id,
      mrn: sql<string>`nextval('patient_mrn_seq')::text`,
      given_name: overrides.givenName ?? 'Test',
      family_name: `Patient${tag()}`,
      birth_date: '1980-05-17',
      restricted: overrides.restricted ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function newProvider(db: Db, org: TestOrg): Promise<string> {
  const row = await db
    .insertInto('providers')
    .values({
      organization_id: org.id,
      given_name: 'Extra',
      family_name: `Provider${tag()}`,
      npi: npiWithCheckDigit(String(100_000_000 + Math.floor(Math.random() * 800_000_000))),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function newAppointmentType(
  db: Db,
  org: TestOrg,
  o: {
    name?: string;
    duration?: number;
    buffer?: number;
    resourceKinds?: string[];
    overbooking?: boolean;
    providerIds?: string[];
    patientKind?: 'new' | 'established' | 'any';
  } = {},
): Promise<string> {
  const row = await db
    .insertInto('appointment_types')
    .values({
      organization_id: org.id,
      name: o.name ?? `Visit ${tag()}`,
      duration_minutes: o.duration ?? 30,
      buffer_minutes: o.buffer ?? 0,
      resource_kinds: o.resourceKinds ?? [],
      provider_ids: o.providerIds ?? [],
      overbooking_allowed: o.overbooking ?? false,
      patient_kind: o.patientKind ?? 'any',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Weekly hours for a provider at a location (default Mon-Fri 09:00-17:00 from 2026-01-01). */
export async function weeklyHours(
  db: Db,
  org: TestOrg,
  o: { providerId?: string; locationId?: string; weekdays?: number[]; start?: string; end?: string; from?: string } = {},
): Promise<void> {
  await db
    .insertInto('availability_templates')
    .values(
      (o.weekdays ?? [1, 2, 3, 4, 5]).map((weekday) => ({
        organization_id: org.id,
        provider_id: o.providerId ?? org.providerId,
        location_id: o.locationId ?? org.locationId,
        weekday,
        start_time: o.start ?? '09:00',
        end_time: o.end ?? '17:00',
        effective_from: o.from ?? '2026-01-01',
        effective_to: null,
      })),
    )
    .execute();
}

export async function newRoom(db: Db, org: TestOrg, o: { kind?: string; locationId?: string; name?: string } = {}): Promise<string> {
  const row = await db
    .insertInto('rooms')
    .values({
      organization_id: org.id,
      location_id: o.locationId ?? org.locationId,
      name: o.name ?? `Room ${tag()}`,
      kind: o.kind ?? 'exam room',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The body of POST /api/appointments for the org's provider at its first location. */
export function booking(org: TestOrg, patientId: string, appointmentTypeId: string, start: string, extra: Record<string, unknown> = {}) {
  return { patientId, providerId: org.providerId, appointmentTypeId, locationId: org.locationId, start, ...extra };
}
