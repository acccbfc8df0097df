import { defineModule } from '../module-manifest.ts';
import { payablesAuditEvents } from './payables.audit.ts';
import { seedPayablesDemo } from './seed-payables-demo.ts';

/**
 * Payables: the practice's vendors, the bills they send (with the invoice file), and what was
 * paid on each. Listed before the ledger, which posts its events (bill.entered, bill.paid,
 * bill.voided). No column points at patients.
 */
export const payablesModule = defineModule({
  name: 'payables',
  tables: ['vendors', 'bills', 'bill_invoices', 'bill_payments'],
  audit: payablesAuditEvents,
  demo: seedPayablesDemo,
});
