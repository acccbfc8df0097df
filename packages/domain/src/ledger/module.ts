import { paymentPosted, paymentVoided, refundIssued } from '../accounts/index.ts';
import { chargeApproved, chargeVoided } from '../billing/index.ts';
import { balanceWrittenOff } from '../collections/index.ts';
import { claimsSubmitted, claimWrittenOff, remittancePosted } from '../claims/index.ts';
import { dayClosed, depositCreated } from '../deposits/index.ts';
import { defineModule } from '../module-manifest.ts';
import { patientMerging } from '../patients/index.ts';
import { billEntered, billPaid, billRevised, billVoided } from '../payables/index.ts';
import { react } from '../shared/events.ts';
import { mergeLedger } from './merge-ledger.ts';
import { postApprovedCharge, postVoidedCharge } from './post-charges.ts';
import { postClaimsBilled, postClaimWriteOff, postRemittance } from './post-claims.ts';
import { postBillEntered, postBillPaid, postBillRevised, postBillVoided } from './post-payables.ts';
import { postBalanceWriteOff } from './post-collections.ts';
import { postCloseVariance, postDeposit, postPaymentVoid } from './post-deposits.ts';
import { postPayment, postRefund } from './post-payments.ts';

/**
 * The practice's books: a chart of accounts and double-entry journal entries, posted by
 * reactions to other modules' financial events in the transaction of the event. Listed after
 * the modules whose events it posts. Its tables are append-only, so a patient merge never
 * re-points their rows (no merge policy): the merge's reaction moves open balances by a transfer
 * entry instead.
 */
export const ledgerModule = defineModule({
  name: 'ledger',
  tables: ['ledger_accounts', 'journal_entries', 'journal_lines'],
  reactions: [
    react(chargeApproved, 'ledger.post-approved-charge', postApprovedCharge),
    react(chargeVoided, 'ledger.post-voided-charge', postVoidedCharge),
    react(claimsSubmitted, 'ledger.post-claims-billed', postClaimsBilled),
    react(remittancePosted, 'ledger.post-remittance', postRemittance),
    react(claimWrittenOff, 'ledger.post-claim-write-off', postClaimWriteOff),
    react(paymentPosted, 'ledger.post-payment', postPayment),
    react(refundIssued, 'ledger.post-refund', postRefund),
    react(billEntered, 'ledger.post-bill', postBillEntered),
    react(billPaid, 'ledger.post-bill-payment', postBillPaid),
    react(billRevised, 'ledger.post-bill-revision', postBillRevised),
    react(billVoided, 'ledger.post-bill-void', postBillVoided),
    react(balanceWrittenOff, 'ledger.post-balance-write-off', postBalanceWriteOff),
    react(paymentVoided, 'ledger.post-payment-void', postPaymentVoid),
    react(dayClosed, 'ledger.post-close-variance', postCloseVariance),
    react(depositCreated, 'ledger.post-deposit', postDeposit),
    react(patientMerging, 'ledger.merge-balances', mergeLedger),
  ],
});
