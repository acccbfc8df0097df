import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { FeeEntry, FeeEntryInput } from './billing.schemas.ts';
import { isOverlap, refuseOverlapAtCommit, requirePayer, toFeeEntry } from './fee-entry-row.ts';

/**
 * Add a dated price to the standard schedule (`payerId` null) or a payer's contract. Dates
 * overlapping another entry of the same code and modifier: 409 naming `effectiveFrom` (the
 * database's exclusion constraint decides, so two people adding at once cannot both win; when
 * they meet only at commit, the loser gets the same 409).
 */
export async function createFeeEntry(ctx: Ctx, payerId: string | null, input: FeeEntryInput): Promise<FeeEntry> {
  requirePermission(ctx, 'fee-schedule:manage');
  const work = inTransaction(ctx, async (tx) => {
    await requirePayer(tx, payerId);
    const row = await tx.db
      .insertInto('fee_schedule_entries')
      .values({
        organization_id: tx.organizationId,
        payer_id: payerId,
        code: input.code,
        modifier: input.modifier,
        amount_cents: input.amountCents,
        effective_from: input.effectiveFrom,
        effective_to: input.effectiveTo,
        created_by: actorUserId(tx),
        created_at: tx.clock.now(),
        updated_at: tx.clock.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((e: unknown) => {
        throw isOverlap(e) ? overlapError(input.code, input.modifier) : e;
      });
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'fee_schedule_entry',
      resourceId: row.id,
      details: { payerId, code: row.code, modifier: row.modifier, amountCents: Number(row.amount_cents) },
    });
    return toFeeEntry(row);
  });
  return refuseOverlapAtCommit(work, () => overlapError(input.code, input.modifier));
}

export function overlapError(code: string, modifier: string): AppError {
  const message = `another entry for ${code}${modifier ? `-${modifier}` : ''} is in force on some of these days; end it first`;
  return new AppError('CONFLICT', message, { errors: [{ path: 'effectiveFrom', message }] });
}
