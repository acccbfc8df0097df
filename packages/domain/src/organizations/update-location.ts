import { diffFields, recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { toLocation, toLocationColumns } from './location-row.ts';
import type { Location, LocationPatch } from './organizations.schemas.ts';

/** Edit a location. `expectedVersion` comes from If-Match; a stale version is refused. */
export async function updateLocation(ctx: Ctx, id: string, patch: LocationPatch, expectedVersion: number): Promise<Location> {
  requirePermission(ctx, 'location:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('locations')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'location not found');
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `location is at version ${current.version}`, { extra: { current: toLocation(current) } });
    }
    const row = await tx.db
      .updateTable('locations')
      .set({ ...toLocationColumns(patch), version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const before = toLocation(current) as unknown as Record<string, unknown>;
    const after = toLocation(row) as unknown as Record<string, unknown>;
    delete before.version;
    delete after.version;
    await recordAudit(tx, { action: 'update', resourceType: 'location', resourceId: id, changes: diffFields(before, after) });
    return toLocation(row);
  });
}
