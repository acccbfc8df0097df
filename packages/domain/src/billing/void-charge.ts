import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import type { Charge, VoidChargeInput } from './billing.schemas.ts';
import { chargeVoided } from './charge-approved.ts';
import { loadCharge, lockCharge, requireVersion } from './charge-row.ts';

/**
 * Void a charge (billed in error, a duplicate line, a service not rendered), with the reason:
 * from review, needs_price or approved (not yet claimed). A void charge stays on record and
 * never changes again; voiding it twice: 409 ILLEGAL_TRANSITION.
 */
export async function voidCharge(ctx: Ctx, id: string, input: VoidChargeInput, expectedVersion: number): Promise<Charge> {
  requirePermission(ctx, 'claim:submit');
  return inTransaction(ctx, async (tx) => {
    const current = await lockCharge(tx, id);
    const access = await requirePatientAccess(tx, current.patient_id, 'claim:submit');
    await requireVersion(tx, current, expectedVersion);
    if (current.status === 'void') throw new AppError('ILLEGAL_TRANSITION', 'the charge is already void');
    await tx.db
      .updateTable('charges')
      .set({
        status: 'void',
        void_reason: input.reason,
        voided_at: tx.clock.now(),
        voided_by: actorUserId(tx),
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
      changes: { status: { before: current.status, after: 'void' } },
      details: { edit: 'void', reason: input.reason, amountCents: Number(current.amount_cents) },
    });
    await emit(tx, chargeVoided, {
      chargeId: id,
      patientId: current.patient_id,
      encounterId: current.encounter_id,
      locationId: current.location_id,
      amountCents: Number(current.amount_cents),
      wasApproved: current.status === 'approved',
      reason: input.reason,
    });
    return loadCharge(tx, id);
  });
}
