import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { OnCallShift } from './rota.schemas.ts';

export function selectOnCall(ctx: Ctx) {
  return ctx.db
    .selectFrom('on_call_shifts as o')
    .innerJoin('staff_directory as u', 'u.id', 'o.user_id')
    .innerJoin('location_directory as l', 'l.id', 'o.location_id')
    .where('o.organization_id', '=', ctx.organizationId)
    .selectAll('o')
    .select(['u.display_name as user_name', 'l.name as location_name']);
}

export type OnCallRow = Awaited<ReturnType<ReturnType<typeof selectOnCall>['executeTakeFirstOrThrow']>>;

export function toOnCall(r: OnCallRow): OnCallShift {
  return {
    id: r.id,
    locationId: r.location_id,
    locationName: r.location_name,
    userId: r.user_id,
    userName: r.user_name,
    tier: r.tier,
    start: r.starts_at.toISOString(),
    end: r.ends_at.toISOString(),
    note: r.note,
  };
}

export async function loadOnCall(ctx: Ctx, id: string): Promise<OnCallShift> {
  const row = await selectOnCall(ctx).where('o.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('on-call shift');
  return toOnCall(row);
}
