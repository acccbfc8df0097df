import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Handover } from './rota.schemas.ts';

export function selectHandovers(ctx: Ctx) {
  return ctx.db
    .selectFrom('handovers as h')
    .innerJoin('staff_directory as w', 'w.id', 'h.written_by')
    .leftJoin('staff_directory as t', 't.id', 'h.to_user_id')
    .leftJoin('staff_directory as a', 'a.id', 'h.acknowledged_by')
    .where('h.organization_id', '=', ctx.organizationId)
    .selectAll('h')
    .select(['w.display_name as written_by_name', 't.display_name as to_user_name', 'a.display_name as acknowledged_by_name']);
}

export type HandoverRow = Awaited<ReturnType<ReturnType<typeof selectHandovers>['executeTakeFirstOrThrow']>>;

export function toHandover(r: HandoverRow): Handover {
  return {
    id: r.id,
    locationId: r.location_id,
    writtenBy: r.written_by,
    writtenByName: r.written_by_name,
    toUserId: r.to_user_id,
    toUserName: r.to_user_name ?? null,
    openItems: r.open_items,
    patientsWaiting: r.patients_waiting,
    tasksDue: r.tasks_due,
    writtenAt: r.written_at.toISOString(),
    acknowledgedBy: r.acknowledged_by,
    acknowledgedByName: r.acknowledged_by_name ?? null,
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
  };
}

export async function loadHandover(ctx: Ctx, id: string): Promise<HandoverRow> {
  const row = await selectHandovers(ctx).where('h.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('handover');
  return row;
}
