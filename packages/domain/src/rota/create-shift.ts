import { recordAudit } from '../audit/index.ts';
import { addDays, parseStart } from '../scheduling/index.ts';
import { localToEpochMs } from '../scheduling/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { requireStaff, rotaLocation } from './rota-refs.ts';
import type { Shift, ShiftInput } from './rota.schemas.ts';
import { refuseShiftOnLeave } from './leave-mark.ts';
import type { Duty } from './rota.tables.ts';
import { loadShift } from './shift-row.ts';

/**
 * Put someone on the rota (`staff:manage` at the location): from a template on a day (its
 * local times at the location; a night ends the next morning), or with a duty and its own
 * start and end (instants, or local times at the location). Two shifts of one person never
 * overlap (a database constraint): 409 naming `userId`; nor is a shift put on a day of the
 * person's approved time off (409 naming `userId`, with `timeOffId`).
 */
export async function createShift(ctx: Ctx, input: ShiftInput): Promise<Shift> {
  return inTransaction(ctx, async (tx) => {
    const loc = await rotaLocation(tx, 'staff:manage', input.locationId);
    await requireStaff(tx, input.userId, 'userId');
    let duty: Duty;
    let startsAt: Date;
    let endsAt: Date;
    if (input.templateId) {
      if (!input.date) throw invalid('date', 'Choose the day of the shift.');
      const t = await tx.db
        .selectFrom('shift_templates')
        .selectAll()
        .where('organization_id', '=', tx.organizationId)
        .where('id', '=', input.templateId)
        .where('location_id', '=', loc.id)
        .where('active', '=', true)
        .executeTakeFirst();
      if (!t) throw invalid('templateId', 'Choose a shift template of this location.');
      const s = t.start_time.slice(0, 5);
      const e = t.end_time.slice(0, 5);
      duty = input.duty ?? t.duty;
      startsAt = new Date(localToEpochMs(loc.zone, input.date, s));
      endsAt = new Date(localToEpochMs(loc.zone, e <= s ? addDays(input.date, 1) : input.date, e));
    } else {
      if (!input.duty) throw invalid('duty', 'Choose a duty, or a shift template.');
      if (!input.start) throw invalid('start', 'Enter when the shift starts.');
      if (!input.end) throw invalid('end', 'Enter when the shift ends.');
      duty = input.duty;
      startsAt = parseStart(input.start, loc.zone, 'start');
      endsAt = parseStart(input.end, loc.zone, 'end');
    }
    if (endsAt <= startsAt) throw invalid('end', 'The shift must end after it starts.');
    if (endsAt.getTime() - startsAt.getTime() > 24 * 3_600_000) throw invalid('end', 'A shift lasts 24 hours at most.');
    await refuseShiftOnLeave(tx, { userId: input.userId, locationId: loc.id, startsAt, endsAt, path: 'userId' });
    const now = tx.clock.now();
    let id: string;
    try {
      const row = await tx.db
        .insertInto('shifts')
        .values({
          organization_id: tx.organizationId,
          location_id: loc.id,
          user_id: input.userId,
          duty,
          starts_at: startsAt,
          ends_at: endsAt,
          template_id: input.templateId ?? null,
          note: input.note,
          created_by: actorUserId(tx),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } catch (e) {
      if ((e as { code?: string }).code === '23P01') {
        throw new AppError('CONFLICT', 'this person already works a shift at that time', {
          errors: [{ path: 'userId', message: 'Already on another shift at that time.' }],
        });
      }
      throw e;
    }
    await recordAudit(tx, { action: 'create', resourceType: 'shift', resourceId: id, details: { userId: input.userId, duty } });
    return loadShift(tx, id);
  });
}
