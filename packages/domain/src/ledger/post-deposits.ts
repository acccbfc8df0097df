import type { PaymentVoidedPayload } from '../accounts/index.ts';
import type { DayClosedPayload, DepositCreatedPayload } from '../deposits/index.ts';
import type { Ctx } from '../shared/context.ts';
import { postEntry, reverseEntry } from './post-entry.ts';

/** deposit.created: Dr bank, Cr cash drawer (its cash) and undeposited funds (its checks and cards). */
export async function postDeposit(tx: Ctx, d: DepositCreatedPayload) {
  return postEntry(tx, {
    kind: 'deposit',
    source: { type: 'deposit', id: d.depositId },
    postingDate: d.depositDate,
    memo: 'Deposit to the bank',
    locationId: d.locationId,
    lines: [
      { account: 'bank', debitCents: d.cashCents + d.nonCashCents },
      { account: 'cash_drawer', creditCents: d.cashCents },
      { account: 'undeposited_funds', creditCents: d.nonCashCents },
    ],
  });
}

/** day.closed: the drawer's variance against cash over and short (over: Dr drawer; short: Cr drawer); nothing when it balanced. */
export async function postCloseVariance(tx: Ctx, c: DayClosedPayload) {
  if (c.varianceCents === 0) return null;
  const over = c.varianceCents > 0;
  const cents = Math.abs(c.varianceCents);
  return postEntry(tx, {
    kind: 'transfer',
    source: { type: 'daily_close', id: c.closeId },
    postingDate: c.date,
    memo: over ? 'Cash over at the daily close' : 'Cash short at the daily close',
    locationId: c.locationId,
    lines: over
      ? [
          { account: 'cash_drawer', debitCents: cents },
          { account: 'cash_over_short', creditCents: cents },
        ]
      : [
          { account: 'cash_over_short', debitCents: cents },
          { account: 'cash_drawer', creditCents: cents },
        ],
  });
}

/** payment.voided: the payment's entry reversed, dated the void's reversal day (an open day). */
export async function postPaymentVoid(tx: Ctx, v: PaymentVoidedPayload) {
  const entry = await tx.db
    .selectFrom('journal_entries')
    .select('id')
    .where('organization_id', '=', tx.organizationId)
    .where('source_type', '=', 'payment')
    .where('source_id', '=', v.paymentId)
    .where('kind', '=', 'patient_payment')
    .executeTakeFirst();
  if (!entry) return null;
  return reverseEntry(tx, entry.id, v.reversalDate, `Payment voided: ${v.reason}`);
}
