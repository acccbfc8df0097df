/** The one query shape waitlist entries are read with, and its mapping to the API object. */
import { sql } from 'kysely';
import { actorUserId, type Ctx } from '../shared/context.ts';
import type { WaitlistEntry } from './waitlist.schemas.ts';

/** Entries of the caller's organization with patient and type names (restricted names only for the care team). */
export function selectEntries(ctx: Ctx) {
  const userId = actorUserId(ctx);
  const seesRestricted = ctx.actor.kind === 'system';
  return ctx.db
    .selectFrom('waitlist_entries as w')
    .innerJoin('patients as p', 'p.id', 'w.patient_id')
    .innerJoin('appointment_types as t', 't.id', 'w.appointment_type_id')
    .leftJoin('waitlist_offers as o', (j) => j.onRef('o.entry_id', '=', 'w.id').on('o.status', '=', 'open'))
    .where('w.organization_id', '=', ctx.organizationId)
    .selectAll('w')
    .select([
      sql<string>`case when not p.restricted or ${seesRestricted} or exists (
        select 1 from patient_care_team ct where ct.patient_id = p.id and ct.user_id = ${userId}::uuid)
        then p.given_name || ' ' || p.family_name else 'Restricted patient' end`.as('patient_name'),
      't.name as type_name',
      'o.id as offer_id',
      'o.starts_at as offer_start',
      'o.provider_id as offer_provider_id',
      'o.location_id as offer_location_id',
      'o.expires_at as offer_expires_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectEntries>['executeTakeFirstOrThrow']>>;

export function toEntry(r: Row): WaitlistEntry {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: r.patient_name,
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
  return toEntry(await selectEntries(ctx).where('w.id', '=', id).executeTakeFirstOrThrow());
}
