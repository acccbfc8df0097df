import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, isUniqueViolation } from '../shared/errors.ts';
import { claimLines, insertClaimSnapshot, loadClaim, lockClaim } from './claim-row.ts';
import { type ClaimStatus, transitionClaim } from './claim-states.ts';
import type { Claim, ClaimReplaceInput } from './claims.schemas.ts';
import { nextPatientControlNumber } from './create-claim.ts';
import { payerNumberFor } from './replace-claim.ts';

/** States a void (frequency 8) starts from: the payer decided the claim (it has it under its own number). */
export const VOIDABLE: readonly ClaimStatus[] = ['paid', 'partially_paid', 'denied'];

/**
 * Withdraw a claim the payer decided (billed in error): a new draft claim with frequency code 8
 * repeating the original as billed (its snapshot and lines), naming the payer's claim number
 * (REF*F8) and linked to the original, which is closed with the reason. Any other state: 409.
 */
export async function voidClaim(ctx: Ctx, id: string, input: ClaimReplaceInput): Promise<Claim> {
  requirePermission(ctx, 'claim:submit');
  return inTransaction(ctx, async (tx) => {
    const original = await lockClaim(tx, id);
    const access = await requirePatientAccess(tx, original.patient_id, 'claim:submit');
    if (original.frequency_code === '8') throw new AppError('ILLEGAL_TRANSITION', 'a void claim is not voided again');
    if (!VOIDABLE.includes(original.status))
      throw new AppError('ILLEGAL_TRANSITION', `a ${original.status} claim is not voided: only ${VOIDABLE.join(', ')} claims are`);
    const payerClaimControlNumber = await payerNumberFor(tx, id, input.payerClaimControlNumber);
    const pcn = await nextPatientControlNumber(tx);
    const now = tx.clock.now();
    let voidId: string;
    try {
      const row = await tx.db
        .insertInto('claims')
        .values({
          organization_id: tx.organizationId,
          patient_id: original.patient_id,
          encounter_id: original.encounter_id,
          coverage_id: original.coverage_id,
          payer_id: original.payer_id,
          provider_id: original.provider_id,
          location_id: original.location_id,
          patient_control_number: pcn,
          frequency_code: '8',
          replaces_claim_id: id,
          payer_claim_control_number: payerClaimControlNumber,
          date_of_service: original.date_of_service,
          place_of_service: original.place_of_service,
          prior_authorization: original.prior_authorization,
          diagnoses: original.diagnoses,
          total_charge_cents: original.total_charge_cents,
          created_by: actorUserId(tx),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      voidId = row.id;
      await insertClaimSnapshot(tx, voidId, original.snapshot);
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError('CONFLICT', 'the claim already has an open replacement or void', {
          errors: [{ path: 'id', message: 'This claim already has an open correction.' }],
        });
      throw e;
    }
    const lines = await claimLines(tx, id);
    await tx.db
      .insertInto('claim_lines')
      .values(
        lines.map((l) => ({
          organization_id: tx.organizationId,
          claim_id: voidId,
          line_number: l.lineNumber,
          charge_id: l.chargeId,
          procedure_code: l.procedureCode,
          modifiers: l.modifiers,
          units: l.units,
          charge_cents: l.chargeCents,
          diagnosis_pointers: l.diagnosisPointers,
        })),
      )
      .execute();
    await tx.db
      .insertInto('claim_events')
      .values({
        organization_id: tx.organizationId,
        claim_id: voidId,
        at: now,
        user_id: actorUserId(tx),
        from_status: null,
        to_status: 'draft',
        reason: `void (frequency 8) of claim ${original.patient_control_number}: ${input.reason}`,
      })
      .execute();
    await transitionClaim(tx, original, 'closed', `voided by claim ${pcn}: ${input.reason}`);
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'claim_correction',
      resourceId: voidId,
      access,
      details: { claimId: id, correctionId: voidId, frequencyCode: '8', payerClaimControlNumber, reason: input.reason },
    });
    return loadClaim(tx, voidId);
  });
}
