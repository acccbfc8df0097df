import { sql } from 'kysely';
import type { BillEnteredPayload, BillPaidPayload, BillRevisedPayload, BillVoidedPayload } from '../payables/index.ts';
import type { Ctx } from '../shared/context.ts';
import { postEntry, reverseEntry } from './post-entry.ts';

/** bill.entered: Dr the bill's expense account, Cr accounts payable, on the invoice date. */
export async function postBillEntered(tx: Ctx, b: BillEnteredPayload) {
  return postEntry(tx, {
    kind: 'vendor_bill',
    source: { type: 'bill', id: b.billId },
    postingDate: b.postingDate,
    memo: b.memo ? `Vendor bill: ${b.memo}` : 'Vendor bill',
    lines: [
      { account: b.category, debitCents: b.amountCents },
      { account: 'accounts_payable', creditCents: b.amountCents },
    ],
  });
}

/** bill.paid: Dr accounts payable, Cr bank, on the day it was paid. */
export async function postBillPaid(tx: Ctx, p: BillPaidPayload) {
  return postEntry(tx, {
    kind: 'bill_payment',
    source: { type: 'bill_payment', id: p.billPaymentId },
    postingDate: p.postingDate,
    memo: `Bill payment (${p.method})`,
    lines: [
      { account: 'accounts_payable', debitCents: p.amountCents },
      { account: 'bank', creditCents: p.amountCents },
    ],
  });
}

/**
 * The entry that books a bill as it now is: its first (source `bill`) or the latest revision
 * (source `bill_revision`, id `<billId>:<version>`), the one not reversed. Null when the bill
 * never posted or its entry was reversed (void).
 */
async function currentBillEntry(tx: Ctx, billId: string): Promise<{ id: string } | undefined> {
  return tx.db
    .selectFrom('journal_entries as e')
    .select('e.id')
    .where('e.organization_id', '=', tx.organizationId)
    .where('e.kind', '=', 'vendor_bill')
    .where((eb) =>
      eb.or([
        eb.and([eb('e.source_type', '=', 'bill'), eb('e.source_id', '=', billId)]),
        eb.and([eb('e.source_type', '=', 'bill_revision'), eb('e.source_id', 'like', `${billId}:%`)]),
      ]),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('journal_entries as r')
            .select('r.id')
            .where('r.organization_id', '=', tx.organizationId)
            .where('r.source_type', '=', 'journal_entry')
            .whereRef('r.source_id', '=', sql<string>`e.id::text`)
            .where('r.kind', '=', 'reversal'),
        ),
      ),
    )
    .orderBy('e.posted_at', 'desc')
    .executeTakeFirst();
}

/**
 * bill.revised: the bill's current entry reversed and the bill posted again (Dr its expense
 * account, Cr accounts payable) as revision `version`, both on `postingDate`. A second delivery
 * posts nothing (the revision's entry is there already).
 */
export async function postBillRevised(tx: Ctx, b: BillRevisedPayload) {
  const source = { type: 'bill_revision', id: `${b.billId}:${b.version}` };
  const done = await tx.db
    .selectFrom('journal_entries')
    .select('id')
    .where('organization_id', '=', tx.organizationId)
    .where('source_type', '=', source.type)
    .where('source_id', '=', source.id)
    .where('kind', '=', 'vendor_bill')
    .executeTakeFirst();
  if (done) return { id: done.id, posted: false };
  const current = await currentBillEntry(tx, b.billId);
  if (!current) return null;
  await reverseEntry(tx, current.id, b.postingDate, 'Vendor bill edited: previous amount or account reversed');
  return postEntry(tx, {
    kind: 'vendor_bill',
    source,
    postingDate: b.postingDate,
    memo: b.memo ? `Vendor bill (edited): ${b.memo}` : 'Vendor bill (edited)',
    lines: [
      { account: b.category, debitCents: b.amountCents },
      { account: 'accounts_payable', creditCents: b.amountCents },
    ],
  });
}

/** bill.voided: the bill's current entry reversed on the day of the void (nothing when it never posted). */
export async function postBillVoided(tx: Ctx, v: BillVoidedPayload) {
  const entry = await currentBillEntry(tx, v.billId);
  if (!entry) return null;
  return reverseEntry(tx, entry.id, v.postingDate, `Bill voided: ${v.reason}`);
}
