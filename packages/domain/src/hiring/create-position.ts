import { requireActiveStaff, assertHoldsRoles } from '../identity/index.ts';
import { actingLocation } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { localDateOf } from '../scheduling/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { Position, PositionInput } from './hiring.schemas.ts';
import { loadPosition } from './position-row.ts';

/** Open a position at a location the caller manages hiring at, for a role their own roles cover (else 403). */
export async function createPosition(ctx: Ctx, input: PositionInput): Promise<Position> {
  return inTransaction(ctx, async (tx) => {
    const location = await actingLocation(tx, 'hiring:manage', input.locationId, { field: 'locationId' });
    assertHoldsRoles(tx, [{ role: input.role, locationId: location.id }], 'hire into');
    await requireActiveStaff(tx, input.hiringManagerId, 'hiringManagerId');
    const now = tx.clock.now();
    const row = await tx.db
      .insertInto('hiring_positions')
      .values({
        organization_id: tx.organizationId,
        location_id: location.id,
        title: input.title,
        role: input.role,
        employment_type: input.employmentType,
        openings: input.openings,
        opened_on: input.openedOn ?? localDateOf(now.getTime(), location.zone),
        description: input.description,
        hiring_manager_id: input.hiringManagerId,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'hiring_position',
      resourceId: row.id,
      changes: {
        title: { before: null, after: input.title },
        role: { before: null, after: input.role },
        locationId: { before: null, after: location.id },
        openings: { before: null, after: input.openings },
      },
      details: null,
    });
    return loadPosition(tx, row.id, 'hiring:manage');
  });
}
