import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { requireLocationZone, requireProviders } from './check-references.ts';
import { collisionsOf, maySeeCollisions } from './list-exception-collisions.ts';
import type { AvailabilityException, ExceptionCreated, ExceptionInput } from './scheduling.schemas.ts';
import { toException } from './template-row.ts';

/**
 * Record time off, a holiday, blocked time (lunch, meetings) or extra hours on given days.
 * The answer lists the booked visits it falls on (`collisions`), which stay booked until
 * someone moves or cancels them (empty for a caller without appointment:read).
 */
export async function createAvailabilityException(ctx: Ctx, input: ExceptionInput): Promise<ExceptionCreated> {
  requirePermission(ctx, 'schedule:manage');
  return inTransaction(ctx, async (tx) => {
    if (input.providerId) await requireProviders(tx, [input.providerId], 'providerId');
    if (input.locationId) await requireLocationZone(tx, input.locationId);
    const row = await tx.db
      .insertInto('availability_exceptions')
      .values({
        organization_id: tx.organizationId,
        provider_id: input.providerId,
        location_id: input.locationId,
        kind: input.kind,
        start_date: input.startDate,
        end_date: input.endDate ?? input.startDate,
        start_time: input.startTime,
        end_time: input.endTime,
        reason: input.reason,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'create', resourceType: 'availability_exception', resourceId: row.id, details: { kind: row.kind } });
    const exception: AvailabilityException = toException(row);
    const found = maySeeCollisions(tx) ? await collisionsOf(tx, exception) : { items: [], truncated: false };
    return { ...exception, collisions: found.items, collisionsTruncated: found.truncated };
  });
}

/** Remove an exception: the template hours apply again on those days. */
export async function deleteAvailabilityException(ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx, 'schedule:manage');
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .deleteFrom('availability_exceptions')
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'exception not found');
    await recordAudit(tx, { action: 'delete', resourceType: 'availability_exception', resourceId: id });
  });
}
