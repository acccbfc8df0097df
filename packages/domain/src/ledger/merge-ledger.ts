import type { PatientMerge } from '../patients/index.ts';
import type { Ctx } from '../shared/context.ts';
import { postEntry, postingDateAt } from './post-entry.ts';

/**
 * patient.merging: posted lines never change, so the merged record's open balances move to the
 * survivor by one transfer entry (per account and encounter: credit the merged record, debit the
 * survivor, or the reverse for a credit balance). The history stays under the patient it was
 * posted to. Answers how many balances moved.
 */
export async function mergeLedger(tx: Ctx, m: PatientMerge): Promise<number> {
  const balances = await tx.db
    .selectFrom('journal_lines')
    .select(['account_code', 'encounter_id', (eb) => eb.fn.sum<string>(eb('debit_cents', '-', eb.ref('credit_cents'))).as('net')])
    .where('organization_id', '=', tx.organizationId)
    .where('patient_id', '=', m.mergedId)
    .groupBy(['account_code', 'encounter_id'])
    .execute();
  const open = balances.map((b) => ({ ...b, net: Number(b.net) })).filter((b) => b.net !== 0);
  if (!open.length) return 0;
  await postEntry(tx, {
    kind: 'transfer',
    source: { type: 'patient_merge', id: m.mergedId },
    postingDate: await postingDateAt(tx, null),
    memo: 'Balances of a merged duplicate record moved to the surviving record',
    lines: open.flatMap((b) => {
      const amount = Math.abs(b.net);
      const from = { accountCode: b.account_code, patientId: m.mergedId, encounterId: b.encounter_id };
      const to = { accountCode: b.account_code, patientId: m.survivorId, encounterId: b.encounter_id };
      return b.net > 0
        ? [
            { ...from, creditCents: amount },
            { ...to, debitCents: amount },
          ]
        : [
            { ...from, debitCents: amount },
            { ...to, creditCents: amount },
          ];
    }),
  });
  return open.length;
}
