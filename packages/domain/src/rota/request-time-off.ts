import { recordAudit } from '../audit/index.ts';
import { homeLocationsOf } from '../staff/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { providerTimeOffException } from './provider-exception.ts';
import { requireStaff, rotaLocation } from './rota-refs.ts';
import type { TimeOffInput, TimeOffWithCollisions } from './rota.schemas.ts';
import { loadTimeOff, withCollisions } from './time-off-row.ts';

/**
 * Time off, as whole days (`start` to `end` inclusive, YYYY-MM-DD on the person's calendar).
 * For oneself (neither `userId` nor `providerId`, or one's own): a pending request a manager
 * approves. For someone else: only a manager of the location (`staff:manage` there), and it is
 * approved at once. A provider's (`providerId`, or a user linked to a provider) approved time
 * off becomes scheduling's availability exception in the same transaction; the answer lists
 * the booked visits it falls on.
 */
export async function requestTimeOff(ctx: Ctx, input: TimeOffInput): Promise<TimeOffWithCollisions> {
  return inTransaction(ctx, async (tx) => {
    const me = actorUserId(tx);
    let userId: string | null = null;
    let providerId: string | null = null;
    if (input.userId) {
      const u = await requireStaff(tx, input.userId, 'userId');
      userId = u.id;
      providerId = u.providerId;
      if (input.providerId && input.providerId !== u.providerId) throw invalid('providerId', 'This provider is not that member of staff.');
    } else if (input.providerId) {
      const p = await tx.db
        .selectFrom('provider_directory')
        .select('id')
        .where('organization_id', '=', tx.organizationId)
        .where('id', '=', input.providerId)
        .where('active', '=', true)
        .executeTakeFirst();
      if (!p) throw invalid('providerId', 'Choose an active provider of this practice.');
      providerId = p.id;
      const linked = await tx.db
        .selectFrom('staff_directory')
        .select('id')
        .where('organization_id', '=', tx.organizationId)
        .where('provider_id', '=', p.id)
        .where('active', '=', true)
        .orderBy('id')
        .limit(1)
        .executeTakeFirst();
      userId = linked?.id ?? null;
    } else {
      if (!me) throw invalid('userId', 'Name the member of staff.');
      const u = await requireStaff(tx, me, 'userId');
      userId = u.id;
      providerId = u.providerId;
    }
    const own = userId !== null && userId === me;
    const home = userId ? ((await homeLocationsOf(tx, [userId])).get(userId) ?? null) : null;
    const loc = input.locationId
      ? await rotaLocation(tx, own ? 'timeoff:request' : 'staff:manage', input.locationId, 'locationId')
      : await rotaLocation(
          tx,
          own ? 'timeoff:request' : 'staff:manage',
          home ?? tx.locationId,
          own ? null : input.userId ? 'userId' : 'providerId',
        );
    const now = tx.clock.now();
    const approved = !own;
    const row = await tx.db
      .insertInto('time_off')
      .values({
        organization_id: tx.organizationId,
        location_id: loc.id,
        user_id: userId,
        provider_id: providerId,
        start_date: input.start,
        end_date: input.end,
        reason: input.reason,
        status: approved ? 'approved' : 'pending',
        requested_by: me,
        decided_by: approved ? me : null,
        decided_at: approved ? now : null,
        created_at: now,
        updated_at: now,
      })
      .returning(['id', 'provider_id', 'start_date', 'end_date', 'reason'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'time_off',
      resourceId: row.id,
      details: { status: approved ? 'approved' : 'pending', ...(providerId && { providerId }) },
    });
    if (approved && row.provider_id) {
      const exception = await providerTimeOffException(tx, { ...row, provider_id: row.provider_id });
      await tx.db.updateTable('time_off').set({ exception_id: exception.id }).where('id', '=', row.id).execute();
      return withCollisions(tx, await loadTimeOff(tx, row.id), { items: exception.collisions, truncated: exception.collisionsTruncated });
    }
    return withCollisions(tx, await loadTimeOff(tx, row.id));
  });
}
