import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { lockClaim } from './claim-row.ts';
import type { ClaimOverrideInput } from './claims.schemas.ts';
import { SCRUB_RULES } from './scrub-rules.ts';

/**
 * Accept a scrubber WARNING on a draft or ready claim, with a reason (audited; the next scrub
 * counts it as resolved). An error cannot be overridden: 409; an unknown rule: 400.
 */
export async function overrideWarning(
  ctx: Ctx,
  id: string,
  input: ClaimOverrideInput,
): Promise<{ rule: string; reason: string; userId: string | null; at: string }> {
  requirePermission(ctx, 'claim:submit');
  const rule = SCRUB_RULES.find((r) => r.code === input.rule);
  if (!rule) throw invalid('rule', `No scrubber rule ${input.rule}.`);
  return inTransaction(ctx, async (tx) => {
    const claim = await lockClaim(tx, id);
    const access = await requirePatientAccess(tx, claim.patient_id, 'claim:submit');
    if (rule.severity === 'error')
      throw new AppError('CONFLICT', `${rule.code} is an error: correct the claim instead of overriding it`, {
        errors: [{ path: 'rule', message: 'Errors cannot be overridden.' }],
      });
    if (claim.status !== 'draft' && claim.status !== 'ready')
      throw new AppError('ILLEGAL_TRANSITION', `a ${claim.status} claim's scrub is final`);
    const at = tx.clock.now();
    await tx.db
      .insertInto('claim_overrides')
      .values({ organization_id: tx.organizationId, claim_id: id, rule: rule.code, reason: input.reason, user_id: actorUserId(tx), at })
      .execute();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'claim_override',
      resourceId: id,
      access,
      details: { claimId: id, rule: rule.code, reason: input.reason },
    });
    return { rule: rule.code, reason: input.reason, userId: actorUserId(tx), at: at.toISOString() };
  });
}
