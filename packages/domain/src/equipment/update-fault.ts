import { diffFields, recordAudit } from '../audit/index.ts';
import { requirePermission } from '../access/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { loadFault } from './equipment-row.ts';
import type { Fault, FaultPatch } from './equipment.schemas.ts';

/** The fault, locked for the change (404 when unknown or at a location the caller does not manage). */
async function lockFault(tx: Ctx, id: string, expectedVersion: number | undefined): Promise<Fault> {
  await tx.db
    .selectFrom('equipment_faults')
    .select('id')
    .where('organization_id', '=', tx.organizationId)
    .where('id', '=', id)
    .forUpdate()
    .execute();
  const locked = await loadFault(tx, id, 'equipment:manage');
  if (expectedVersion !== undefined && locked.version !== expectedVersion)
    throw new AppError('VERSION_MISMATCH', `fault is at version ${locked.version}`, { extra: { current: locked } });
  if (locked.status === 'resolved') throw new AppError('CONFLICT', 'the fault is resolved');
  return locked;
}

/** Book the vendor's visit (status vendor_scheduled), change severity or out-of-service, with If-Match. */
export async function updateFault(ctx: Ctx, id: string, patch: FaultPatch, expectedVersion: number): Promise<Fault> {
  requirePermission(ctx, 'equipment:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await lockFault(tx, id, expectedVersion);
    const vendorVisitOn = patch.vendorVisitOn === undefined ? current.vendorVisitOn : patch.vendorVisitOn;
    const next = {
      vendor_visit_on: vendorVisitOn,
      status: vendorVisitOn ? ('vendor_scheduled' as const) : ('open' as const),
      severity: patch.severity ?? current.severity,
      out_of_service: patch.outOfService ?? current.outOfService,
      description: patch.description ?? current.description,
    };
    await tx.db
      .updateTable('equipment_faults')
      .set({ ...next, version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'equipment_fault',
      resourceId: id,
      changes: diffFields(
        {
          vendorVisitOn: current.vendorVisitOn,
          status: current.status,
          severity: current.severity,
          outOfService: current.outOfService,
          description: current.description,
        },
        {
          vendorVisitOn: next.vendor_visit_on,
          status: next.status,
          severity: next.severity,
          outOfService: next.out_of_service,
          description: next.description,
        },
      ),
      details: null,
    });
    return loadFault(tx, id, 'equipment:manage');
  });
}

/** Resolve a fault with what was done: its room (if it blocked one) is free for booking at once. */
export async function resolveFault(ctx: Ctx, id: string, resolution: string, expectedVersion?: number): Promise<Fault> {
  requirePermission(ctx, 'equipment:manage');
  return inTransaction(ctx, async (tx) => {
    const current = await lockFault(tx, id, expectedVersion);
    const now = tx.clock.now();
    await tx.db
      .updateTable('equipment_faults')
      .set({
        status: 'resolved',
        resolution,
        resolved_by: actorUserId(tx),
        resolved_at: now,
        version: current.version + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'equipment_fault',
      resourceId: id,
      changes: { status: { before: current.status, after: 'resolved' } },
      details: null,
    });
    return loadFault(tx, id, 'equipment:manage');
  });
}
