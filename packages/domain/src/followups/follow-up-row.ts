/** The one query shape follow-ups are read with, and its mapping to the API object. */
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { FollowUp } from './followups.schemas.ts';

/** Follow-ups of the caller's organization with the names the worklist shows. */
export function selectFollowUps(ctx: Ctx) {
  return ctx.db
    .selectFrom('follow_ups as f')
    .innerJoin('patient_names as p', 'p.id', 'f.patient_id')
    .innerJoin('location_directory as l', 'l.id', 'f.location_id')
    .leftJoin('appointment_type_names as t', 't.id', 'f.appointment_type_id')
    .leftJoin('provider_directory as pr', 'pr.id', 'f.provider_id')
    .where('f.organization_id', '=', ctx.organizationId)
    .selectAll('f')
    .select([
      sql<string>`p.given_name || ' ' || p.family_name`.as('patient_name'),
      'p.restricted as patient_restricted',
      'l.name as location_name',
      't.name as type_name',
      sql<
        string | null
      >`pr.given_name || ' ' || pr.family_name || case when pr.credentials <> '' then ', ' || pr.credentials else '' end`.as(
        'provider_name',
      ),
    ]);
}

export type FollowUpRow = Awaited<ReturnType<ReturnType<typeof selectFollowUps>['executeTakeFirstOrThrow']>>;

export function toFollowUp(r: FollowUpRow): FollowUp {
  return {
    id: r.id,
    patientId: r.patient_id,
    patientName: r.patient_name,
    dueDate: r.due_date,
    appointmentTypeId: r.appointment_type_id,
    appointmentTypeName: r.type_name,
    providerId: r.provider_id,
    providerName: r.provider_name,
    locationId: r.location_id,
    locationName: r.location_name,
    note: r.note,
    status: r.status,
    encounterId: r.encounter_id,
    appointmentId: r.appointment_id,
    closedReason: r.closed_reason,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

/** One follow-up as the API shows it (the caller already decided access). */
export async function loadFollowUp(ctx: Ctx, id: string): Promise<FollowUp> {
  const row = await selectFollowUps(ctx).where('f.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('follow-up');
  return toFollowUp(row);
}

/** Lock a follow-up of the caller's organization for a change; NOT_FOUND otherwise. */
export async function lockFollowUp(tx: Ctx, id: string) {
  const row = await tx.db
    .selectFrom('follow_ups')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', tx.organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('follow-up');
  return row;
}
