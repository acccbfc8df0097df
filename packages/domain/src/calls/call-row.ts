/** The one query shape calls are read with (names from the owners' views) and its mapping to the API object. */
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { UNANSWERED_OUTCOMES } from './calls.tables.ts';
import type { Call } from './calls.schemas.ts';

export function selectCalls(ctx: Ctx) {
  return ctx.db
    .selectFrom('calls as c')
    .innerJoin('location_directory as l', 'l.id', 'c.location_id')
    .leftJoin('patient_names as p', 'p.id', 'c.patient_id')
    .leftJoin('staff_directory as a', 'a.id', 'c.assigned_to')
    .leftJoin('staff_directory as tb', 'tb.id', 'c.taken_by')
    .where('c.organization_id', '=', ctx.organizationId)
    .selectAll('c')
    .select([
      'l.name as location_name',
      sql<string | null>`p.given_name || ' ' || p.family_name`.as('patient_name'),
      'a.display_name as assigned_to_name',
      'tb.display_name as taken_by_name',
    ]);
}

export type CallRow = Awaited<ReturnType<ReturnType<typeof selectCalls>['executeTakeFirstOrThrow']>>;

export function toCall(r: CallRow): Call {
  return {
    id: r.id,
    locationId: r.location_id,
    locationName: r.location_name,
    direction: r.direction,
    phone: r.phone,
    patientId: r.patient_id,
    patientName: r.patient_name ?? null,
    reason: r.reason,
    note: r.note,
    outcome: r.outcome,
    unanswered: r.outcome !== null && UNANSWERED_OUTCOMES.includes(r.outcome),
    followUp: r.follow_up,
    assignedTo: r.assigned_to,
    assignedToName: r.assigned_to_name ?? null,
    taskId: r.task_id,
    takenBy: r.taken_by,
    takenByName: r.taken_by_name ?? null,
    occurredAt: r.occurred_at.toISOString(),
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

export async function loadCall(ctx: Ctx, id: string): Promise<Call> {
  const row = await selectCalls(ctx).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('call');
  return toCall(row);
}

/** Lock a call of the caller's organization for a change; NOT_FOUND otherwise. */
export async function lockCall(tx: Ctx, id: string) {
  const row = await tx.db
    .selectFrom('calls')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', tx.organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('call');
  return row;
}
