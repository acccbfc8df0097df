import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import type { Charge } from './billing.schemas.ts';
import { chargeApproved } from './charge-approved.ts';
import { loadCharge, lockCharge, requireVersion } from './charge-row.ts';

/**
 * review → approved: the charge is ready to claim and no longer changes (only voiding remains).
 * A charge that still needs a price, or is already approved or void: 409 ILLEGAL_TRANSITION.
 */
export async function approveCharge(ctx: Ctx, id: string, expectedVersion: number): Promise<Charge> {
  requirePermission(ctx, 'claim:submit');
  return inTransaction(ctx, async (tx) => {
    const current = await lockCharge(tx, id);
    const access = await requirePatientAccess(tx, current.patient_id, 'claim:submit');
    await requireVersion(tx, current, expectedVersion);
    if (current.status !== 'review')
      throw new AppError(
        'ILLEGAL_TRANSITION',
        current.status === 'needs_price' ? 'price the charge before approving it' : `the charge is already ${current.status}`,
      );
    await tx.db
      .updateTable('charges')
      .set({
        status: 'approved',
        approved_at: tx.clock.now(),
        approved_by: actorUserId(tx),
        version: current.version + 1,
        updated_at: tx.clock.now(),
      })
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'charge',
      resourceId: id,
      access,
      changes: { status: { before: current.status, after: 'approved' } },
      details: { edit: 'approve', amountCents: Number(current.amount_cents) },
    });
    await emit(tx, chargeApproved, {
      chargeId: id,
      patientId: current.patient_id,
      encounterId: current.encounter_id,
      providerId: current.provider_id,
      locationId: current.location_id,
      dateOfService: current.date_of_service,
      procedureCode: current.procedure_code,
      amountCents: Number(current.amount_cents),
    });
    return loadCharge(tx, id);
  });
}
