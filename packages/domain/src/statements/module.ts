import { defineModule } from '../module-manifest.ts';

/**
 * Patient statements: statement runs for guarantors whose patient balance reaches a threshold,
 * one PDF per guarantor and a combined PDF, dunning levels, email where consented. Listed after
 * the ledger, whose balances it reads.
 */
export const statementsModule = defineModule({
  name: 'statements',
  tables: [],
});
