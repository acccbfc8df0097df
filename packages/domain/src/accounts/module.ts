import { defineModule } from '../module-manifest.ts';
import { accountsAuditEvents } from './accounts.audit.ts';

/**
 * Patient accounts: payments (idempotent), their allocation to charges, refunds, and the
 * account's balances and aging read from the ledger. Listed before the ledger, which posts
 * its events.
 */
export const accountsModule = defineModule({
  name: 'accounts',
  tables: ['payments', 'payment_allocations', 'refunds'],
  merge: { 'payments.patient_id': 'move' },
  audit: accountsAuditEvents,
});
