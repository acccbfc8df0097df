import { recordAudit } from '../audit/index.ts';
import { parseStart } from '../scheduling/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { loadOnCall } from './on-call-row.ts';
import { requireStaff, rotaLocation } from './rota-refs.ts';
import type { OnCallInput, OnCallShift } from './rota.schemas.ts';

/**
 * Put someone on call at a location (`staff:manage` there): nights, weekends, up to 14 days.
 * `start`/`end` are instants, or local times at the location. Two primary on-call shifts of one
 * location never overlap (an exclusion constraint): 409 naming `start`. Backups may overlap.
 */
export async function createOnCallShift(ctx: Ctx, input: OnCallInput): Promise<OnCallShift> {
  return inTransaction(ctx, async (tx) => {
    const loc = await rotaLocation(tx, 'staff:manage', input.locationId);
    await requireStaff(tx, input.userId, 'userId');
    const startsAt = parseStart(input.start, loc.zone, 'start');
    const endsAt = parseStart(input.end, loc.zone, 'end');
    if (endsAt <= startsAt) throw invalid('end', 'The on-call shift must end after it starts.');
    if (endsAt.getTime() - startsAt.getTime() > 14 * 86_400_000) throw invalid('end', 'An on-call shift lasts 14 days at most.');
    let id: string;
    try {
      const row = await tx.db
        .insertInto('on_call_shifts')
        .values({
          organization_id: tx.organizationId,
          location_id: loc.id,
          user_id: input.userId,
          tier: input.tier,
          starts_at: startsAt,
          ends_at: endsAt,
          note: input.note,
          created_by: actorUserId(tx),
          created_at: tx.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } catch (e) {
      if ((e as { code?: string }).code === '23P01') {
        throw new AppError('CONFLICT', 'another primary on-call shift of this location overlaps these times', {
          errors: [{ path: 'start', message: 'Someone else is primary on call for part of this time.' }],
        });
      }
      throw e;
    }
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'on_call_shift',
      resourceId: id,
      details: { userId: input.userId, tier: input.tier },
    });
    return loadOnCall(tx, id);
  });
}
