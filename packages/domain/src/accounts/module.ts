import { defineModule } from '../module-manifest.ts';
import { accountsAuditEvents } from './accounts.audit.ts';
import { RECEIPT_JOB_HANDLERS } from './receipt-jobs.ts';

/**
 * Patient accounts: payments (idempotent), their allocation to charges, refunds, and the
 * account's balances and aging read from the ledger. Listed before the ledger, which posts
 * its events.
 */
export const accountsModule = defineModule({
  name: 'accounts',
  tables: ['payments', 'payment_allocations', 'refunds'],
  jobs: RECEIPT_JOB_HANDLERS,
  // The day's payments, refunds and voids for the daily close and deposits (migration 0205).
  views: ['payment_movements'],
  merge: { 'payments.patient_id': 'move' },
  audit: accountsAuditEvents,
});
