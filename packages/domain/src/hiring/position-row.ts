import { requireAt } from '../access/index.ts';
import { sql } from 'kysely';
import type { Permission, Role } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Position, StageCounts } from './hiring.schemas.ts';
import { type EmploymentType, type PositionStatus, STAGES } from './hiring.tables.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function selectPositions(tx: Ctx) {
  return tx.db
    .selectFrom('hiring_positions as p')
    .innerJoin('location_directory as l', 'l.id', 'p.location_id')
    .innerJoin('staff_directory as m', 'm.id', 'p.hiring_manager_id')
    .select([
      'p.id',
      'p.title',
      'p.location_id',
      'l.name as location_name',
      'l.time_zone',
      'p.role',
      'p.employment_type',
      'p.openings',
      'p.status',
      'p.opened_on',
      'p.filled_at',
      'p.description',
      'p.hiring_manager_id',
      'm.display_name as hiring_manager_name',
      'p.version',
      sql<Record<string, number> | null>`(select jsonb_object_agg(s.stage, s.n) from (
        select a.stage, count(*)::int as n from hiring_applicants a where a.position_id = p.id group by a.stage) s)`.as('stage_counts'),
    ])
    .where('p.organization_id', '=', tx.organizationId);
}

export type PositionRow = {
  id: string;
  title: string;
  location_id: string;
  location_name: string;
  time_zone: string;
  role: Role;
  employment_type: EmploymentType;
  openings: number;
  status: PositionStatus;
  opened_on: string;
  filled_at: Date | null;
  description: string;
  hiring_manager_id: string;
  hiring_manager_name: string;
  version: number;
  stage_counts: Record<string, number> | null;
};

export function stageCounts(raw: Record<string, number> | null): StageCounts {
  return Object.fromEntries(STAGES.map((s) => [s, Number(raw?.[s] ?? 0)])) as StageCounts;
}

export function toPosition(r: PositionRow): Position {
  const counts = stageCounts(r.stage_counts);
  return {
    id: r.id,
    title: r.title,
    locationId: r.location_id,
    locationName: r.location_name,
    role: r.role,
    employmentType: r.employment_type,
    openings: r.openings,
    hired: counts.hired,
    status: r.status,
    openedOn: r.opened_on,
    filledAt: iso(r.filled_at),
    description: r.description,
    hiringManagerId: r.hiring_manager_id,
    hiringManagerName: r.hiring_manager_name,
    stageCounts: counts,
    version: r.version,
  };
}

/** One position the caller reaches with `permission` at its location (else 404); `forUpdate` locks its row first. */
export async function loadPositionRow(
  tx: Ctx,
  id: string,
  permission: Permission,
  opts: { forUpdate?: boolean } = {},
): Promise<PositionRow> {
  if (opts.forUpdate)
    await tx.db
      .selectFrom('hiring_positions')
      .select('id')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', id)
      .forUpdate()
      .execute();
  const row = await selectPositions(tx).where('p.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('position');
  requireAt(tx, permission, row.location_id, 'position');
  return row as PositionRow;
}

export async function loadPosition(tx: Ctx, id: string, permission: Permission): Promise<Position> {
  return toPosition(await loadPositionRow(tx, id, permission));
}

/**
 * After a hire or a change of openings, inside the transaction holding the position's lock: the
 * position is filled once its hires reach its openings, and a filled one whose openings were
 * raised above them opens again. Answers the status it now has.
 */
export async function settleFilled(tx: Ctx, id: string): Promise<PositionStatus> {
  const row = await tx.db
    .selectFrom('hiring_positions as p')
    .select([
      'p.status',
      'p.openings',
      'p.version',
      sql<number>`(select count(*)::int from hiring_applicants a where a.position_id = p.id and a.stage = 'hired')`.as('hired'),
    ])
    .where('p.organization_id', '=', tx.organizationId)
    .where('p.id', '=', id)
    .executeTakeFirstOrThrow();
  const full = row.hired >= row.openings;
  const next: PositionStatus | null = full && row.status !== 'filled' ? 'filled' : !full && row.status === 'filled' ? 'open' : null;
  if (!next) return row.status;
  const now = tx.clock.now();
  await tx.db
    .updateTable('hiring_positions')
    .set({ status: next, filled_at: next === 'filled' ? now : null, version: row.version + 1, updated_at: now })
    .where('id', '=', id)
    .execute();
  await recordAudit(tx, {
    action: 'update',
    resourceType: 'hiring_position',
    resourceId: id,
    changes: { status: { before: row.status, after: next } },
    details: null,
  });
  return next;
}
