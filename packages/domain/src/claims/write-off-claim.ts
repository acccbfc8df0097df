import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import { loadClaim, lockClaim } from './claim-row.ts';
import { canTransition, transitionClaim } from './claim-states.ts';
import { claimWrittenOff } from './claim-written-off.ts';
import type { Claim, ClaimWriteOffInput } from './claims.schemas.ts';
import { getClaimAdjudication } from './get-claim-adjudication.ts';

/**
 * Write off what is left of a claim (needs `claim:write-off`): by default what neither the payer
 * paid nor the patient owes (total charge − paid − patient responsibility), or `amountCents` up to
 * the unpaid part. The claim is closed with the reason, the write-off kept (append-only, once per
 * claim), audited, and `claim.written-off` emitted for the ledger. A claim that cannot be closed
 * (draft to payer_accepted, closed): 409; nothing left to write off: 409.
 */
export async function writeOffClaim(ctx: Ctx, id: string, input: ClaimWriteOffInput): Promise<Claim> {
  requirePermission(ctx, 'claim:write-off');
  return inTransaction(ctx, async (tx) => {
    const claim = await lockClaim(tx, id);
    const access = await requirePatientAccess(tx, claim.patient_id, 'claim:write-off');
    if (!canTransition(claim.status, 'closed'))
      throw new AppError('ILLEGAL_TRANSITION', `a ${claim.status} claim is not written off: the payer has not decided it`);
    const adjudication = await getClaimAdjudication(tx, id);
    const total = Number(claim.total_charge_cents);
    const paid = adjudication?.paidCents ?? 0;
    const owedByPatient = adjudication?.patientResponsibilityCents ?? 0;
    const unpaid = Math.max(0, total - paid);
    const amount = input.amountCents ?? Math.max(0, total - paid - owedByPatient);
    if (amount <= 0) throw new AppError('CONFLICT', 'nothing is left to write off: the payer paid or the patient owes the whole charge');
    if (amount > unpaid)
      throw new AppError('VALIDATION_FAILED', `at most ${unpaid} cents are unpaid`, {
        errors: [{ path: 'amountCents', message: `At most ${unpaid} cents (the unpaid part of the claim).` }],
      });
    const at = tx.clock.now();
    const row = await tx.db
      .insertInto('claim_write_offs')
      .values({
        organization_id: tx.organizationId,
        claim_id: id,
        amount_cents: amount,
        reason: input.reason,
        user_id: actorUserId(tx),
        at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await transitionClaim(
      tx,
      claim,
      'closed',
      `written off ($${Math.floor(amount / 100)}.${String(amount % 100).padStart(2, '0')}): ${input.reason}`,
    );
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'claim_write_off',
      resourceId: row.id,
      access,
      details: { claimId: id, amountCents: amount, reason: input.reason },
    });
    await emit(tx, claimWrittenOff, {
      writeOffId: row.id,
      organizationId: tx.organizationId,
      claimId: id,
      patientId: claim.patient_id,
      payerId: claim.payer_id,
      encounterId: claim.encounter_id,
      amountCents: amount,
      reason: input.reason,
      at: at.toISOString(),
    });
    return loadClaim(tx, id);
  });
}
