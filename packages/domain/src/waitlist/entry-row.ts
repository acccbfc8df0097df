/** The one query shape waitlist entries are read with (readEntries), and its mapping to the API object. */
import { sql } from 'kysely';
import { type PatientAccess, patientAccessMany } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { WaitlistEntry } from './waitlist.schemas.ts';

/** What a hidden entry shows instead of the patient and the type. */
export const HIDDEN_PATIENT_NAME = 'Restricted patient';
export const HIDDEN_TYPE_NAME = 'Hidden';

/** Entries of the caller's organization with patient and type names, not yet decided for the caller: only readEntries executes it. */
function selectEntries(ctx: Ctx) {
  return ctx.db
    .selectFrom('waitlist_entries as w')
    .innerJoin('patient_names as p', 'p.id', 'w.patient_id')
    .innerJoin('appointment_type_names as t', 't.id', 'w.appointment_type_id')
    .leftJoin('waitlist_offers as o', (j) => j.onRef('o.entry_id', '=', 'w.id').on('o.status', '=', 'open'))
    .where('w.organization_id', '=', ctx.organizationId)
    .selectAll('w')
    .select([
      sql<string>`p.given_name || ' ' || p.family_name`.as('patient_name'),
      'p.restricted as patient_restricted',
      't.name as type_name',
      'o.id as offer_id',
      'o.starts_at as offer_start',
      'o.provider_id as offer_provider_id',
      'o.location_id as offer_location_id',
      'o.expires_at as offer_expires_at',
    ]);
}

export type EntryQuery = ReturnType<typeof selectEntries>;
type Row = Awaited<ReturnType<EntryQuery['executeTakeFirstOrThrow']>>;

/**
 * A row as the caller may see it. `hidden`: the patient's record is restricted and the caller
 * may not open it (not on its care team, no break-glass grant); the entry keeps its place in
 * the list (priority, status, dates, wishes, the slot held for it) but not the patient, the
 * type, notes or the booked appointment. `access`: what the details rest on (null when hidden).
 */
export type ShownEntry = Omit<Row, 'patient_id' | 'appointment_type_id'> & {
  patient_id: string | null;
  appointment_type_id: string | null;
  hidden: boolean;
  access: PatientAccess | null;
};

/**
 * Run an entry query (`shape` adds filters and order) and decide the page for the caller at
 * once (patientAccessMany: one query, only when a restricted patient is on the page).
 */
export async function readEntries(ctx: Ctx, shape: (q: EntryQuery) => { execute(): Promise<Row[]> }): Promise<ShownEntry[]> {
  const rows = await shape(selectEntries(ctx)).execute();
  const access = await patientAccessMany(
    ctx,
    rows.map((r) => ({ id: r.patient_id, restricted: r.patient_restricted })),
  );
  return rows.map((r) => {
    const decided = access.get(r.patient_id) ?? null;
    if (decided) return { ...r, hidden: false, access: decided };
    return {
      ...r,
      patient_id: null,
      patient_name: HIDDEN_PATIENT_NAME,
      appointment_type_id: null,
      type_name: HIDDEN_TYPE_NAME,
      notes: '',
      appointment_id: null,
      hidden: true,
      access: null,
    };
  });
}

export function toEntry(r: ShownEntry): WaitlistEntry {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    hidden: r.hidden,
    appointmentTypeId: r.appointment_type_id,
    appointmentTypeName: r.type_name,
    providerIds: r.provider_ids,
    locationIds: r.location_ids,
    earliestDate: r.earliest_date,
    latestDate: r.latest_date,
    priority: r.priority,
    status: r.status,
    notes: r.notes,
    appointmentId: r.appointment_id,
    openOffer:
      r.offer_id && r.offer_start && r.offer_provider_id && r.offer_location_id && r.offer_expires_at
        ? {
            id: r.offer_id,
            start: r.offer_start.toISOString(),
            providerId: r.offer_provider_id,
            locationId: r.offer_location_id,
            expiresAt: r.offer_expires_at.toISOString(),
          }
        : null,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

export async function loadEntry(ctx: Ctx, id: string): Promise<WaitlistEntry> {
  const [row] = await readEntries(ctx, (q) => q.where('w.id', '=', id));
  if (!row) throw new Error(`waitlist entry ${id} vanished`);
  return toEntry(row);
}
