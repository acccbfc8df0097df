import { paymentPosted, paymentVoided, refundIssued } from '../accounts/index.ts';
import { defineModule } from '../module-manifest.ts';
import { react } from '../shared/events.ts';
import { statementIssued } from '../statements/index.ts';
import { applyPaymentToCollections } from './apply-payment.ts';
import { returnRefundFromPlan, returnVoidFromPlan } from './return-plan-payment.ts';
import { collectionsAuditEvents } from './collections.audit.ts';
import { MissedInstallmentSweeper } from './mark-missed-installments.ts';
import { recordStatement } from './record-statement.ts';
import { seedCollectionsDemo } from './seed-collections-demo.ts';

/**
 * Collections: the worklist per guarantor (balances read from the ledger, never stored), the
 * contact log with promises to pay, payment plans reduced by the patient's payments, the outside
 * agency, small-balance write-off batches (posted by the ledger). Listed after statements, whose
 * `statement.issued` it records, and after accounts, whose `payment.posted` reduces plans.
 */
export const collectionsModule = defineModule({
  name: 'collections',
  tables: [
    'collection_accounts',
    'collection_contacts',
    'payment_plans',
    'payment_plan_installments',
    'payment_plan_payments',
    'collection_write_off_batches',
    'collection_write_offs',
  ],
  reactions: [
    react(statementIssued, 'collections.record-statement', recordStatement),
    react(paymentPosted, 'collections.apply-payment', applyPaymentToCollections),
    react(refundIssued, 'collections.return-refunded-payment', returnRefundFromPlan),
    react(paymentVoided, 'collections.return-voided-payment', returnVoidFromPlan),
  ],
  // Installments past due and grace are marked missed every 15 minutes.
  periodic: ({ db, clock, log }) => [
    new MissedInstallmentSweeper({ db, clock, onError: (err) => log.warn({ err }, 'missed-installment sweep failed; will retry') }),
  ],
  demo: seedCollectionsDemo,
  // A plan follows the patient (a merge of two patients who both have an active plan is refused by its unique index).
  merge: { 'payment_plans.patient_id': 'move' },
  audit: collectionsAuditEvents,
});
