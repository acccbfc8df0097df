import { requireActiveStaff, assertHoldsRoles } from '../identity/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { requirePermission, actingLocation } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import type { Position, PositionPatch } from './hiring.schemas.ts';
import { loadPosition, loadPositionRow, settleFilled, toPosition } from './position-row.ts';

/**
 * Edit a position (If-Match): title, description, type, openings (not below its hires), status
 * (open, on hold, closed; filled follows the hires), hiring manager; its location only while
 * nobody has applied and its role only while nobody is hired.
 */
export async function updatePosition(ctx: Ctx, id: string, patch: PositionPatch, expectedVersion: number): Promise<Position> {
  requirePermission(ctx, 'hiring:manage');
  return inTransaction(ctx, async (tx) => {
    const current = toPosition(await loadPositionRow(tx, id, 'hiring:manage', { forUpdate: true }));
    if (current.version !== expectedVersion)
      throw new AppError('VERSION_MISMATCH', `position is at version ${current.version}`, { extra: { current } });
    const applicants = Object.values(current.stageCounts).reduce((a, b) => a + b, 0);
    let locationId = current.locationId;
    if (patch.locationId && patch.locationId !== current.locationId) {
      if (applicants > 0) throw invalid('locationId', 'People have applied to this position: open a new one at the other location.');
      locationId = (await actingLocation(tx, 'hiring:manage', patch.locationId, { field: 'locationId' })).id;
    }
    const role = patch.role ?? current.role;
    if (role !== current.role && current.hired > 0) throw invalid('role', 'Someone was hired into this position: its role stays.');
    if (role !== current.role || locationId !== current.locationId) assertHoldsRoles(tx, [{ role, locationId }], 'hire into');
    if (patch.hiringManagerId && patch.hiringManagerId !== current.hiringManagerId)
      await requireActiveStaff(tx, patch.hiringManagerId, 'hiringManagerId');
    const openings = patch.openings ?? current.openings;
    if (openings < current.hired) throw invalid('openings', `${current.hired} people are already hired into this position.`);
    let status = current.status;
    if (patch.status && patch.status !== current.status) {
      if (current.status === 'filled' && patch.status === 'open' && openings <= current.hired)
        throw invalid('status', 'Every opening is filled: raise the openings to hire more.');
      status = patch.status;
    }
    const next = {
      title: patch.title ?? current.title,
      location_id: locationId,
      role,
      employment_type: patch.employmentType ?? current.employmentType,
      openings,
      status,
      opened_on: patch.openedOn ?? current.openedOn,
      description: patch.description ?? current.description,
      hiring_manager_id: patch.hiringManagerId ?? current.hiringManagerId,
    };
    const now = tx.clock.now();
    await tx.db
      .updateTable('hiring_positions')
      .set({ ...next, filled_at: status === 'filled' ? (current.filledAt ?? now) : null, version: current.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'hiring_position',
      resourceId: id,
      changes: diffFields(
        {
          title: current.title,
          locationId: current.locationId,
          role: current.role,
          employmentType: current.employmentType,
          openings: current.openings,
          status: current.status,
          openedOn: current.openedOn,
          description: current.description,
          hiringManagerId: current.hiringManagerId,
        },
        {
          title: next.title,
          locationId: next.location_id,
          role: next.role,
          employmentType: next.employment_type,
          openings: next.openings,
          status: next.status,
          openedOn: next.opened_on,
          description: next.description,
          hiringManagerId: next.hiring_manager_id,
        },
      ),
      details: null,
    });
    // Openings met by the hires fill it; raised above them, a filled one opens again. Not a closed or held one.
    if (next.status === 'open' || next.status === 'filled') await settleFilled(tx, id);
    return loadPosition(tx, id, 'hiring:manage');
  });
}
