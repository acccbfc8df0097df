import { requirePermission } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import type { FeeEntry, FeeEntryPatch } from './billing.schemas.ts';
import { overlapError } from './create-fee-entry.ts';
import { isOverlap, lockFeeEntry, refuseOverlapAtCommit, requirePayer, toFeeEntry } from './fee-entry-row.ts';

/**
 * Change an entry's amount or dates (a new price from a date is usually a new entry after
 * ending this one). `expectedVersion` comes from If-Match: 412 when someone changed it since.
 * Charges already created keep the price they were created with.
 */
export async function updateFeeEntry(
  ctx: Ctx,
  payerId: string | null,
  id: string,
  patch: FeeEntryPatch,
  expectedVersion: number,
): Promise<FeeEntry> {
  requirePermission(ctx, 'fee-schedule:manage');
  let key = { code: '', modifier: '' };
  const work = inTransaction(ctx, async (tx) => {
    await requirePayer(tx, payerId);
    const current = await lockFeeEntry(tx, payerId, id);
    key = { code: current.code, modifier: current.modifier };
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `entry is at version ${current.version}`, { extra: { current: toFeeEntry(current) } });
    }
    const next = {
      amount_cents: patch.amountCents ?? Number(current.amount_cents),
      effective_from: patch.effectiveFrom ?? current.effective_from,
      effective_to: patch.effectiveTo !== undefined ? patch.effectiveTo : current.effective_to,
    };
    if (next.effective_to !== null && next.effective_to < next.effective_from)
      throw invalid('effectiveTo', 'must be on or after the first day');
    const row = await tx.db
      .updateTable('fee_schedule_entries')
      .set({ ...next, version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .returningAll()
      .executeTakeFirstOrThrow()
      .catch((e: unknown) => {
        throw isOverlap(e) ? overlapError(current.code, current.modifier) : e;
      });
    const before = {
      amount_cents: Number(current.amount_cents),
      effective_from: current.effective_from,
      effective_to: current.effective_to,
    };
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'fee_schedule_entry',
      resourceId: id,
      changes: diffFields(before, next),
      details: { payerId, code: current.code, modifier: current.modifier, amountCents: next.amount_cents },
    });
    return toFeeEntry(row);
  });
  return refuseOverlapAtCommit(work, () => overlapError(key.code, key.modifier));
}
