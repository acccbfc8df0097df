import { defineModule } from '../module-manifest.ts';
import { depositsAuditEvents } from './deposits.audit.ts';
import { seedDepositsDemo } from './seed-deposits-demo.ts';

/**
 * Daily close per location and deposit batches: what a day took by method and by user, the cash
 * counted against the cash expected, and the payments taken to the bank. Listed before accounts,
 * which asks it whether a day is open (assertDayOpen) before dating money into it; it reads the
 * day's money through accounts' `payment_movements` view. No column points at patients.
 */
export const depositsModule = defineModule({
  name: 'deposits',
  tables: ['daily_closes', 'deposits', 'deposit_items'],
  demo: seedDepositsDemo,
  audit: depositsAuditEvents,
});
