import type { PaymentPostedPayload, RefundIssuedPayload } from '../accounts/index.ts';
import type { Ctx } from '../shared/context.ts';
import type { AccountKey } from './accounts.ts';
import { postEntry } from './post-entry.ts';

/** Cash waits in the drawer; checks and cards wait as undeposited funds until the deposit. */
const receivedInto = (method: string): AccountKey => (method === 'cash' ? 'cash_drawer' : 'undeposited_funds');

/** payment.posted: Dr cash drawer or undeposited funds, Cr patient A/R per charge paid and on account for the rest. */
export async function postPayment(tx: Ctx, p: PaymentPostedPayload) {
  const allocated = p.allocations.reduce((s, a) => s + a.amountCents, 0);
  return postEntry(tx, {
    kind: 'patient_payment',
    source: { type: 'payment', id: p.paymentId },
    postingDate: p.postingDate,
    memo: `Patient payment (${p.method})`,
    locationId: p.locationId,
    lines: [
      { account: receivedInto(p.method), debitCents: p.amountCents, patientId: p.patientId },
      ...p.allocations.map((a) => ({
        account: 'patient_ar' as const,
        creditCents: a.amountCents,
        patientId: p.patientId,
        encounterId: a.encounterId,
        chargeId: a.chargeId,
      })),
      { account: 'patient_ar', creditCents: p.amountCents - allocated, patientId: p.patientId },
    ],
  });
}

/** refund.issued: Dr patient A/R (the credit given back), Cr the drawer for cash, else the bank. */
export async function postRefund(tx: Ctx, r: RefundIssuedPayload) {
  return postEntry(tx, {
    kind: 'refund',
    source: { type: 'refund', id: r.refundId },
    postingDate: r.postingDate,
    memo: 'Refund to the patient',
    locationId: r.locationId,
    lines: [
      { account: 'patient_ar', debitCents: r.amountCents, patientId: r.patientId },
      { account: r.method === 'cash' ? 'cash_drawer' : 'bank', creditCents: r.amountCents, patientId: r.patientId, reason: 'refund' },
    ],
  });
}
