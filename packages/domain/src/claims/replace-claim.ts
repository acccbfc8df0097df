import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { loadClaim, lockClaim } from './claim-row.ts';
import type { ClaimStatus } from './claim-states.ts';
import { transitionClaim } from './claim-states.ts';
import type { Claim, ClaimReplaceInput } from './claims.schemas.ts';
import { buildClaim } from './create-claim.ts';
import { getClaimAdjudication } from './get-claim-adjudication.ts';

/** States a replacement (frequency 7) starts from: the payer turned the claim down or decided it. */
export const REPLACEABLE: readonly ClaimStatus[] = ['denied', 'rejected', 'payer_rejected', 'paid', 'partially_paid'];

/** The payer's claim number (REF*F8): the one the biller gives, else the latest remittance's; neither: 400 naming the field. */
export async function payerNumberFor(tx: Ctx, claimId: string, given: string | undefined): Promise<string> {
  if (given) return given;
  const known = (await getClaimAdjudication(tx, claimId))?.payerClaimControlNumber;
  if (known) return known;
  throw new AppError('VALIDATION_FAILED', "no remittance gave the payer's claim number: enter it", {
    errors: [{ path: 'payerClaimControlNumber', message: "Enter the payer's claim number (no remittance gave it)." }],
  });
}

/**
 * Correct a claim the payer turned down or decided: a new draft claim with frequency code 7, rebuilt
 * from the encounter's current approved charges for the same coverage, naming the payer's claim
 * number (REF*F8) and linked to the original (`replaces_claim_id`), which is closed with the reason.
 * Any other state: 409. A second open replacement of the same claim is refused by a unique index.
 */
export async function replaceClaim(ctx: Ctx, id: string, input: ClaimReplaceInput): Promise<Claim> {
  requirePermission(ctx, 'claim:submit');
  return inTransaction(ctx, async (tx) => {
    const original = await lockClaim(tx, id);
    const access = await requirePatientAccess(tx, original.patient_id, 'claim:submit');
    if (original.frequency_code === '8') throw new AppError('ILLEGAL_TRANSITION', 'a void claim is not replaced');
    if (!REPLACEABLE.includes(original.status))
      throw new AppError(
        'ILLEGAL_TRANSITION',
        `a ${original.status} claim is not replaced: only ${REPLACEABLE.join(', ')} claims are (correct a draft in place)`,
      );
    const payerClaimControlNumber = await payerNumberFor(tx, id, input.payerClaimControlNumber);
    const built = await buildClaim(
      tx,
      {
        encounterId: original.encounter_id,
        coverageId: original.coverage_id,
        ...(original.prior_authorization ? { priorAuthorization: original.prior_authorization } : {}),
        ...(original.snapshot.referringProvider ? { referringProvider: original.snapshot.referringProvider } : {}),
      },
      { frequencyCode: '7', replacesClaimId: id, payerClaimControlNumber },
    );
    const replacement = await loadClaim(tx, built.id);
    await transitionClaim(tx, original, 'closed', `replaced by claim ${replacement.patientControlNumber}: ${input.reason}`);
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'claim_correction',
      resourceId: built.id,
      access,
      details: { claimId: id, correctionId: built.id, frequencyCode: '7', payerClaimControlNumber, reason: input.reason },
    });
    return replacement;
  });
}
