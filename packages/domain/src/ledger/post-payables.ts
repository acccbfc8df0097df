import type { BillEnteredPayload, BillPaidPayload, BillVoidedPayload } from '../payables/index.ts';
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

/** bill.voided: the bill's entry reversed on the day of the void (nothing when it never posted). */
export async function postBillVoided(tx: Ctx, v: BillVoidedPayload) {
  const entry = await tx.db
    .selectFrom('journal_entries')
    .select('id')
    .where('organization_id', '=', tx.organizationId)
    .where('source_type', '=', 'bill')
    .where('source_id', '=', v.billId)
    .where('kind', '=', 'vendor_bill')
    .executeTakeFirst();
  if (!entry) return null;
  return reverseEntry(tx, entry.id, v.postingDate, `Bill voided: ${v.reason}`);
}
