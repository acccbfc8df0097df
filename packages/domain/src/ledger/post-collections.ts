import type { BalanceWrittenOffPayload } from '../collections/index.ts';
import type { Ctx } from '../shared/context.ts';
import { postEntry } from './post-entry.ts';

/**
 * collections.balance-written-off: Dr write-offs by the amount, and per visit Cr patient A/R by
 * what the patient owed on it (a visit or on-account credit is applied: Dr patient A/R), so every
 * visit of the patient nets to zero on the patient side.
 */
export async function postBalanceWriteOff(tx: Ctx, w: BalanceWrittenOffPayload) {
  return postEntry(tx, {
    kind: 'write_off',
    source: { type: 'collection_write_off', id: w.writeOffId },
    postingDate: w.postingDate,
    memo: 'Small-balance write-off (collections)',
    locationId: w.locationId,
    lines: [
      { account: 'write_offs', debitCents: w.amountCents, patientId: w.patientId, reason: 'small_balance_write_off' },
      ...w.visits.map((v) =>
        v.patientCents > 0
          ? { account: 'patient_ar' as const, creditCents: v.patientCents, patientId: w.patientId, encounterId: v.encounterId }
          : { account: 'patient_ar' as const, debitCents: -v.patientCents, patientId: w.patientId, encounterId: v.encounterId },
      ),
    ],
  });
}
