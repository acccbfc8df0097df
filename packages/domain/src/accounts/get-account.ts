import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { patientBalances } from '../ledger/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { Account } from './accounts.schemas.ts';
import { todayAt } from './today-at.ts';

/**
 * A patient's account: what the patient owes (negative: a credit), what payers were billed and
 * have not settled, and the whole balance aged from each visit's first posting (0-30 ... 120+),
 * on the desk's calendar day. Sums of posted ledger lines, read with its audit row.
 */
export async function getAccount(ctx: Ctx, patientId: string): Promise<Account> {
  requirePermission(ctx, 'account:read');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'account:read');
    const asOf = await todayAt(tx, tx.locationId);
    const b = await patientBalances(tx, patientId, asOf);
    await recordAudit(tx, {
      action: 'read',
      resourceType: 'account',
      resourceId: patientId,
      access,
      details: { patientBalanceCents: b.patientCents, insuranceBalanceCents: b.insuranceCents },
    });
    return {
      patientId,
      patientBalanceCents: b.patientCents,
      insuranceBalanceCents: b.insuranceCents,
      totalBalanceCents: b.patientCents + b.insuranceCents,
      aging: b.aging,
      asOf,
    };
  });
}
