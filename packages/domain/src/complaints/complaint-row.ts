/** The one query shape complaints are read with (names from the owners' views) and its mapping to the API object. */
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { OPEN_COMPLAINT_STATUSES } from './complaints.tables.ts';
import type { Complaint } from './complaints.schemas.ts';

export function selectComplaints(ctx: Ctx) {
  return ctx.db
    .selectFrom('complaints as c')
    .leftJoin('location_directory as l', 'l.id', 'c.location_id')
    .leftJoin('patient_names as p', 'p.id', 'c.patient_id')
    .leftJoin('staff_directory as o', 'o.id', 'c.owner_id')
    .where('c.organization_id', '=', ctx.organizationId)
    .selectAll('c')
    .select([
      'l.name as location_name',
      sql<string | null>`p.given_name || ' ' || p.family_name`.as('patient_name'),
      'o.display_name as owner_name',
    ]);
}

export type ComplaintRow = Awaited<ReturnType<ReturnType<typeof selectComplaints>['executeTakeFirstOrThrow']>>;

/** `today`: the date at the desk's location, for `overdue`. */
export function toComplaint(r: ComplaintRow, today: string): Complaint {
  return {
    id: r.id,
    locationId: r.location_id,
    locationName: r.location_name ?? null,
    patientId: r.patient_id,
    patientName: r.patient_name ?? null,
    complainant: r.complainant,
    receivedOn: r.received_on,
    description: r.description,
    category: r.category,
    severity: r.severity,
    ownerId: r.owner_id,
    ownerName: r.owner_name ?? null,
    dueOn: r.due_on,
    overdue: OPEN_COMPLAINT_STATUSES.includes(r.status) && r.due_on !== null && r.due_on < today,
    status: r.status,
    resolution: r.resolution,
    resolvedOn: r.resolved_on,
    patientInformed: r.patient_informed,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

export async function loadComplaint(ctx: Ctx, id: string, today: string): Promise<Complaint> {
  const row = await selectComplaints(ctx).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('complaint');
  return toComplaint(row, today);
}

/** Lock a complaint of the caller's organization for a change; NOT_FOUND otherwise. */
export async function lockComplaint(tx: Ctx, id: string) {
  const row = await tx.db
    .selectFrom('complaints')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', tx.organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('complaint');
  return row;
}
