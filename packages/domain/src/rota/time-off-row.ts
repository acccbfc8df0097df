import { can } from '../access/index.ts';
import { listExceptionCollisions } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { TimeOff, TimeOffWithCollisions } from './rota.schemas.ts';
import type { Appointment } from '../scheduling/index.ts';

export function selectTimeOff(ctx: Ctx) {
  return ctx.db
    .selectFrom('time_off as t')
    .leftJoin('staff_directory as u', 'u.id', 't.user_id')
    .leftJoin('provider_directory as p', 'p.id', 't.provider_id')
    .where('t.organization_id', '=', ctx.organizationId)
    .selectAll('t')
    .select(['u.display_name as user_name', 'p.given_name', 'p.family_name']);
}

export type TimeOffRow = Awaited<ReturnType<ReturnType<typeof selectTimeOff>['executeTakeFirstOrThrow']>>;

export function toTimeOff(r: TimeOffRow): TimeOff {
  return {
    id: r.id,
    locationId: r.location_id,
    userId: r.user_id,
    userName: r.user_name ?? null,
    providerId: r.provider_id,
    providerName: r.given_name ? `${r.given_name} ${r.family_name}` : null,
    start: r.start_date,
    end: r.end_date,
    reason: r.reason,
    status: r.status,
    requestedBy: r.requested_by,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at?.toISOString() ?? null,
    decisionNote: r.decision_note,
    exceptionId: r.exception_id,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}

export async function loadTimeOff(ctx: Ctx, id: string): Promise<TimeOff> {
  const row = await selectTimeOff(ctx).where('t.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('time off');
  return toTimeOff(row);
}

/** The time off with the booked visits its exception falls on now (none for a caller without appointment:read). */
export async function withCollisions(
  ctx: Ctx,
  t: TimeOff,
  known?: { items: Appointment[]; truncated: boolean },
): Promise<TimeOffWithCollisions> {
  const found =
    known ??
    (t.exceptionId && can(ctx, 'appointment:read') ? await listExceptionCollisions(ctx, t.exceptionId) : { items: [], truncated: false });
  return { ...t, collisions: found.items, collisionsTruncated: found.truncated };
}
